// npx tsx bench/export.ts [rounds]
// The print PDF of the largest sample issue (2023-21, with the publication's 版记), timed in one
// run against:
//   (a) the floor: Chromium printing a saved static copy of the same print HTML (faces on disk,
//       版记 already placed, no script), in a warm browser of its own and as a one-shot
//       `chromium --headless --print-to-pdf` process;
//   (b) what an office does today: LibreOffice converting our .docx to PDF (`soffice --convert-to pdf`).
// Reports medians and ratios; asserts nothing. Needs Chromium (CHROMIUM_PATH) and, for (b), soffice.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { bulletinToDocx } from "../lib/bulletin/docx";
import { parseBulletinText } from "../lib/bulletin/parse-text";
import { closeBrowser, DEFAULT_CHROMIUM_PATH, renderBulletinPdf } from "../lib/bulletin/pdf";
import { bulletinToPrintHtml } from "../lib/bulletin/print-html";

const ROUNDS = Number(process.argv[2] ?? 5);
const CHROMIUM = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
const ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const root = path.resolve(__dirname, "..");
const sample = (name: string) => readFileSync(path.join(root, "db/samples", `${name}.txt`), "utf8");

const doc = parseBulletinText(sample("2023-21"));
doc.footer = { ...parseBulletinText(sample("2023-20")).footer, printedBy: "北京市科协办公室", printedDate: "2023-08-11", printRun: 120 };

const work = mkdtempSync(path.join(tmpdir(), "bench-export-"));

async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
async function median(rounds: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++) ms.push(await time(fn));
  return ms.sort((a, b) => a - b)[Math.floor(rounds / 2)];
}
const pages = (file: string) => /Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1] ?? "?";

/** The static copy: the print HTML as laid out (版记 placed, script gone) with its faces beside it. */
async function staticCopy(): Promise<string> {
  const dir = path.join(work, "static");
  mkdirSync(path.join(dir, "fonts"), { recursive: true });
  const nm = path.join(root, "node_modules");
  symlinkSync(path.join(nm, "@fontsource/noto-serif-sc/files"), path.join(dir, "fonts/noto-serif-sc"));
  symlinkSync(path.join(nm, "@fontsource/noto-sans-sc/files"), path.join(dir, "fonts/noto-sans-sc"));
  symlinkSync(path.join(nm, "lxgw-wenkai-webfont/files"), path.join(dir, "fonts/lxgw-wenkai"));
  const { fontStylesheet } = await import("../lib/bulletin/font-files");
  writeFileSync(path.join(dir, "fonts/fonts.css"), fontStylesheet());
  const file = path.join(dir, "print.html");
  writeFileSync(file, bulletinToPrintHtml(doc, { fontBaseUrl: "fonts" }));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const page = await browser.newPage();
  await page.goto(`file://${file}`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
  const laidOut = (await page.content()).replace(/<script>[\s\S]*?<\/script>/, "");
  await browser.close();
  writeFileSync(file, laidOut);
  return file;
}

async function main() {
  console.log(`bench/export: 2023-21 (${doc.sections.reduce((n, s) => n + s.items.length, 0)} items), ${ROUNDS} rounds, medians`);

  // Ours, as the app serves it: document → print HTML → the shared, queued Chromium → PDF bytes.
  const oursFile = path.join(work, "ours.pdf");
  const oursCold = await time(async () => writeFileSync(oursFile, await renderBulletinPdf(doc, { executablePath: CHROMIUM })));
  const oursWarm = await median(ROUNDS, () => renderBulletinPdf(doc, { executablePath: CHROMIUM }));
  await closeBrowser();

  // (a) The floor.
  const html = await staticCopy();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const floorFile = path.join(work, "floor.pdf");
  const printStatic = async () => {
    const page = await browser.newPage();
    await page.goto(`file://${html}`, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
    await page.close();
    return pdf;
  };
  writeFileSync(floorFile, await printStatic());
  const floorWarm = await median(ROUNDS, printStatic);
  await browser.close();
  const cliFile = path.join(work, "floor-cli.pdf");
  const floorCli = await median(Math.min(ROUNDS, 3), () =>
    spawnSync(CHROMIUM, [...ARGS, "--headless", "--no-pdf-header-footer", `--print-to-pdf=${cliFile}`, `file://${html}`], { stdio: "ignore" }),
  );

  // (b) LibreOffice converting our .docx.
  const docxFile = path.join(work, "issue.docx");
  const docxMs = await median(ROUNDS, async () => writeFileSync(docxFile, await bulletinToDocx(doc)));
  const soffice = ["soffice", "libreoffice"].find((c) => spawnSync("which", [c]).status === 0);
  let loMs: number | null = null;
  let loPages = "?";
  if (soffice) {
    const out = path.join(work, "lo");
    const profile = `file://${path.join(work, "lo-profile")}`;
    // The first start builds LibreOffice's profile; an office PC has one already.
    spawnSync(soffice, [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", out, docxFile], { stdio: "ignore" });
    loMs = await median(Math.min(ROUNDS, 3), () => spawnSync(soffice, [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", out, docxFile], { stdio: "ignore" }));
    const loPdf = path.join(out, "issue.pdf");
    loPages = existsSync(loPdf) ? pages(loPdf) : "none";
  }

  const row = (name: string, ms: number | null, note = "") => console.log(`  ${name.padEnd(58)} ${ms === null ? "   n/a" : `${ms.toFixed(0).padStart(6)} ms`}  ${note}`);
  row("ours: PDF export, warm (shared browser, queued)", oursWarm, `${pages(oursFile)} pages`);
  row("ours: PDF export, cold (first export: launches Chromium)", oursCold);
  row("(a) floor: static copy printed by a warm Chromium", floorWarm, `${pages(floorFile)} pages`);
  row("(a) floor: static copy, one-shot chromium --print-to-pdf", floorCli, existsSync(cliFile) ? `${pages(cliFile)} pages` : "");
  row("ours: .docx export", docxMs);
  row("(b) LibreOffice: our .docx → PDF (soffice --convert-to pdf)", loMs, soffice ? `${loPages} pages` : "soffice not installed");
  console.log("ratios");
  console.log(`  ours warm / floor warm          ${(oursWarm / floorWarm).toFixed(2)}×`);
  console.log(`  ours cold / floor one-shot      ${(oursCold / floorCli).toFixed(2)}×`);
  if (loMs !== null) console.log(`  LibreOffice / ours warm         ${(loMs / oursWarm).toFixed(2)}×`);
  rmSync(work, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);

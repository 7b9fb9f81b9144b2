// nice npx tsx bench/pdf-idle.ts [minutes=10]
// Issue 15 §4: is the first PDF after an idle spell as fast as the rest? Warms the renderer as the
// server does at start (warmPdfRenderer), times three warm exports of the largest sample issue, then
// waits `minutes` with nothing to do and times the next export. Baseline in the same run: the warm
// exports' median, and three warm exports right after the idle one (same machine load). Prints whether the browser process is still the same one after the wait.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseBulletinText } from "../lib/bulletin/parse-text";
import { closeBrowser, DEFAULT_CHROMIUM_PATH, renderBulletinPdf, warmPdfRenderer } from "../lib/bulletin/pdf";

const minutes = Number(process.argv[2] ?? 10);
const opts = { executablePath: process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH };
const doc = parseBulletinText(readFileSync(path.join(__dirname, "../db/samples/2023-21.txt"), "utf8"));
const time = async () => {
  const t = performance.now();
  await renderBulletinPdf(doc, opts);
  return performance.now() - t;
};
const browserPid = () => (globalThis as unknown as { __bulletinPdf?: { browser: { process?: () => { pid?: number } | null } | null } }).__bulletinPdf?.browser;

async function main() {
  await warmPdfRenderer(opts);
  const warm = [await time(), await time(), await time()].sort((a, b) => a - b);
  const before = browserPid();
  await new Promise((r) => setTimeout(r, minutes * 60_000));
  const after = await time();
  const same = browserPid() === before && before !== null;
  // Warm again right after: the same machine load as the idle one (a shared machine's load moves).
  const warmAfter = [await time(), await time(), await time()].sort((a, b) => a - b);
  console.log(`bench/pdf-idle: 2023-21, ${minutes} min idle`);
  console.log(`  warm export (median of 3, baseline)  ${warm[1].toFixed(0).padStart(6)} ms`);
  console.log(`  first export after ${String(minutes).padStart(2)} min idle       ${after.toFixed(0).padStart(6)} ms  (${(after / warm[1]).toFixed(2)}× warm)`);
  console.log(`  warm exports right after (median of 3) ${warmAfter[1].toFixed(0).padStart(6)} ms  → idle one is ${(after / warmAfter[1]).toFixed(2)}× these`);
  console.log(`  same browser as before the idle spell: ${same ? "yes" : "no"}`);
  await closeBrowser();
}
main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);

// nice npx tsx bench/fonts.ts [--app DIR] [--port 3177]
// Font weight of the pages that show an issue as it prints — the desk's board and the reviewer's
// issue page — on the first visit of the day (empty cache) and on the next visit (same browser
// profile), against the built app (`next start` on a fresh demo database). Counts every font
// response and its bytes on the wire. Baseline in the same run: the bytes of every font file the
// pages' stylesheets declare (what a page would load without unicode-range subsets), so the
// figure printed is the share actually loaded.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { runBench, startDemoApp } from "./demo-app";

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const APP = path.resolve(arg("app", path.resolve(__dirname, "..")));
const PORT = Number(arg("port", "3177"));
const SECRET = "bench-fonts-secret-0123456789abcdef0123456789";
let BASE = "";

interface Loaded {
  /** Loaded font faces (unicode-range pieces) per family and weight. */
  faces: Record<string, number>;
  files: number;
  bytes: number;
  fromCache: number;
  largest: string;
}

/** Visits `url` in `context` and sums the font responses (bytes on the wire; cached ones counted apart). */
async function visit(context: BrowserContext, url: string): Promise<Loaded> {
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const fonts = new Map<string, { url: string; bytes: number; cached: boolean }>();
  cdp.on("Network.responseReceived", (e) => {
    if (e.type === "Font" || /\.(woff2?|ttf|otf)(\?|$)/.test(e.response.url)) fonts.set(e.requestId, { url: e.response.url, bytes: 0, cached: !!e.response.fromDiskCache || e.response.status === 304 });
  });
  cdp.on("Network.loadingFinished", (e) => {
    const f = fonts.get(e.requestId);
    if (f) f.bytes = e.encodedDataLength;
  });
  cdp.on("Network.requestServedFromCache", (e) => {
    const f = fonts.get(e.requestId);
    if (f) f.cached = true;
  });
  await page.goto(BASE + url, { waitUntil: "networkidle" });
  // Fonts load when text is laid out; the preview frames too.
  await page.evaluate(async () => {
    await document.fonts.ready;
    for (const f of Array.from(document.querySelectorAll("iframe"))) await f.contentDocument?.fonts?.ready;
  });
  await page.waitForLoadState("networkidle");
  const faces = await page.evaluate(() => {
    const out: Record<string, number> = {};
    const docs = [document, ...Array.from(document.querySelectorAll("iframe")).map((f) => f.contentDocument).filter((d): d is Document => !!d)];
    for (const d of docs)
      d.fonts.forEach((f) => {
        if (f.status !== "loaded") return;
        const key = `${f.family.replace(/"/g, "")} ${f.weight}`;
        out[key] = (out[key] ?? 0) + 1;
      });
    return out;
  });
  await page.close();
  const all = [...fonts.values()];
  const net = all.filter((f) => !f.cached);
  const largest = net.sort((a, b) => b.bytes - a.bytes)[0];
  return {
    faces,
    files: net.length,
    bytes: net.reduce((n, f) => n + f.bytes, 0),
    fromCache: all.length - net.length,
    largest: largest ? `${path.basename(new URL(largest.url).pathname)} ${(largest.bytes / 1024).toFixed(0)} KB` : "—",
  };
}

/** Every font file the page's stylesheets (and its frames') declare, with their sizes: the baseline. */
async function declared(context: BrowserContext, url: string): Promise<{ files: number; bytes: number }> {
  const page = await context.newPage();
  await page.goto(BASE + url, { waitUntil: "networkidle" });
  const urls = await page.evaluate(() => {
    const out = new Set<string>();
    const docs = [document, ...Array.from(document.querySelectorAll("iframe")).map((f) => f.contentDocument).filter((d): d is Document => !!d)];
    for (const d of docs)
      for (const sheet of Array.from(d.styleSheets)) {
        let rules: CSSRuleList;
        try {
          rules = sheet.cssRules;
        } catch {
          continue;
        }
        for (const r of Array.from(rules)) {
          if (!(r instanceof (d.defaultView ?? window).CSSFontFaceRule)) continue;
          const m = /url\("?([^")]+)"?\)/.exec((r as CSSFontFaceRule).style.getPropertyValue("src"));
          if (m) out.add(new URL(m[1], sheet.href ?? d.baseURI).href);
        }
      }
    return [...out];
  });
  await page.close();
  let bytes = 0;
  for (const u of urls) {
    const r = await fetch(u).catch(() => null);
    bytes += r?.ok ? (await r.arrayBuffer()).byteLength : 0;
  }
  return { files: urls.length, bytes };
}

async function main() {
  const app = await startDemoApp(APP, PORT, SECRET);
  BASE = app.base;
  const c = new Database(app.db, { readonly: true });
  // The board of the issue with the most items; the reviewer's page of the same issue.
  const issue = (c.prepare("select issue_id id, count(*) n from placements group by issue_id order by n desc limit 1").get() as { id: number }).id;
  const token = app.token;
  const pages: [string, string, string][] = [
    ["board (/desk/issues/N)", `/desk/issues/${issue}`, await token("editor")],
    ["review (/review/issues/N)", `/review/issues/${issue}`, await token("reviewer")],
    ["print view (export?format=html)", `/api/issues/${issue}/export?format=html`, await token("editor")],
  ];
  c.close();
  console.log(`bench/fonts: ${APP}, issue ${issue}; font files and KB on the wire`);
  for (const [name, url, tk] of pages) {
    const dir = mkdtempSync(path.join(tmpdir(), "fonts-profile-"));
    const context = await chromium.launchPersistentContext(dir, { executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
    await context.addCookies([{ name: "next-auth.session-token", value: tk, url: BASE }]);
    const first = await visit(context, url);
    const again = await visit(context, url);
    const all = await declared(context, url);
    await context.close();
    console.log(
      `  ${name.padEnd(28)} first visit ${String(first.files).padStart(3)} files ${(first.bytes / 1024).toFixed(0).padStart(6)} KB (largest ${first.largest})` +
        ` | next visit ${again.files} files ${(again.bytes / 1024).toFixed(0)} KB, ${again.fromCache} from cache` +
        ` | declared ${all.files} files ${(all.bytes / 1024).toFixed(0)} KB → first visit loads ${((100 * first.bytes) / Math.max(1, all.bytes)).toFixed(1)}%`,
    );
    console.log(`    pieces loaded per face: ${Object.entries(first.faces).map(([k, n]) => `${k} ×${n}`).join(", ")}`);
  }
}
runBench(main);

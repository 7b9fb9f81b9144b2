import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import type { BulletinDocument } from "./document";
import { fontAsset } from "./font-files";
import { bulletinToPrintHtml } from "./print-html";
import { PdfBusyError, PdfUnavailableError } from "./pdf-errors";

export { PdfBusyError, PdfUnavailableError };

/**
 * The print PDF, rendered by Chromium from the print HTML (Node only). One browser is launched
 * when the server starts (instrumentation.ts → warmPdfRenderer) or on the first export, and kept
 * for the life of the process — never closed on idle, so the first export after a quiet spell is as
 * fast as the rest. Exports wait their turn in a queue, so a burst of requests opens a few pages at
 * a time in that browser instead of starting a browser each. All of it is asynchronous: the Node
 * side only sends the page to Chromium and awaits the PDF bytes, so other requests go on meanwhile.
 */

export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

const LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
/** Pages rendering at once in the one browser. */
const CONCURRENCY = 3;
/** Exports waiting beyond this are refused rather than left to time out. */
const MAX_WAITING = 50;
const RENDER_TIMEOUT_MS = 60_000;
/**
 * An idle browser goes cold (after ten idle minutes the first export took 1.8× a warm one, the
 * browser still running: bench/pdf-idle.ts), so after this long without an export it prints the
 * one-line warm-up bulletin again (a fraction of a second of CPU) — and again, while it stays idle.
 */
const KEEP_WARM_MS = 3 * 60_000;

/** Where one export stands while it waits for a page and while it renders. */
export type PdfProgress = { state: "queued"; ahead: number } | { state: "rendering" };

interface Waiter {
  go: () => void;
  /** Told its place again whenever an export ahead of it leaves the queue. */
  progress?: (p: PdfProgress) => void;
}

interface Renderer {
  executablePath: string;
  context: Promise<BrowserContext> | null;
  browser: Browser | null;
  running: number;
  waiting: Waiter[];
  /** The keep-warm render due when nothing else has rendered for KEEP_WARM_MS (see keepWarm). */
  keepWarm?: ReturnType<typeof setTimeout>;
}

// Cached on globalThis so dev reloads do not leave browsers behind.
const g = globalThis as unknown as { __bulletinPdf?: Renderer };
function renderer(executablePath: string): Renderer {
  const r = (g.__bulletinPdf ??= { executablePath, context: null, browser: null, running: 0, waiting: [] });
  if (r.executablePath !== executablePath && r.running === 0) {
    void closeBrowser();
    r.executablePath = executablePath;
  }
  return r;
}

async function launch(r: Renderer): Promise<BrowserContext> {
  if (!existsSync(r.executablePath)) {
    throw new PdfUnavailableError(`找不到 Chromium（${r.executablePath}），无法生成 PDF。请安装 Chromium，或用环境变量 CHROMIUM_PATH 指明它的位置。`);
  }
  let browser: Browser;
  try {
    // Playwright's own signal handlers would close the browser at once on SIGTERM/SIGINT/SIGHUP,
    // failing the exports still running; the server closes it itself once they are done
    // (scripts/server.mjs), and a process without that handler exits and the browser with it.
    browser = await chromium.launch({ executablePath: r.executablePath, args: LAUNCH_ARGS, headless: true, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  } catch (e) {
    throw new PdfUnavailableError(`Chromium（${r.executablePath}）无法启动，无法生成 PDF：${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
  }
  r.browser = browser;
  browser.on("disconnected", () => {
    if (r.browser === browser) {
      r.browser = null;
      r.context = null;
    }
  });
  // One context for every export, so its HTTP cache keeps the faces after the first export.
  return browser.newContext({ javaScriptEnabled: true });
}

/**
 * The bundled faces for the browser, from a server on the loopback interface that only serves
 * them (not request interception, which would switch Chromium's cache off and send ~2.5 MB of
 * fonts through the DevTools protocol on every export).
 */
let fontServer: Promise<string> | null = null;
function fontBaseUrl(): Promise<string> {
  return (fontServer ??= new Promise<string>((resolve, reject) => {
    const server: Server = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const asset = req.method === "GET" && url.pathname.startsWith("/fonts/") ? fontAsset(url.pathname.slice("/fonts/".length).split("/")) : null;
      if (!asset) {
        res.writeHead(404).end();
        return;
      }
      // The print page is about:blank, so the faces are cross-origin and need CORS.
      res.writeHead(200, { "content-type": asset.contentType, "access-control-allow-origin": "*", "cache-control": "public, max-age=31536000, immutable" });
      res.end(asset.body);
    });
    server.on("error", (e) => {
      fontServer = null;
      reject(new PdfUnavailableError(`无法为 PDF 提供字体：${e.message}`));
    });
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/fonts`));
    // It must not keep a command-line process alive.
    server.unref();
  }));
}

/**
 * A page to render on, now or when one frees up (first come, first served). `progress` hears
 * {queued, ahead} on entering the queue and each time it moves up, then {rendering}. Runs
 * synchronously up to the wait, so a caller knows the export's place as soon as it has asked.
 */
async function acquire(r: Renderer, progress?: (p: PdfProgress) => void): Promise<void> {
  if (r.running < CONCURRENCY) {
    r.running++;
    progress?.({ state: "rendering" });
    return;
  }
  if (r.waiting.length >= MAX_WAITING) throw new PdfBusyError();
  const waited = new Promise<void>((resolve) => r.waiting.push({ go: resolve, progress }));
  progress?.({ state: "queued", ahead: r.waiting.length - 1 });
  await waited;
  progress?.({ state: "rendering" });
}

function release(r: Renderer): void {
  const next = r.waiting.shift();
  if (!next) {
    r.running--;
    return;
  }
  r.waiting.forEach((w, i) => w.progress?.({ state: "queued", ahead: i }));
  next.go();
}

/** Where the export queue stands: pages rendering now and exports waiting for a page. */
export function pdfQueue(): { running: number; waiting: number } {
  const r = g.__bulletinPdf;
  return { running: r?.running ?? 0, waiting: r?.waiting.length ?? 0 };
}

export interface PdfOptions {
  executablePath?: string;
  /** Hears the export's place in the queue and when it starts rendering (see acquire). */
  progress?: (p: PdfProgress) => void;
}

/**
 * Prints HTML the way the bulletin is printed; `html` gets the URL the bundled faces are served
 * under. The page's script sets data-ready once its faces have loaded and the 版记 is placed.
 */
export async function printHtmlToPdf(html: (fontBaseUrl: string) => string, options: PdfOptions = {}): Promise<Buffer> {
  const r = renderer(options.executablePath ?? DEFAULT_CHROMIUM_PATH);
  await acquire(r, options.progress);
  try {
    if (!r.context) {
      r.context = launch(r);
      r.context.catch(() => (r.context = null));
    }
    const [context, fonts] = await Promise.all([r.context, fontBaseUrl()]);
    const page = await context.newPage();
    try {
      page.setDefaultTimeout(RENDER_TIMEOUT_MS);
      await page.setContent(html(fonts), { waitUntil: "load" });
      await page.waitForFunction(() => document.documentElement.dataset.ready === "1" || !document.querySelector("script"));
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
    } finally {
      await page.close().catch(() => undefined);
    }
  } finally {
    release(r);
    keepWarm(r);
  }
}

/** (Re)arms the keep-warm render for when the renderer has been idle KEEP_WARM_MS. */
function keepWarm(r: Renderer): void {
  if (r.keepWarm) clearTimeout(r.keepWarm);
  r.keepWarm = setTimeout(() => {
    if (r.browser && r.running === 0 && r.waiting.length === 0) void warmPdfRenderer({ executablePath: r.executablePath });
  }, KEEP_WARM_MS);
  // It must not keep a command-line process alive.
  r.keepWarm.unref?.();
}

/** The bulletin's print PDF: the print HTML with the bundled faces, printed by Chromium. */
export async function renderBulletinPdf(doc: BulletinDocument, options: PdfOptions = {}): Promise<Buffer> {
  return printHtmlToPdf((fontBaseUrl) => bulletinToPrintHtml(doc, { fontBaseUrl }), options);
}

/**
 * Starts the browser and the font server and prints a one-line bulletin, so the first real export
 * finds Chromium running and the faces in its cache. Resolves whether or not that worked (an
 * export reports a missing Chromium itself); the time taken in ms, or null on failure.
 */
export async function warmPdfRenderer(options: { executablePath?: string } = {}): Promise<number | null> {
  const t = Date.now();
  const doc: BulletinDocument = {
    masthead: { title: "科协每周动态", year: 2026, number: 1, totalNumber: 1, office: "办公室", date: "2026-01-01" },
    toc: ["预热"],
    sections: [{ title: "科普工作", items: [{ title: "预热", paragraphs: [[{ text: "一二三，ABC 123。" }]], source: "办公室" }] }],
    footer: { mailbox: "", editor: "", reviewer: "", distribution: [] },
    draft: true,
  };
  try {
    await renderBulletinPdf(doc, options);
    return Date.now() - t;
  } catch {
    return null;
  }
}

/** Closes the shared browser (tests and the command line). */
export async function closeBrowser(): Promise<void> {
  const r = g.__bulletinPdf;
  if (!r) return;
  const browser = r.browser;
  if (r.keepWarm) clearTimeout(r.keepWarm);
  r.browser = null;
  r.context = null;
  await browser?.close().catch(() => undefined);
}

import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import type { BulletinDocument } from "./document";
import { fontAsset } from "./font-files";
import { bulletinToPrintHtml } from "./print-html";

/**
 * The print PDF, rendered by Chromium from the print HTML (Node only). One browser is launched on
 * the first export and kept; exports wait their turn in a queue, so a burst of requests opens
 * pages one or two at a time in that browser instead of starting a browser each.
 */

export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

const LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
/** Pages rendering at once in the one browser. */
const CONCURRENCY = 2;
/** Exports waiting beyond this are refused rather than left to time out. */
const MAX_WAITING = 50;
const RENDER_TIMEOUT_MS = 60_000;
/** The browser is closed after this long without an export, and relaunched on the next. */
const IDLE_CLOSE_MS = 10 * 60_000;

/** Fonts are served to the page from memory under this origin; nothing goes to the network. */
const ORIGIN = "http://bulletin.print";
export const PDF_FONT_BASE_URL = `${ORIGIN}/fonts`;

export class PdfUnavailableError extends Error {
  readonly code = "pdf_unavailable";
  constructor(message: string) {
    super(message);
    this.name = "PdfUnavailableError";
  }
}

export class PdfBusyError extends Error {
  readonly code = "pdf_busy";
  constructor() {
    super("PDF 导出排队的请求太多，请稍后再试。");
    this.name = "PdfBusyError";
  }
}

interface Renderer {
  executablePath: string;
  context: Promise<BrowserContext> | null;
  browser: Browser | null;
  running: number;
  waiting: (() => void)[];
  idle: ReturnType<typeof setTimeout> | null;
}

// Cached on globalThis so dev reloads do not leave browsers behind.
const g = globalThis as unknown as { __bulletinPdf?: Renderer };
function renderer(executablePath: string): Renderer {
  const r = (g.__bulletinPdf ??= { executablePath, context: null, browser: null, running: 0, waiting: [], idle: null });
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
    browser = await chromium.launch({ executablePath: r.executablePath, args: LAUNCH_ARGS, headless: true });
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
  const context = await browser.newContext({ javaScriptEnabled: true });
  await context.route(`${ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    const asset = url.pathname.startsWith("/fonts/") ? fontAsset(url.pathname.slice("/fonts/".length).split("/")) : null;
    if (!asset) return route.fulfill({ status: 404, body: "" });
    // The page is about:blank, so its fonts are cross-origin and need CORS.
    return route.fulfill({ status: 200, contentType: asset.contentType, headers: { "access-control-allow-origin": "*" }, body: asset.body });
  });
  // Anything else a page asks for (there should be nothing) never leaves the machine.
  await context.route((url) => !url.href.startsWith(ORIGIN) && !url.href.startsWith("data:") && !url.href.startsWith("about:"), (route) => route.abort());
  return context;
}

async function acquire(r: Renderer): Promise<void> {
  if (r.idle) {
    clearTimeout(r.idle);
    r.idle = null;
  }
  if (r.running < CONCURRENCY) {
    r.running++;
    return;
  }
  if (r.waiting.length >= MAX_WAITING) throw new PdfBusyError();
  await new Promise<void>((resolve) => r.waiting.push(resolve));
}

function release(r: Renderer): void {
  const next = r.waiting.shift();
  if (next) return next();
  r.running--;
  if (r.running === 0) {
    r.idle = setTimeout(() => void closeBrowser(), IDLE_CLOSE_MS);
    r.idle.unref?.();
  }
}

/** Prints any HTML the way the bulletin is printed (the bench uses it for its floor). */
export async function printHtmlToPdf(html: string, options: { executablePath?: string } = {}): Promise<Buffer> {
  const r = renderer(options.executablePath ?? DEFAULT_CHROMIUM_PATH);
  await acquire(r);
  try {
    if (!r.context) {
      r.context = launch(r);
      r.context.catch(() => (r.context = null));
    }
    const context = await r.context;
    const page = await context.newPage();
    try {
      page.setDefaultTimeout(RENDER_TIMEOUT_MS);
      await page.setContent(html, { waitUntil: "load" });
      // The page's script sets data-ready once its faces have loaded and the 版记 is placed.
      await page.waitForFunction(() => document.documentElement.dataset.ready === "1" || !document.querySelector("script"));
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
    } finally {
      await page.close().catch(() => undefined);
    }
  } finally {
    release(r);
  }
}

/** The bulletin's print PDF: the print HTML with the bundled faces, printed by Chromium. */
export async function renderBulletinPdf(doc: BulletinDocument, options: { executablePath?: string } = {}): Promise<Buffer> {
  return printHtmlToPdf(bulletinToPrintHtml(doc, { fontBaseUrl: PDF_FONT_BASE_URL }), options);
}

/** Closes the shared browser (tests, the command line, and the idle timer). */
export async function closeBrowser(): Promise<void> {
  const r = g.__bulletinPdf;
  if (!r) return;
  const browser = r.browser;
  r.browser = null;
  r.context = null;
  if (r.idle) clearTimeout(r.idle);
  r.idle = null;
  await browser?.close().catch(() => undefined);
}

import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
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

/**
 * Prints HTML the way the bulletin is printed; `html` gets the URL the bundled faces are served
 * under. The page's script sets data-ready once its faces have loaded and the 版记 is placed.
 */
export async function printHtmlToPdf(html: (fontBaseUrl: string) => string, options: { executablePath?: string } = {}): Promise<Buffer> {
  const r = renderer(options.executablePath ?? DEFAULT_CHROMIUM_PATH);
  await acquire(r);
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
  }
}

/** The bulletin's print PDF: the print HTML with the bundled faces, printed by Chromium. */
export async function renderBulletinPdf(doc: BulletinDocument, options: { executablePath?: string } = {}): Promise<Buffer> {
  return printHtmlToPdf((fontBaseUrl) => bulletinToPrintHtml(doc, { fontBaseUrl }), options);
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

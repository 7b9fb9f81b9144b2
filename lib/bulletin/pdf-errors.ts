/**
 * The PDF renderer's own failures, apart from the renderer (which loads playwright-core) so that
 * code mapping errors to answers (lib/api/error-response.ts) need not load it. `code` is a message
 * key under "errors".
 */

/** Chromium is missing or would not start (CHROMIUM_PATH); answered 503. */
export class PdfUnavailableError extends Error {
  readonly code = "pdf_unavailable";
  constructor(message: string) {
    super(message);
    this.name = "PdfUnavailableError";
  }
}

/** Too many exports queued for the pages the renderer keeps; answered 503. */
export class PdfBusyError extends Error {
  readonly code = "pdf_busy";
  constructor() {
    super("PDF 导出排队的请求太多，请稍后再试。");
    this.name = "PdfBusyError";
  }
}

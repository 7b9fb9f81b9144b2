/**
 * Runs once when the server starts (Next.js instrumentation). Starts the PDF renderer's browser in
 * the background a few seconds after start, so the first export is as fast as the rest
 * (lib/bulletin/pdf.ts keeps it for the life of the process). PDF_WARM=0 skips it.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.PDF_WARM === "0" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { warmPdfRenderer, DEFAULT_CHROMIUM_PATH } = await import("./lib/bulletin/pdf");
  const timer = setTimeout(() => {
    void warmPdfRenderer({ executablePath: process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH }).then((ms) => {
      if (ms !== null) console.log(`PDF renderer warm (${ms} ms)`);
    });
  }, 3000);
  timer.unref?.();
}

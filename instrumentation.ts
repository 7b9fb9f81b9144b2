/**
 * Runs once when a server instance starts (Next.js instrumentation), Node.js runtime only (the edge
 * runtime has no database):
 * - the reminder scheduler runs in the server process (REMINDER_INTERVAL_SECONDS=0 turns it off);
 * - the PDF renderer's browser starts in the background a few seconds after start, so the first
 *   export is as fast as the rest (lib/bulletin/pdf.ts keeps it for the life of the process);
 *   PDF_WARM=0 skips it;
 * - the near-duplicate fingerprints still to take (after an archive import, or the first start with
 *   a database from before fingerprint_queue) are taken in the background, in small steps.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  await Promise.all([startReminders(), warmPdf(), drainFingerprints()]);
}

async function startReminders() {
  const [{ db }, { env }, { createReminderScheduler }, { mailerFromEnv, reminderOffsetsHours }] = await Promise.all([
    import("@/db"),
    import("@/lib/env"),
    import("@/lib/reminder-scheduler"),
    import("@/lib/mail"),
  ]);
  if (env.REMINDER_INTERVAL_SECONDS <= 0) return;
  const g = globalThis as unknown as { __jianbaoReminders?: { stop(): void } };
  g.__jianbaoReminders?.stop();
  const scheduler = createReminderScheduler(db, { intervalMs: env.REMINDER_INTERVAL_SECONDS * 1000, offsetsHours: reminderOffsetsHours(), mailer: mailerFromEnv() });
  scheduler.start();
  g.__jianbaoReminders = scheduler;
}

async function warmPdf() {
  if (process.env.PDF_WARM === "0") return;
  const { warmPdfRenderer, DEFAULT_CHROMIUM_PATH } = await import("./lib/bulletin/pdf");
  const timer = setTimeout(() => {
    void warmPdfRenderer({ executablePath: process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH }).then((ms) => {
      if (ms !== null) console.log(`PDF renderer warm (${ms} ms)`);
    });
  }, 3000);
  timer.unref?.();
}

async function drainFingerprints() {
  const { drainFingerprints: drain } = await import("@/lib/data/near-duplicates");
  drain();
}

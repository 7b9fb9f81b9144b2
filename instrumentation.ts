// Next.js calls register() once when a server instance starts: the reminder scheduler runs in the
// server process (Node.js runtime only; the edge runtime has no database).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
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

import "server-only";
import type { Db } from "@/db/open";
import { type ReminderOptions, runDueReminders, type SentReminder } from "@/lib/data/reminders";

export interface ReminderScheduler {
  /** Runs due reminders now (what each timer tick does). */
  tick(now?: number): Promise<SentReminder[]>;
  start(): void;
  stop(): void;
}

/**
 * Looks for due reminders every `intervalMs` in this process. Holds no state of its own: what was
 * sent is in the database, so a new instance after a restart sends only what is still unsent.
 */
export function createReminderScheduler(database: Db, opts: ReminderOptions & { intervalMs: number }): ReminderScheduler {
  let timer: ReturnType<typeof setInterval> | null = null;
  let running = false;
  const tick = async (now = Date.now()) => {
    if (running) return [];
    running = true;
    try {
      return await runDueReminders(database, now, opts);
    } finally {
      running = false;
    }
  };
  return {
    tick,
    start() {
      if (timer || opts.intervalMs <= 0) return;
      timer = setInterval(() => {
        tick().catch((e) => console.error("reminders:", e));
      }, opts.intervalMs);
      timer.unref?.();
      tick().catch((e) => console.error("reminders:", e));
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

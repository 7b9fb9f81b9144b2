/**
 * How long before a deadline a reminder goes, as people say it: whole or half hours from an hour
 * up ("24 小时", "1.5 小时"), minutes below an hour ("2 分钟"), other lengths in hours to one
 * decimal. `minutes` is the stored offset (reminders.offset_minutes, Math.round(hours × 60)).
 */
export function offsetSpan(minutes: number): { unit: "hours" | "minutes"; n: number } {
  if (minutes < 60) return { unit: "minutes", n: minutes };
  if (minutes % 30 === 0) return { unit: "hours", n: minutes / 60 };
  return { unit: "hours", n: Math.round(minutes / 6) / 10 };
}

/** The offsets of REMINDER_OFFSETS_HOURS (hours, possibly fractional) as stored minutes. */
export function offsetMinutesOf(hours: number[]): number[] {
  return hours.map((h) => Math.round(h * 60));
}

type Translate = (key: "spanHours" | "spanMinutes", values: { n: number }) => string;

/** One offset's words in the "calls" messages (spanHours / spanMinutes). */
export function offsetWords(t: Translate, minutes: number): string {
  const s = offsetSpan(minutes);
  return t(s.unit === "hours" ? "spanHours" : "spanMinutes", { n: s.n });
}

/**
 * The offsets (minutes) that got no reminder row because the deadline was already nearer than
 * that when it was set (lib/data/reminders.ts scheduleReminders skips them): a call published 23 h
 * before its deadline has no 24-hour reminder. `scheduled`: the offsets that do have a row.
 */
export function skippedOffsets(offsets: number[], deadlineMs: number, createdMs: number, scheduled: (number | null)[]): number[] {
  return offsets.filter((m) => deadlineMs - m * 60_000 <= createdMs && !scheduled.includes(m));
}

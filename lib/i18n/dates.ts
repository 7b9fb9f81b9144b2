import type { createFormatter } from "next-intl";
import { chinaInstant } from "@/lib/time";

/**
 * The app's date formats, for next-intl's `format.dateTime` (useFormatter / getFormatter), which
 * formats in the request's locale and the Asia/Shanghai time zone (lib/i18n/request.ts). In the
 * Chinese UI: DATE 2026年11月30日, DATE_TIME 2026年11月30日 14:05, DAY 11月30日, DAY_TIME 11月30日 14:05.
 * (English: Nov 30, 2026 / Nov 30, 2026, 14:05 / November 30 / November 30 at 14:05.)
 */
export const DATE = { dateStyle: "medium" } as const satisfies Intl.DateTimeFormatOptions;
export const DATE_TIME = { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const satisfies Intl.DateTimeFormatOptions;
export const DAY = { month: "long", day: "numeric" } as const satisfies Intl.DateTimeFormatOptions;
export const DAY_TIME = { month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const satisfies Intl.DateTimeFormatOptions;

/**
 * A moment near now (a deadline, an answer): DAY_TIME in the current year, DATE_TIME otherwise.
 * `format` is next-intl's formatter; `now` defaults to the clock.
 */
export function nearDateTime(format: Pick<ReturnType<typeof createFormatter>, "dateTime">, d: Date | number, now: Date = new Date()): string {
  const at = typeof d === "number" ? new Date(d) : d;
  const sameYear = format.dateTime(at, { year: "numeric" }) === format.dateTime(now, { year: "numeric" });
  return format.dateTime(at, sameYear ? DAY_TIME : DATE_TIME);
}

/**
 * When a unit answered a call, against the call's deadline: as nearDateTime, with seconds when the
 * answer fell in the deadline's own minute — 「逾期报送 11月30日 14:02」 beside a 14:02 deadline
 * read as on time; 「14:02:21」 does not.
 */
export function answerTime(format: Pick<ReturnType<typeof createFormatter>, "dateTime">, at: Date | number, deadline: Date | number, now: Date = new Date()): string {
  const ms = typeof at === "number" ? at : at.getTime();
  const due = typeof deadline === "number" ? deadline : deadline.getTime();
  if (Math.floor(ms / 60_000) !== Math.floor(due / 60_000)) return nearDateTime(format, ms, now);
  const sameYear = format.dateTime(new Date(ms), { year: "numeric" }) === format.dateTime(now, { year: "numeric" });
  return format.dateTime(new Date(ms), { ...(sameYear ? DAY_TIME : DATE_TIME), second: "2-digit" });
}

/**
 * A calendar day stored as yyyy-mm-dd (an issue's date, a 批示's date) in the reader's language:
 * 2026年11月30日 / Nov 30, 2026. The bulletin itself prints its dates with chineseDate
 * (lib/bulletin/dates.ts) whatever the UI language.
 */
export function calendarDay(format: Pick<ReturnType<typeof createFormatter>, "dateTime">, iso: string): string {
  const at = chinaInstant(iso);
  return Number.isNaN(at.getTime()) ? iso : format.dateTime(at, DATE);
}

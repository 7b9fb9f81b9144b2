import { tz, TZDate } from "@date-fns/tz";
import { addDays, format } from "date-fns";

/**
 * China time, the one clock of the bulletin: dates (yyyy-mm-dd), datetime-local fields
 * (yyyy-mm-ddThh:mm) and "today" are all read and written in Asia/Shanghai through @date-fns/tz —
 * not by adding eight hours by hand. Instants are `Date`s or ms since the epoch (UTC); the strings
 * are wall-clock China time. Malformed strings are the validators' business (lib/data/validation.ts
 * `isoDateSchema`, `localDateTimeSchema`): these functions expect well-formed input and return an
 * Invalid Date (NaN) for anything else.
 */
export const CHINA_TZ = "Asia/Shanghai";

const china = tz(CHINA_TZ);

/** The day in China at an instant, yyyy-mm-dd (e.g. 2026-12-01T20:00Z → "2026-12-02"). */
export function chinaDay(at: Date | number = Date.now()): string {
  return format(at, "yyyy-MM-dd", { in: china });
}

/** The China wall-clock time at an instant as a datetime-local field shows it, yyyy-mm-ddThh:mm. */
export function chinaDateTimeLocal(at: Date | number): string {
  return format(at, "yyyy-MM-dd'T'HH:mm", { in: china });
}

/** The China wall-clock time at an instant for reading, "yyyy-mm-dd hh:mm". */
export function chinaDateTimeText(at: Date | number): string {
  return format(at, "yyyy-MM-dd HH:mm", { in: china });
}

/**
 * The instant of a China wall-clock time: "yyyy-mm-dd" (that day's midnight, or `time` hh:mm on
 * it) or "yyyy-mm-ddThh:mm" (a datetime-local field). An Invalid Date when the string is not one
 * of those shapes.
 */
export function chinaInstant(local: string, time = "00:00"): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(local);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m || !t) return new Date(NaN);
  const [h, mi] = m[4] === undefined ? [Number(t[1]), Number(t[2])] : [Number(m[4]), Number(m[5])];
  return new Date(new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), h, mi, CHINA_TZ).getTime());
}

/** The China day `days` after a day (yyyy-mm-dd → yyyy-mm-dd; negative `days` go back). */
export function addChinaDays(day: string, days: number): string {
  return chinaDay(addDays(new TZDate(chinaInstant(day).getTime(), CHINA_TZ), days));
}

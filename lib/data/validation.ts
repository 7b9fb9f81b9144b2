import { z } from "zod";
import { chinaDay, chinaInstant } from "@/lib/time";

export const idSchema = z.coerce.number().int().positive().max(2 ** 31);
export const versionSchema = z.coerce.number().int().positive().max(2 ** 31);

/** yyyy-mm-dd that names a real calendar day (zod's ISO date: 2026-02-29 is refused). */
export const isoDateSchema = z.iso.date({ error: "invalid_date" });

const LOCAL_DATE_TIME = z.iso.datetime({ local: true, precision: -1 });

/**
 * True when `s` is yyyy-mm-ddThh:mm (a datetime-local field, read as China time) naming a real day
 * and time: zod's ISO local datetime to the minute, and no offset (2026-02-30T10:00, …T24:00 and
 * …T10:00Z are refused).
 */
export function isChinaDateTime(s: string): boolean {
  return LOCAL_DATE_TIME.safeParse(s).success && Number.isFinite(chinaInstant(s).getTime());
}

/** A datetime-local field's value (yyyy-mm-ddThh:mm, China time); refused with `invalid_date`. */
export const chinaDateTimeSchema = z.string().refine(isChinaDateTime, "invalid_date");

export function nowInChina(): Date {
  return new Date();
}

/** Today's date in China (lib/time.ts), yyyy-mm-dd. */
export function todayInChina(now = new Date()): string {
  return chinaDay(now);
}

import { z } from "zod";
import { isRealDate } from "@/lib/text/rule";

export const idSchema = z.coerce.number().int().positive().max(2 ** 31);
export const versionSchema = z.coerce.number().int().positive().max(2 ** 31);

/** yyyy-mm-dd that names a real calendar day. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "invalid_date")
  .refine(isRealDate, "invalid_date");

export function nowInChina(): Date {
  return new Date();
}

/** Today's date in China (UTC+8, no DST), yyyy-mm-dd. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

import { z } from "zod";
import { findTextProblem } from "@/lib/text/rule";

/** bcrypt reads at most 72 bytes of a password; longer ones would be silently cut. */
export const PASSWORD_MAX_BYTES = 72;
export const PASSWORD_MIN_CHARS = 8;

/**
 * A password as an admin or the user sets it: at least 8 characters that are not all spaces, at
 * most 72 bytes of UTF-8 (bcrypt's limit), no control characters. Not trimmed — spaces count.
 * Issue messages are keys under errors.fields.
 */
export const passwordSchema = z
  .string({ error: "password_too_short" })
  .max(1000, { error: "password_too_long" })
  .refine((s) => [...s].length >= PASSWORD_MIN_CHARS, { error: "password_too_short" })
  .refine((s) => s.trim() !== "", { error: "password_blank" })
  .refine((s) => Buffer.byteLength(s, "utf8") <= PASSWORD_MAX_BYTES, { error: "password_too_long" })
  .refine((s) => findTextProblem(s, { invisibles: false }) === null, { error: "password_invalid" });

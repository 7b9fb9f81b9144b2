"use server";

import { getTranslations } from "next-intl/server";
import { type ActionResult, invalidResult, toResult } from "@/lib/auth/action";
import { createFirstAdmin, firstRunSchema, needsFirstRun } from "@/lib/data/first-run";
import { AppError } from "@/lib/data/errors";

/** Anonymous by design, but only while the database has no user at all; refused ever after. */
export async function firstRunAction(raw: unknown): Promise<ActionResult<{ ok: true }>> {
  const t = await getTranslations("errors");
  if (!needsFirstRun()) return toResult(t, new AppError("not_allowed_now"));
  const parsed = firstRunSchema.safeParse(raw);
  if (!parsed.success) return invalidResult(t, parsed.error.issues);
  try {
    createFirstAdmin(parsed.data);
    return { data: { ok: true } };
  } catch (e) {
    return toResult(t, e);
  }
}

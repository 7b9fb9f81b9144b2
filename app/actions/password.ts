"use server";

import { getTranslations } from "next-intl/server";
import { type ActionResult, invalidResult, toResult } from "@/lib/auth/action";
import { getActor } from "@/lib/auth/session";
import { changeOwnPassword, changePasswordSchema } from "@/lib/auth/users";
import { AppError } from "@/lib/data/errors";

/**
 * The one action a user who must change their password may call (requireActor refuses every other
 * one until then), so it checks the session itself rather than through requireActor.
 */
export async function changePasswordAction(raw: unknown): Promise<ActionResult<{ ok: true }>> {
  const t = await getTranslations("errors");
  const actor = await getActor();
  if (!actor) return toResult(t, new AppError("unauthenticated"));
  const parsed = changePasswordSchema.safeParse(raw);
  if (!parsed.success) return invalidResult(t, parsed.error.issues);
  try {
    await changeOwnPassword(actor.id, parsed.data);
    return { data: { ok: true } };
  } catch (e) {
    return toResult(t, e);
  }
}

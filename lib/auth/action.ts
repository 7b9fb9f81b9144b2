import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { Role } from "@/db/schema";
import type { Actor } from "@/lib/data/actor";
import { AppError } from "@/lib/data/errors";
import { isTextRuleCode, textRuleMessage } from "@/lib/text/rule";
import { TransitionError } from "@/lib/workflow/item";
import { requireActor } from "./session";
import { messageFor } from "@/lib/i18n/dynamic";

export type ActionResult<T> = { data: T } | { error: string; fieldErrors?: Record<string, string> };

/**
 * The one wrapper every server action goes through: session → role → zod parse → call, returning
 * `{ data }` or `{ error }` with a message in the user's language (and per-field messages).
 */
export function defineAction<S extends z.ZodType, T>(roles: Role[], schema: S, fn: (actor: Actor, input: z.output<S>) => T | Promise<T>) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    const t = await getTranslations("errors");
    try {
      const actor = await requireActor(...roles);
      const extra = unknownKeys(schema, raw);
      if (extra.length) return { error: t("invalid"), fieldErrors: Object.fromEntries(extra.map((k) => [k, t("fields.invalid")])) };
      const parsed = schema.safeParse(raw);
      if (!parsed.success) return invalidResult(t, parsed.error.issues);
      return { data: await fn(actor, parsed.data) };
    } catch (e) {
      return toResult(t, e);
    }
  };
}

/**
 * Fields the action's object schema does not name: refused, never silently dropped (a client that
 * sends `unitId` or `status` is not using the form).
 */
export function unknownKeys(schema: z.ZodType, raw: unknown): string[] {
  const def = (schema as unknown as { def?: { shape?: object; in?: { def?: { shape?: object } } } }).def;
  const shape = def?.shape ?? def?.in?.def?.shape;
  if (!shape || raw === null || typeof raw !== "object" || Array.isArray(raw)) return [];
  return Object.keys(raw).filter((k) => !Object.prototype.hasOwnProperty.call(shape, k));
}

type T = Awaited<ReturnType<typeof getTranslations<"errors">>>;

/** A refused parse as the forms show it: one message, and one per field (the text rule's own sentences). */
export async function invalidResult(t: T, issues: readonly z.core.$ZodIssue[]): Promise<{ error: string; fieldErrors: Record<string, string> }> {
  const locale = await getLocale();
  const fieldErrors: Record<string, string> = {};
  let textError: string | undefined;
  for (const issue of issues) {
    const key = String(issue.path[0] ?? "_");
    if (isTextRuleCode(issue.message)) {
      // The text rule's own sentence names the field (lib/text/rule.ts).
      const msg = textRuleMessage(issue.message, (issue as { params?: Record<string, never> }).params, locale);
      fieldErrors[key] ??= msg;
      textError ??= msg;
    } else fieldErrors[key] ??= fieldMessage(t, issue.message);
  }
  return { error: textError ?? t("invalid"), fieldErrors };
}

function fieldMessage(t: T, code: string): string {
  return messageFor(t, `fields.${code}`) ?? t("fields.invalid");
}

export function toResult(t: T, e: unknown): { error: string; fieldErrors?: Record<string, string> } {
  if (e instanceof AppError) {
    const error = t(e.code, e.params);
    return e.field ? { error, fieldErrors: { [e.field]: error } } : { error };
  }
  if (e instanceof TransitionError) return { error: t("not_allowed_now") };
  console.error(e);
  return { error: t("unexpected") };
}

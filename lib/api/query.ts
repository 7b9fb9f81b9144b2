import type { z } from "zod";
import { AppError } from "@/lib/data/errors";

/**
 * The query parameters of a route handler, checked against `schema` (a zod object of the
 * parameters, e.g. `{ issue: idSchema, revision: … }`). Parameters the schema does not name are
 * ignored. The first bad parameter is refused with AppError `invalid_param` — field and params
 * name THAT parameter (`revision`, not `issue`), its Chinese `label` from `labels` and the value
 * as sent (cut to 40 characters; 「（未填写）」 when missing) — so the answer is
 * 「请求参数 revision（版次）的值「-1」不正确。」 with HTTP 400.
 */
export function parseQuery<S extends z.ZodObject>(schema: S, url: string, labels: Record<string, string>): z.output<S> {
  return parseParams(schema, Object.fromEntries(new URL(url).searchParams), labels);
}

/** The value of a parameter as a message shows it: cut to 40 characters, 「（未填写）」 when missing or empty. */
export function shownValue(raw: unknown): string {
  if (raw === undefined || raw === null || raw === "") return "（未填写）";
  const s = String(raw);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/**
 * parseQuery on parameters already read (a page's searchParams, a data function's filters):
 * `raw` maps a parameter to its value as sent (strings, or numbers from code). Same refusal:
 * AppError `invalid_param` with `param`, `label`, `value`, field `param`. A key a strict schema
 * does not know is named as the bad parameter.
 */
export function parseParams<S extends z.ZodObject>(schema: S, raw: Record<string, unknown>, labels: Record<string, string>): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const param = issue?.code === "unrecognized_keys" ? String(issue.keys[0] ?? "") : String(issue?.path[0] ?? "");
  throw new AppError("invalid_param", { param, label: labels[param] ?? param, value: shownValue(raw[param]) }, param);
}

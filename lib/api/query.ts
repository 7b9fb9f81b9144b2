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
  const params = new URL(url).searchParams;
  const parsed = schema.safeParse(Object.fromEntries(params));
  if (parsed.success) return parsed.data;
  const param = String(parsed.error.issues[0]?.path[0] ?? "");
  const raw = params.get(param);
  const value = raw === null || raw === "" ? "（未填写）" : raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  throw new AppError("invalid_param", { param, label: labels[param] ?? param, value }, param);
}

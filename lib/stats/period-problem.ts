import type { AppError } from "@/lib/data/errors";

/** The statistics filters a page can mark (the names of the form's fields). */
export const STATS_FILTERS = ["period", "year", "month", "quarter", "from", "to", "kind"] as const;
export type StatsFilter = (typeof STATS_FILTERS)[number];

/**
 * What is wrong with a page's statistics filters, from the refusal of resolvePeriod
 * (lib/data/stats.ts): the fields to mark, and a message key under `stats.problem` with its
 * values — `year` 「abc」, `fromMissing` (a range without a start), `range` (end before start;
 * both dates as yyyy-mm-dd for the page to format in its locale, and both fields marked). Null for any other error (the
 * page lets it through). Pure.
 */
export function periodProblem(e: Pick<AppError, "code" | "params">): { fields: StatsFilter[]; key: string; values: Record<string, string> } | null {
  if (e.code === "invalid_range") {
    return { fields: ["from", "to"], key: "range", values: { from: String(e.params.from), to: String(e.params.to) } };
  }
  if (e.code !== "invalid_param") return null;
  const param = String(e.params.param) as StatsFilter;
  if (!STATS_FILTERS.includes(param)) return null;
  const value = String(e.params.value ?? "");
  const missing = value === "（未填写）";
  return { fields: [param], key: missing && (param === "from" || param === "to") ? `${param}Missing` : param, values: { value } };
}

import type { z } from "zod";

export type SearchProblemKey = "tooShort" | "tooLong" | "badFilter";
export type SearchFilterField = "unitId" | "section" | "year" | "issueId";

/**
 * What was wrong with a /search request, for the message beside the query: the first refused
 * field of searchInputSchema's parse. A filter (unit, section, year, issue) is named with the value
 * it had, so a bad year no longer reads as "each word needs two characters". `field` is the label
 * key in the "search" messages (unit, section, year, issue).
 */
export function searchProblem(
  issues: readonly z.core.$ZodIssue[],
  params: Partial<Record<SearchFilterField | "q", string>>,
): { key: SearchProblemKey; field?: "unit" | "section" | "year" | "issue"; value?: string } {
  const first = issues[0];
  const path = String(first?.path[0] ?? "q");
  if (path === "q") return { key: first?.message === "too_long" ? "tooLong" : "tooShort" };
  const labels: Record<SearchFilterField, "unit" | "section" | "year" | "issue"> = { unitId: "unit", section: "section", year: "year", issueId: "issue" };
  const field = labels[path as SearchFilterField];
  if (!field) return { key: "tooShort" };
  return { key: "badFilter", field, value: String(params[path as SearchFilterField] ?? "").slice(0, 40) };
}

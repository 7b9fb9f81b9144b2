import { SUPPLEMENT_LABELS, type SupplementLabel } from "./numbering";

/**
 * The numbers a new issue should take, from what the publication has used. Pure: the server
 * proposes with it, and the new-issue form re-proposes with it when the editor changes the year
 * or the supplement's name, without asking the server again.
 *
 * SPEC §2: 第N期 restarts at 1 each calendar year, 总第M期 never restarts, a 合刊 uses both its
 * numbers, and a supplement stands outside the regular sequence. Each supplement name counts on
 * its own within its year: 增刊第1期, 增刊第2期 … and 专刊第1期 … (an unnumbered one, number 0,
 * counts nothing).
 */
export interface NumberingState {
  /** Per year (as a string key, JSON-safe), the highest regular number used, 合刊 by their last number. */
  lastNumberByYear: Record<string, number>;
  /** The highest running number used (合刊 by their last), or the publication's offset when none. */
  lastTotal: number;
  /** Per year, the highest number used by each supplement name. */
  lastSupplementByYear: Record<string, Partial<Record<SupplementLabel, number>>>;
  /** The last issue the publication recorded as published outside the system (settings). */
  lastPublished: { year: number | null; number: number | null; total: number | null };
}

/** The next regular issue of `year`: 第N期 after the highest used that year (or recorded), 总第M期 after the highest ever. */
export function nextRegularNumbers(state: NumberingState, year: number): { number: number; totalNumber: number } {
  let number = state.lastNumberByYear[String(year)] ?? 0;
  let total = state.lastTotal;
  const lp = state.lastPublished;
  if (lp.year === year && lp.number) number = Math.max(number, lp.number);
  if (lp.total) total = Math.max(total, lp.total);
  return { number: number + 1, totalNumber: total + 1 };
}

/** The next number of a supplement name (增刊, 专刊, 特刊) in `year`: one after the highest that name used that year. */
export function nextSupplementNumberOf(state: NumberingState, year: number, label: SupplementLabel): number {
  return (state.lastSupplementByYear[String(year)]?.[label] ?? 0) + 1;
}

/** The next number of every supplement name in `year`. */
export function nextSupplementNumbers(state: NumberingState, year: number): Record<SupplementLabel, number> {
  return Object.fromEntries(SUPPLEMENT_LABELS.map((l) => [l, nextSupplementNumberOf(state, year, l)])) as Record<SupplementLabel, number>;
}

/** A stored supplement's name: older rows without one are 增刊 (as they print). */
export function supplementLabelOf(label: string | null | undefined): SupplementLabel {
  return (SUPPLEMENT_LABELS as readonly string[]).includes(label ?? "") ? (label as SupplementLabel) : "增刊";
}

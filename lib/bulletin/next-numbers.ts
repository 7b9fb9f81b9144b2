import { issueLabel, SUPPLEMENT_LABELS, type SupplementLabel } from "./numbering";

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
  /**
   * Every issue's numbers, so the form can name the issue that holds a number (compact: a
   * publication of twenty years sends about a thousand short rows).
   */
  used: { regular: UsedRegular[]; supplements: UsedSupplement[] };
}

/** A regular issue or 合刊: year, 第N期 (to numberEnd, 0 when not a 合刊), 总第M期 (to totalEnd, 0 when not a 合刊). */
export type UsedRegular = [year: number, number: number, numberEnd: number, total: number, totalEnd: number];
/** A supplement: year, name (增刊 …), number (0: unnumbered). */
export type UsedSupplement = [year: number, label: SupplementLabel, number: number];

const overlaps = (a1: number, a2: number, b1: number, b2: number) => a1 <= b2 && b1 <= a2;
const regularName = ([year, number, numberEnd]: UsedRegular) => issueLabel(numberEnd ? { year, number, kind: "double", numberEnd } : { year, number });

/**
 * The issue that already holds 第`number`期 (to `numberEnd` for a 合刊) of `year`, by name
 * (「2023年第25期」「2023年第3-4期合刊」), or null when none does.
 */
export function issueUsingNumber(state: NumberingState, year: number, number: number, numberEnd = number): string | null {
  const hit = state.used.regular.find((r) => r[0] === year && overlaps(number, numberEnd, r[1], r[2] || r[1]));
  return hit ? regularName(hit) : null;
}

/** The issue that already holds 总第`total`期 (to `totalEnd` for a 合刊), by name, or null. */
export function issueUsingTotal(state: NumberingState, total: number, totalEnd = total): string | null {
  const hit = state.used.regular.find((r) => overlaps(total, totalEnd, r[3], r[4] || r[3]));
  return hit ? regularName(hit) : null;
}

/** The supplement of `year` and name that already holds `number`, by name (「2026年增刊第1期」), or null (0: never). */
export function issueUsingSupplement(state: NumberingState, year: number, label: SupplementLabel, number: number): string | null {
  if (number < 1) return null;
  const hit = state.used.supplements.find((r) => r[0] === year && r[1] === label && r[2] === number);
  return hit ? issueLabel({ year, number, kind: "supplement", supplementLabel: label }) : null;
}

/**
 * A 出刊日期 for an issue of `year` when `date` (yyyy-mm-dd) is in another year: `today` when
 * `year` is today's year (basis "today"), else the same month and day in `year` (29 February
 * becomes the 28th in a common year; basis "sameDay"). Null when the date is already in `year`
 * or is not a date.
 */
export function dateForYear(date: string, year: number, today: string): { date: string; basis: "today" | "sameDay" } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m || Number(m[1]) === year || !Number.isInteger(year) || year < 1000 || year > 9999) return null;
  if (Number(today.slice(0, 4)) === year) return { date: today, basis: "today" };
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m[2] === "02" && m[3] === "29" && !leap ? "28" : m[3];
  return { date: `${year}-${m[2]}-${day}`, basis: "sameDay" };
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

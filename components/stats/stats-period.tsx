import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AppError } from "@/lib/data/errors";
import type { Period } from "@/lib/data/stats";
import { calendarDay } from "@/lib/i18n/dates";
import { labelIsTheDates } from "@/lib/stats/period-label";
import { periodProblem, type StatsFilter } from "@/lib/stats/period-problem";
import { chinaInstant } from "@/lib/time";

/**
 * What to tell the user when a statistics page's filters were refused (resolvePeriod): the
 * fields to mark and one message — which filter, what is wrong (end before start names both
 * dates, in the locale's date form) — followed by what the page shows instead: `fallback`, the
 * period shown (the current month), or "allKinds" when only the unit kind was wrong and the chosen
 * period is kept. Null when `e` is not a filter refusal (the caller rethrows).
 */
export async function statsFilterProblem(e: unknown, fallback: Period | "allKinds"): Promise<{ fields: StatsFilter[]; message: string } | null> {
  if (!(e instanceof AppError)) return null;
  const problem = periodProblem(e);
  if (!problem) return null;
  const [t, format] = await Promise.all([getTranslations("stats"), getFormatter()]);
  const day = (iso: string) => calendarDay(format, iso);
  const values = problem.key === "range" ? { from: day(problem.values.from), to: day(problem.values.to) } : problem.values;
  const then = fallback === "allKinds" ? t("problem.kindDropped") : t("problem.fellBack", { label: fallback.label });
  return { fields: problem.fields, message: `${t(`problem.${problem.key}` as "problem.year", values)}${then}` };
}

/**
 * 「统计区间：2026年11月（2026年11月1日至2026年11月30日）」, dates in the locale's form (English:
 * Nov 1, 2026); a range that is not a whole month, quarter or year is named once, by its dates.
 */
export async function StatsPeriodLine({ period }: { period: Period }) {
  const [t, format, locale] = await Promise.all([getTranslations("stats"), getFormatter(), getLocale()]);
  const from = calendarDay(format, period.from);
  const to = calendarDay(format, period.to);
  // The stored label is Chinese (2026年11月, 2026年第四季度); other locales name the period themselves.
  const year = period.from.slice(0, 4);
  const label = locale.startsWith("zh")
    ? period.label
    : period.kind === "month"
      ? format.dateTime(chinaInstant(period.from), { year: "numeric", month: "long" })
      : period.kind === "quarter"
        ? `Q${Math.floor(Number(period.from.slice(5, 7)) / 3) + 1} ${year}`
        : period.kind === "year"
          ? year
          : period.label;
  return <p data-testid="stats-period">{labelIsTheDates(period) ? t("periodRange", { from, to }) : t("periodLabel", { label, from, to })}</p>;
}

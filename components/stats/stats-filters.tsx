import { getTranslations } from "next-intl/server";
import { UNIT_KINDS } from "@/lib/domain/enums";
import { PERIOD_KINDS, type Period } from "@/lib/data/stats";
import type { StatsFilter } from "@/lib/stats/period-problem";
import styles from "./stats-filters.module.css";

/** The message id the marked filters point to (aria-describedby). */
const PROBLEM_ID = "stats-filter-problem";

/**
 * The statistics filters as a plain GET form (works without scripts; the URL is shareable and is
 * what the exports read). Only the chosen period kind's fields show (stats-filters.module.css);
 * the other kinds' fields are still sent and ignored by the server. `problem`:
 * the filters that are wrong (marked aria-invalid, pointing to the message) and the Chinese
 * message shown right below the fields; the fields keep what the user sent so it can be fixed.
 */
export async function StatsFilters({ period, query, showKind, problem }: { period: Period; query: Record<string, string>; showKind: boolean; problem?: { fields: StatsFilter[]; message: string } | null }) {
  const [t, tk] = await Promise.all([getTranslations("stats"), getTranslations("unitKind")]);
  const mark = (f: StatsFilter) => (problem?.fields.includes(f) ? { "aria-invalid": true as const, "aria-describedby": PROBLEM_ID } : {});
  const kindSent = (PERIOD_KINDS as readonly string[]).includes(query.period ?? "") ? query.period : period.kind;
  const year = query.year || period.from.slice(0, 4);
  const month = query.month || String(Number(period.from.slice(5, 7)));
  const quarter = query.quarter || String(Math.ceil(Number(period.from.slice(5, 7)) / 3));
  return (
    <form method="get" className={`filters field-row ${styles.periodFilters}`} aria-label={t("filters")}>
      <label className="field">
        {t("periodKind")}
        <select name="period" defaultValue={kindSent} {...mark("period")}>
          {PERIOD_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`period.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field" data-for="month quarter year">
        {t("year")}
        <input name="year" type="number" min={2000} max={2100} defaultValue={year} style={{ width: "6rem" }} {...mark("year")} />
      </label>
      <label className="field" data-for="month">
        {t("month")}
        <select name="month" defaultValue={month} {...mark("month")}>
          {Array.from({ length: 12 }, (_, i) => (
            <option key={i} value={i + 1}>
              {t("monthN", { n: i + 1 })}
            </option>
          ))}
        </select>
      </label>
      <label className="field" data-for="quarter">
        {t("quarter")}
        <select name="quarter" defaultValue={quarter} {...mark("quarter")}>
          {[1, 2, 3, 4].map((q) => (
            <option key={q} value={q}>
              {t("quarterN", { n: q })}
            </option>
          ))}
        </select>
      </label>
      <label className="field" data-for="range">
        {t("from")}
        <input name="from" type="date" defaultValue={query.from ?? (period.kind === "range" ? period.from : "")} {...mark("from")} />
      </label>
      <label className="field" data-for="range">
        {t("to")}
        <input name="to" type="date" defaultValue={query.to ?? (period.kind === "range" ? period.to : "")} {...mark("to")} />
      </label>
      {showKind && (
        <label className="field">
          {t("kind")}
          <select name="kind" defaultValue={query.kind ?? ""} {...mark("kind")}>
            <option value="">{t("allKinds")}</option>
            {UNIT_KINDS.filter((k) => k !== "office").map((k) => (
              <option key={k} value={k}>
                {tk(k)}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="submit">{t("apply")}</button>
      {problem && (
        <p id={PROBLEM_ID} className="error" role="alert" data-testid="stats-problem" style={{ flexBasis: "100%", margin: 0 }}>
          {problem.message}
        </p>
      )}
    </form>
  );
}

import { getTranslations } from "next-intl/server";
import { UNIT_KINDS } from "@/lib/domain/enums";
import { PERIOD_KINDS, type Period } from "@/lib/data/stats";

/**
 * The statistics filters as a plain GET form (works without scripts; the URL is shareable and is
 * what the exports read). Fields of the other period kinds are ignored by the server.
 */
export async function StatsFilters({ period, query, showKind }: { period: Period; query: Record<string, string>; showKind: boolean }) {
  const [t, tk] = await Promise.all([getTranslations("stats"), getTranslations("unitKind")]);
  const year = query.year || period.from.slice(0, 4);
  const month = query.month || String(Number(period.from.slice(5, 7)));
  const quarter = query.quarter || String(Math.ceil(Number(period.from.slice(5, 7)) / 3));
  return (
    <form method="get" className="filters field-row" aria-label={t("filters")}>
      <label className="field">
        {t("periodKind")}
        <select name="period" defaultValue={period.kind}>
          {PERIOD_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`period.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t("year")}
        <input name="year" type="number" min={2000} max={2100} defaultValue={year} style={{ width: "6rem" }} />
      </label>
      <label className="field">
        {t("month")}
        <select name="month" defaultValue={month}>
          {Array.from({ length: 12 }, (_, i) => (
            <option key={i} value={i + 1}>
              {t("monthN", { n: i + 1 })}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t("quarter")}
        <select name="quarter" defaultValue={quarter}>
          {[1, 2, 3, 4].map((q) => (
            <option key={q} value={q}>
              {t("quarterN", { n: q })}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t("from")}
        <input name="from" type="date" defaultValue={query.from ?? (period.kind === "range" ? period.from : "")} />
      </label>
      <label className="field">
        {t("to")}
        <input name="to" type="date" defaultValue={query.to ?? (period.kind === "range" ? period.to : "")} />
      </label>
      {showKind && (
        <label className="field">
          {t("kind")}
          <select name="kind" defaultValue={query.kind ?? ""}>
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
    </form>
  );
}

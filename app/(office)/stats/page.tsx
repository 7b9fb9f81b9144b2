import { getTranslations } from "next-intl/server";
import { StatsCharts } from "@/components/stats/stats-charts";
import { StatsFilters } from "@/components/stats/stats-filters";
import { StatsPeriodLine, statsFilterProblem } from "@/components/stats/stats-period";
import { requirePageActor } from "@/lib/auth/session";
import { POINT_KEYS } from "@/lib/data/scoring-rules";
import { AppError } from "@/lib/data/errors";
import { adoptionStats, resolvePeriod, type StatsQuery, type StatsResult } from "@/lib/data/stats";
import { statsQueryOf } from "@/lib/stats/query";
import { messageGroup } from "@/lib/i18n/dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;

const pct = (r: number | null) => (r === null ? "—" : `${Math.round(r * 100)}%`);

/** 采用统计: every unit's figures, scores and ranks for a period, with charts and exports. Office, editor, admin. */
export default async function StatsPage({ searchParams }: { searchParams: Search }) {
  const actor = await requirePageActor("office", "editor", "admin");
  const query = statsQueryOf(await searchParams);
  const [t, tk, tr] = await Promise.all([getTranslations("stats"), getTranslations("unitKind"), getTranslations("rules")]);
  let stats: StatsResult;
  let problem: Awaited<ReturnType<typeof statsFilterProblem>> = null;
  try {
    stats = await adoptionStats(actor, query as StatsQuery);
  } catch (e) {
    // A bad filter: said beside the filters (which one, what is wrong). A bad unit kind alone keeps
    // the chosen period (every kind shown); anything else shows the current month instead.
    const kindOnly = e instanceof AppError && e.code === "invalid_param" && e.params.param === "kind";
    const rest = kindOnly ? await adoptionStats(actor, { ...(query as StatsQuery), kind: "" }).catch(() => null) : null;
    problem = await statsFilterProblem(e, rest ? "allKinds" : resolvePeriod({}));
    if (!problem) throw e;
    stats = rest ?? (await adoptionStats(actor, {}));
  }
  const period = stats.period;
  const qs = new URLSearchParams(problem ? {} : query).toString();
  const exportHref = (format: string) => `/api/stats/export?${qs}${qs ? "&" : ""}format=${format}`;
  const top = [...stats.rows].sort((a, b) => b.adopted - a.adopted).filter((r) => r.adopted > 0).slice(0, 15);
  const cols = messageGroup(t, "col");
  return (
    <section>
      <h1>{t("title")}</h1>
      <StatsFilters period={period} query={query} showKind problem={problem} />
      <StatsPeriodLine period={stats.period} />
      <div className="exports">
        <span>{t("exports")}：</span>
        <a href={exportHref("xlsx")} download>
          {t("xlsx")}
        </a>
        <a href={exportHref("docx")} download>
          {t("reportDocx")}
        </a>
        <a href={exportHref("pdf")} download>
          {t("reportPdf")}
        </a>
        <a href={exportHref("html")} target="_blank" rel="noopener">
          {t("reportHtml")}
        </a>
      </div>
      <StatsCharts units={top.map((r) => ({ unit: r.unit, adopted: r.adopted }))} trend={stats.trend} labels={{ units: t("chartUnits"), trend: t("chartTrend"), series: t("adoptedSeries") }} />
      <h2>{t("ranking")}</h2>
      {stats.rows.length === 0 ? (
        <p className="empty">{t("empty")}</p>
      ) : (
        <div style={{ overflowX: "auto" }}>
          <table className="table stats-table" data-testid="stats-table">
            <thead>
              <tr>
                <th className="num">{cols.rank}</th>
                <th>{cols.unit}</th>
                <th>{cols.kind}</th>
                {(["submitted", "accepted", "returned", "declined", "adopted", "lead", "highlight", "rate", "instructions", "forwardsUsed"] as const).map((k) => (
                  <th key={k} className="num">
                    {cols[k]}
                  </th>
                ))}
                <th className="num">{cols.calls}</th>
                <th className="num">{cols.score}</th>
                <th className="num">{cols.kindRank}</th>
              </tr>
            </thead>
            <tbody>
              {stats.rows.map((r) => (
                <tr key={r.unitId}>
                  <td className="num">{r.rank}</td>
                  <td>{r.unit}</td>
                  <td>{tk(r.kind)}</td>
                  <td className="num">{r.submitted}</td>
                  <td className="num">{r.accepted}</td>
                  <td className="num">{r.returned}</td>
                  <td className="num">{r.declined}</td>
                  <td className="num">{r.adopted}</td>
                  <td className="num">{r.lead}</td>
                  <td className="num">{r.highlight}</td>
                  <td className="num">{pct(r.rate)}</td>
                  <td className="num">{r.instructions}</td>
                  <td className="num">{r.forwardsUsed}</td>
                  <td className="num">
                    {r.callsAnswered}/{r.callsLate}/{r.callsMissed}
                  </td>
                  <td className="num">
                    <strong>{r.score}</strong>
                  </td>
                  <td className="num">
                    {r.kindRank}/{r.kindSize}
                  </td>
                </tr>
              ))}
              <tr className="totals">
                <td />
                <td>{t("totals")}</td>
                <td />
                {(["submitted", "accepted", "returned", "declined", "adopted", "lead", "highlight"] as const).map((k) => (
                  <td key={k} className="num">
                    {stats.totals[k]}
                  </td>
                ))}
                <td />
                <td className="num">{stats.totals.instructions}</td>
                <td className="num">{stats.totals.forwardsUsed}</td>
                <td />
                <td className="num">{stats.totals.score}</td>
                <td />
              </tr>
            </tbody>
          </table>
        </div>
      )}
      <details>
        <summary>{t("rulesInForce")}</summary>
        <ul className="list" data-testid="rules-in-force">
          {stats.rules.map((r) => (
            <li key={r.effectiveFrom}>
              {r.id === null ? t("rulesDefault") : t("rulesFrom", { date: r.effectiveFrom })}：
              {POINT_KEYS.filter((k) => k !== "coUnitShare")
                .map((k) => `${tr(`pointsShort.${k}`)} ${r[k]}`)
                .join("；")}
              {r.coUnitShare < 1 ? `；${tr("coHalf")}` : ""}
            </li>
          ))}
        </ul>
      </details>
      <p className="empty">{t("notes")}</p>
    </section>
  );
}

import { getTranslations } from "next-intl/server";
import { StatsFilters } from "@/components/stats/stats-filters";
import { StatsPeriodLine, statsFilterProblem } from "@/components/stats/stats-period";
import { requirePageActor } from "@/lib/auth/session";
import { myUnitStats, resolvePeriod, type StatsQuery } from "@/lib/data/stats";
import { statsQueryOf } from "@/lib/stats/query";
import { messageGroup } from "@/lib/i18n/dynamic";

/** A contributor's own unit: its figures, score and ranks for a period (never another unit's). */
export default async function MyStatsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("contributor");
  const query = statsQueryOf(await searchParams);
  delete query.kind;
  const [t, tk] = await Promise.all([getTranslations("stats"), getTranslations("unitKind")]);
  let problem: Awaited<ReturnType<typeof statsFilterProblem>> = null;
  let mine: Awaited<ReturnType<typeof myUnitStats>>;
  try {
    mine = await myUnitStats(actor, query as StatsQuery);
  } catch (e) {
    // A bad filter: said beside the filters (which one, what is wrong), and the current month shown instead.
    problem = await statsFilterProblem(e, resolvePeriod({}));
    if (!problem) throw e;
    mine = await myUnitStats(actor, {});
  }
  const u = mine.unit;
  const cols = messageGroup(t, "col");
  const rows: [string, string | number][] = u
    ? [
        [cols.submitted, u.submitted],
        [cols.accepted, u.accepted],
        [cols.returned, u.returned],
        [cols.declined, u.declined],
        [cols.adopted, u.adopted],
        [cols.lead, u.lead],
        [cols.highlight, u.highlight],
        [cols.rate, u.rate === null ? "—" : `${Math.round(u.rate * 100)}%`],
        [cols.instructions, u.instructions],
        [cols.forwardsUsed, u.forwardsUsed],
        [cols.calls, `${u.callsAnswered}/${u.callsLate}/${u.callsMissed}`],
        [cols.score, u.score],
      ]
    : [];
  return (
    <section>
      <h1>{t("myTitle")}</h1>
      <StatsFilters period={mine.period} query={query} showKind={false} problem={problem} />
      <StatsPeriodLine period={mine.period} />
      {u ? (
        <article className="card" data-testid="my-stats">
          <h2>{u.unit}</h2>
          <p>
            <strong>{t("myRank", { rank: u.rank, units: mine.units, kindRank: u.kindRank, kindSize: u.kindSize, kind: tk(u.kind) })}</strong>
          </p>
          <dl className="meta">
            {rows.map(([k, v]) => (
              <div key={k} style={{ display: "contents" }}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </article>
      ) : (
        <p className="empty">{t("noUnit")}</p>
      )}
      <p className="empty">{t("notes")}</p>
    </section>
  );
}

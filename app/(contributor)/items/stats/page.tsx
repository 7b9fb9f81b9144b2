import { chinaInstant } from "@/lib/time";
import { getFormatter, getTranslations } from "next-intl/server";
import { DATE } from "@/lib/i18n/dates";
import { StatsFilters } from "@/components/stats/stats-filters";
import { requirePageActor } from "@/lib/auth/session";
import { AppError } from "@/lib/data/errors";
import { myUnitStats, resolvePeriod, type StatsQuery } from "@/lib/data/stats";
import { statsQueryOf } from "@/lib/stats/query";
import { messageGroup } from "@/lib/i18n/dynamic";

/** A contributor's own unit: its figures, score and ranks for a period (never another unit's). */
export default async function MyStatsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("contributor");
  const query = statsQueryOf(await searchParams);
  delete query.kind;
  const [t, tk, te, format] = await Promise.all([getTranslations("stats"), getTranslations("unitKind"), getTranslations("errors"), getFormatter()]);
  let error: string | null = null;
  let mine: Awaited<ReturnType<typeof myUnitStats>>;
  try {
    mine = await myUnitStats(actor, query as StatsQuery);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== "invalid") throw e;
    error = te("invalid");
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
      <StatsFilters period={error ? resolvePeriod({}) : mine.period} query={query} showKind={false} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <p>{t("periodLabel", { label: mine.period.label, from: format.dateTime(chinaInstant(mine.period.from), DATE), to: format.dateTime(chinaInstant(mine.period.to), DATE) })}</p>
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

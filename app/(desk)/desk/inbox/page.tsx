import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ITEM_STATUSES } from "@/db/schema";
import { InboxTable } from "@/components/desk/inbox-table";
import { Pager } from "@/components/layout/pager";
import { requirePageActor } from "@/lib/auth/session";
import { INBOX_SORTS, inboxFilterFromParams, inboxFilterOptions, listInboxOffThread } from "@/lib/data/inbox";
import { nearDuplicatesOffThread } from "@/lib/data/near-duplicates";
import { nearDateTime } from "@/lib/i18n/dates";
import { duplicateNote } from "@/lib/i18n/duplicate-note";

type Search = Record<string, string | undefined>;

export default async function InboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor("editor");
  const sp = await searchParams;
  // Opens on what waits for a decision, newest first; the URL overrides (status=all for every status).
  const { filter, tab: active, ok } = inboxFilterFromParams(sp);
  const { rows, counts, page } = await listInboxOffThread(actor, filter);
  // Not awaited: the list renders now and each waiting row's near-duplicate mark streams in.
  const waiting = rows.filter((r) => r.status === "submitted").map((r) => r.id);
  const duplicates = waiting.length ? nearDuplicatesOffThread(actor, waiting) : null;
  const options = inboxFilterOptions(actor);
  const [t, ti, ts, format, tsearch, tn] = await Promise.all([
    getTranslations("desk"),
    getTranslations("item"),
    getTranslations("itemStatus"),
    getFormatter(),
    getTranslations("search"),
    getTranslations("nearDuplicates"),
  ]);
  // The mark names the other item's unit and when it was sent or where it was printed, so the
  // editor sees which of the two came first.
  const markOf = (id: number, submittedAt: Date | null) =>
    duplicates?.then((m) => {
      const d = m.get(id);
      return d ? { id: d.id, title: d.title, note: duplicateNote(tn as never, (at) => nearDateTime(format, at), d, submittedAt) } : null;
    });
  const statuses = ITEM_STATUSES.filter((s) => s !== "draft");
  const total = statuses.reduce((n, s) => n + (counts[s] ?? 0), 0);
  // Tabs keep the other filters.
  const withStatus = (status: string) => {
    const q = new URLSearchParams(Object.entries(sp).filter((e): e is [string, string] => !!e[1] && e[0] !== "status" && e[0] !== "page"));
    if (status !== "submitted") q.set("status", status);
    const s = q.toString();
    return `/desk/inbox${s ? `?${s}` : ""}`;
  };
  return (
    <section>
      <h1>{t("inboxTitle")}</h1>
      <form className="card form inbox-filters" method="get" action="/desk/inbox" aria-label={t("filters")}>
        {active !== "submitted" && <input type="hidden" name="status" value={active} />}
        <div className="field-row">
          <div className="field">
            <label htmlFor="inbox-q">{t("search")}</label>
            <input id="inbox-q" name="q" type="search" defaultValue={filter.q ?? ""} maxLength={100} aria-describedby="inbox-q-hint" />
            <span id="inbox-q-hint" className="hint">
              {t("searchHint")}
            </span>
            <Link href={`/search${filter.q ? `?q=${encodeURIComponent(filter.q)}` : ""}`} className="hint">
              {tsearch("inboxLink")}
            </Link>
          </div>
          <div className="field">
            <label htmlFor="inbox-unit">{ti("unit")}</label>
            <select id="inbox-unit" name="unitId" defaultValue={filter.unitId ?? ""}>
              <option value="">{t("any")}</option>
              {options.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="inbox-section">{ti("section")}</label>
            <select id="inbox-section" name="sectionId" defaultValue={filter.sectionId ?? ""}>
              <option value="">{t("any")}</option>
              {options.sections.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="inbox-from">{t("from")}</label>
            <input id="inbox-from" name="from" type="date" defaultValue={filter.from ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="inbox-to">{t("to")}</label>
            <input id="inbox-to" name="to" type="date" defaultValue={filter.to ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="inbox-sort">{t("sort")}</label>
            <select id="inbox-sort" name="sort" defaultValue={filter.sort}>
              {INBOX_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`sorts.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="buttons">
          <button type="submit" className="primary">
            {t("applyFilters")}
          </button>
          <Link href="/desk/inbox">{t("clearFilters")}</Link>
        </div>
        {!ok && (
          <p role="alert" className="error">
            {t("badFilter")}
          </p>
        )}
      </form>
      <nav aria-label={ti("status")} className="tabs">
        <Link href={withStatus("all")} aria-current={active === "all" ? "page" : undefined}>
          {ti("allStatuses")} <span className="count">{total}</span>
        </Link>
        {statuses.map((s) => (
          <Link key={s} href={withStatus(s)} aria-current={active === s ? "page" : undefined}>
            {ts(s)} <span className="count">{counts[s] ?? 0}</span>
          </Link>
        ))}
      </nav>
      <InboxTable
          emptyText={ti("empty")}
          rows={rows.map((r) => ({
            id: r.id,
            version: r.version,
            title: r.title,
            unitName: r.unitName,
            sectionTitle: r.sectionTitle,
            status: r.status,
            statusLabel: ts(r.status),
            submittedAt: r.submittedAt ? format.dateTime(r.submittedAt, { dateStyle: "medium", timeStyle: "short" }) : "—",
            duplicateOf: r.status === "submitted" ? markOf(r.id, r.submittedAt) : undefined,
          }))}
      />
      <Pager path="/desk/inbox" params={sp} page={page} />
    </section>
  );
}

import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ITEM_STATUSES } from "@/db/schema";
import { requirePageActor } from "@/lib/auth/session";
import { issueLabeler } from "@/lib/i18n/issue-label";
import { upcomingDeadline } from "@/lib/data/arrange";
import { countMyItems, listMyItems, myItemsFilterSchema } from "@/lib/data/items";
import { OpenCalls } from "@/components/calls/open-calls";
import { StatusBadge } from "@/components/item/status-badge";
import { Pager } from "@/components/layout/pager";
import { pageOf } from "@/lib/data/paging";
import { calendarDay, nearDateTime } from "@/lib/i18n/dates";
import styles from "@/components/item/item-page.module.css";

// The order a unit thinks in: what needs doing first, then what is under way, then what is done.
const TAB_ORDER = ["returned", "draft", "submitted", "accepted", "placed", "published", "declined"] as const;

export default async function MyItemsPage({ searchParams }: { searchParams: Promise<{ status?: string; page?: string; deleted?: string }> }) {
  const actor = await requirePageActor("contributor");
  const sp = await searchParams;
  const parsed = myItemsFilterSchema.safeParse({ status: sp.status || undefined, page: sp.page });
  const filter = parsed.success ? parsed.data.status : undefined;
  const counts = countMyItems(actor);
  const total = ITEM_STATUSES.reduce((n, s) => n + counts[s], 0);
  const page = pageOf(filter ? counts[filter] : total, parsed.success ? parsed.data.page : undefined);
  const rows = listMyItems(actor, { status: filter, page });
  const deadline = upcomingDeadline(actor);
  const [t, ts, tl, td, format, label] = await Promise.all([
    getTranslations("item"),
    getTranslations("itemStatus"),
    getTranslations("itemList"),
    getTranslations("desk"),
    getFormatter(),
    issueLabeler({ total: false }),
  ]);
  const tdel = await getTranslations("deleteDraft");
  const date = (d: Date | null) => (d ? nearDateTime(format, d) : "—");
  return (
    <section>
      <div className="title-row">
        <h1>{t("myItemsTitle")}</h1>
        <Link href="/items/new" className="button primary">
          {t("newTitle")}
        </Link>
      </div>
      {sp.deleted && (
        <p role="status" className="ok">
          {tdel("deleted")}
        </p>
      )}
      <OpenCalls actor={actor} />
      {deadline && (
        <p className="note" data-testid="deadline">
          {td("deadlineNotice", { issue: label(deadline), time: nearDateTime(format, deadline.deadline) })}
        </p>
      )}
      {counts.returned > 0 && filter !== "returned" && (
        <p className="note" role="status">
          <Link href="/items?status=returned">{tl("returnedWaiting", { count: counts.returned })}</Link>
        </p>
      )}
      <nav aria-label={tl("filter")} className="tabs">
        <Link href="/items" aria-current={!filter ? "page" : undefined}>
          {tl("all")} <span className="count">{total}</span>
        </Link>
        {TAB_ORDER.map((s) => (
          <Link key={s} href={`/items?status=${s}`} aria-current={filter === s ? "page" : undefined}>
            {ts(s)} <span className="count">{counts[s]}</span>
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <p className="empty">{filter ? tl("emptyFiltered", { status: ts(filter) }) : t("empty")}</p>
      ) : (
        <table className={`table ${styles.myItems}`} data-testid="my-items">
          <caption className="sr-only">{filter ? tl("captionFiltered", { status: ts(filter), count: page.total }) : tl("caption", { count: page.total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("title")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("submittedAt")}</th>
              <th scope="col">{t("eventDate")}</th>
              <th scope="col">{t("issue")}</th>
              <th scope="col">{t("editorNote")}</th>
              <th scope="col">{t("updated")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-status={r.status}>
                <td className={styles.titleCell}>
                  <Link href={`/items/${r.id}`}>{r.title || tl("untitled")}</Link>
                  {r.sectionTitle && <div className="hint">【{r.sectionTitle}】</div>}
                </td>
                <td data-label={t("status")}>
                  <StatusBadge status={r.status} label={ts(r.status)} />
                  {r.status === "returned" && <div className={styles.explain}>{tl("toRevise")}</div>}
                </td>
                <td data-label={t("submittedAt")} data-empty={r.submittedAt ? undefined : ""}>
                  {date(r.submittedAt)}
                </td>
                <td data-label={t("eventDate")} data-empty={r.eventDate ? undefined : ""}>
                  {r.eventDate ? calendarDay(format, r.eventDate) : "—"}</td>
                <td data-label={t("issue")} data-empty={r.issueYear ? undefined : ""}>
                  {r.issueYear ? (
                    <>
                      {label({ kind: r.issueKind ?? "regular", year: r.issueYear, number: r.issueNumber ?? 0, numberEnd: r.issueNumberEnd, totalNumber: r.issueTotal ?? 0, totalNumberEnd: r.issueTotalEnd, supplementLabel: r.issueSupplementLabel })}
                      {r.issueStatus !== "distributed" && <div className="hint">{tl("issuePending")}</div>}
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td className={styles.noteCell} data-label={t("editorNote")} data-empty={r.editorNote ? undefined : ""}>
                  {r.editorNote || "—"}
                </td>
                <td data-label={t("updated")}>{date(r.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager path="/items" params={{ status: filter }} page={page} />
    </section>
  );
}

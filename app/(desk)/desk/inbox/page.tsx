import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ITEM_STATUSES } from "@/db/schema";
import { StatusBadge } from "@/components/item/status-badge";
import { requirePageActor } from "@/lib/auth/session";
import { inboxFilterSchema, listInbox } from "@/lib/data/inbox";

export default async function InboxPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const actor = await requirePageActor("editor");
  const sp = await searchParams;
  const filter = inboxFilterSchema.safeParse({ status: sp.status || undefined });
  const { rows, counts } = listInbox(actor, filter.success ? filter.data : {});
  const [t, ti, ts, format] = await Promise.all([getTranslations("desk"), getTranslations("item"), getTranslations("itemStatus"), getFormatter()]);
  const active = filter.success ? filter.data.status : undefined;
  return (
    <section>
      <h1>{t("inboxTitle")}</h1>
      <nav aria-label={ti("status")} className="tabs">
        <Link href="/desk/inbox" aria-current={!active ? "page" : undefined}>
          {ti("allStatuses")}
        </Link>
        {ITEM_STATUSES.filter((s) => s !== "draft").map((s) => (
          <Link key={s} href={`/desk/inbox?status=${s}`} aria-current={active === s ? "page" : undefined}>
            {ts(s)} <span className="count">{counts[s] ?? 0}</span>
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <p className="empty">{ti("empty")}</p>
      ) : (
        <table className="table" data-testid="inbox">
          <thead>
            <tr>
              <th scope="col">{ti("title")}</th>
              <th scope="col">{ti("unit")}</th>
              <th scope="col">{ti("section")}</th>
              <th scope="col">{ti("status")}</th>
              <th scope="col">{ti("submittedAt")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/desk/items/${r.id}`}>{r.title}</Link>
                </td>
                <td>{r.unitName}</td>
                <td>{r.sectionTitle ?? "—"}</td>
                <td>
                  <StatusBadge status={r.status} label={ts(r.status)} />
                </td>
                <td>{r.submittedAt ? format.dateTime(r.submittedAt, { dateStyle: "medium", timeStyle: "short" }) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ITEM_STATUSES, type ItemStatus } from "@/db/schema";
import { requirePageActor } from "@/lib/auth/session";
import { listMyItems } from "@/lib/data/items";
import { StatusBadge } from "@/components/item/status-badge";

export default async function MyItemsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const actor = await requirePageActor("contributor");
  const { status } = await searchParams;
  const filter = (ITEM_STATUSES as readonly string[]).includes(status ?? "") ? (status as ItemStatus) : undefined;
  const rows = listMyItems(actor, { status: filter });
  const [t, ts, format] = await Promise.all([getTranslations("item"), getTranslations("itemStatus"), getFormatter()]);
  return (
    <section>
      <div className="title-row">
        <h1>{t("myItemsTitle")}</h1>
        <Link href="/items/new" className="button primary">
          {t("newTitle")}
        </Link>
      </div>
      <form className="filters" method="get">
        <label>
          {t("status")}
          <select name="status" defaultValue={filter ?? ""}>
            <option value="">{t("allStatuses")}</option>
            {ITEM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ts(s)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t("filter")}</button>
      </form>
      {rows.length === 0 ? (
        <p className="empty">{t("empty")}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("title")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("issue")}</th>
              <th scope="col">{t("updated")}</th>
              <th scope="col">{t("editorNote")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/items/${r.id}`}>{r.title}</Link>
                </td>
                <td>
                  <StatusBadge status={r.status} label={ts(r.status)} />
                </td>
                <td>{r.issueYear ? t("issueLabel", { year: r.issueYear, number: r.issueNumber ?? 0 }) : "—"}</td>
                <td>{format.dateTime(r.updatedAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                <td>{r.editorNote || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

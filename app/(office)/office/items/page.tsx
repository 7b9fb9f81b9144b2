import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { calendarDay } from "@/lib/i18n/dates";
import { AppError } from "@/lib/data/errors";
import { listPublishedItems } from "@/lib/data/recognition";
import { issueLabeler } from "@/lib/i18n/issue-label";

/** Published items, for the office to record a leader's instruction or a forward on one. */
export default async function PublishedItemsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("office");
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const [t, te, label, format] = await Promise.all([getTranslations("recognition"), getTranslations("errors"), issueLabeler({ total: false }), getFormatter()]);
  let rows: ReturnType<typeof listPublishedItems> = [];
  let error: string | null = null;
  try {
    rows = listPublishedItems(actor, { q: q || undefined });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    error = te("invalid");
  }
  return (
    <section>
      <h1>{t("title")}</h1>
      <form method="get" className="filters">
        <label className="field">
          {t("search")}
          <input name="q" defaultValue={q} maxLength={60} />
        </label>
        <button type="submit">{t("searchButton")}</button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="empty">{t("none")}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t("item")}</th>
              <th>{t("issue")}</th>
              <th>{t("instructions")}</th>
              <th>{t("forwards")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/office/items/${r.id}`}>{r.title}</Link>
                  {r.source && <span className="empty">（{r.source}）</span>}
                </td>
                <td>
                  {label(r)} · {calendarDay(format, r.date)}
                </td>
                <td>{r.instructions}</td>
                <td>{r.forwards}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

import { getTranslations } from "next-intl/server";
import { Editions } from "@/components/office/editions";
import { IssueExports } from "@/components/office/issue-exports";
import { requirePageActor } from "@/lib/auth/session";
import { chineseDate } from "@/lib/bulletin/dates";
import { listIssues } from "@/lib/data/issues";

export default async function ArchivePage() {
  const actor = await requirePageActor("office", "editor", "reviewer", "signer", "admin");
  const rows = listIssues(actor).filter((r) => r.status === "distributed");
  const [t, td] = await Promise.all([getTranslations("office"), getTranslations("desk")]);
  const years = [...new Set(rows.map((r) => r.year))];
  return (
    <section>
      <h1>{t("archiveTitle")}</h1>
      {rows.length === 0 && <p className="empty">{t("archiveEmpty")}</p>}
      {years.map((y) => (
        <section key={y}>
          <h2>{y}</h2>
          <ul className="list">
            {rows
              .filter((r) => r.year === y)
              .map((r) => (
                <li key={r.id}>
                  {td("issueLabel", { year: r.year, number: r.number, total: r.totalNumber })} · {chineseDate(r.date)} · {td("itemsCount", { count: r.items })}
                  <IssueExports issueId={r.id} />
                  <Editions actor={actor} issueId={r.id} />
                </li>
              ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

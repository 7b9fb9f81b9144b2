import { getTranslations } from "next-intl/server";
import { IssueExports } from "@/components/office/issue-exports";
import { requirePageActor } from "@/lib/auth/session";
import { chineseDate } from "@/lib/bulletin/dates";
import { listIssues } from "@/lib/data/issues";

export default async function ArchivePage() {
  const actor = await requirePageActor("office", "editor", "reviewer", "admin");
  const rows = listIssues(actor).filter((r) => r.status === "distributed");
  const [t, td, tk] = await Promise.all([getTranslations("office"), getTranslations("desk"), getTranslations("issueKinds")]);
  // A 合刊 and a supplement are named as their masthead prints them.
  const label = (r: (typeof rows)[number]) =>
    r.kind === "double" && r.numberEnd
      ? tk("doubleLabel", { year: r.year, number: r.number, end: r.numberEnd, total: r.totalNumber, totalEnd: r.totalNumberEnd ?? r.totalNumber + 1 })
      : r.kind === "supplement"
        ? r.number
          ? tk("supplementLabelNumbered", { year: r.year, label: r.supplementLabel ?? "增刊", number: r.number })
          : tk("supplementLabelUnnumbered", { year: r.year, label: r.supplementLabel ?? "增刊" })
        : td("issueLabel", { year: r.year, number: r.number, total: r.totalNumber });
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
                  {label(r)} · {chineseDate(r.date)} · {td("itemsCount", { count: r.items })}
                  <IssueExports issueId={r.id} />
                </li>
              ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

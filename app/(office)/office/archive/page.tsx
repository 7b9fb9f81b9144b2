import { issueLabeler } from "@/lib/i18n/issue-label";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Editions } from "@/components/office/editions";
import { IssueExports } from "@/components/office/issue-exports";
import { RegisterEntry } from "@/components/register/register-entry";
import { registerEntriesForIssue } from "@/lib/data/register";
import { requirePageActor } from "@/lib/auth/session";
import { calendarDay } from "@/lib/i18n/dates";
import { Pager, YearNav } from "@/components/layout/pager";
import { pageOf, pageParam } from "@/lib/data/paging";
import { issueYears, listIssues } from "@/lib/data/issues";

/**
 * The distributed issues, newest first, PAGE_SIZE a page (`?page=`), or one year's (`?year=`), with
 * the years and their counts as links.
 */
export default async function ArchivePage({ searchParams }: { searchParams: Promise<{ year?: string; page?: string }> }) {
  const actor = await requirePageActor("office", "editor", "reviewer", "signer", "admin");
  const sp = await searchParams;
  const allYears = issueYears(actor, { status: "distributed" });
  const year = allYears.find((y) => String(y.year) === sp.year)?.year;
  const total = year ? (allYears.find((y) => y.year === year)?.count ?? 0) : allYears.reduce((n, y) => n + y.count, 0);
  const page = pageOf(total, pageParam.parse(sp.page));
  const rows = listIssues(actor, { status: "distributed", year, page });
  const [t, td, tr, treg, format] = await Promise.all([getTranslations("office"), getTranslations("desk"), getTranslations("archiveRead"), getTranslations("register"), getFormatter()]);
  // A 合刊 and a supplement are named as their masthead prints them.
  const label = await issueLabeler();
  const years = [...new Set(rows.map((r) => r.year))];
  return (
    <section>
      <h1>{t("archiveTitle")}</h1>
      {rows.length === 0 && <p className="empty">{t("archiveEmpty")}</p>}
      {allYears.length > 1 && <YearNav path="/office/archive" params={{}} years={allYears} current={year ?? null} />}
      {years.map((y) => (
        <section key={y}>
          <h2>{y}</h2>
          <ul className="list">
            {rows
              .filter((r) => r.year === y)
              .map((r) => (
                <li key={r.id}>
                  {label(r)} · {calendarDay(format, r.date)} · {td("itemsCount", { count: r.items })}
                  {" · "}
                  <Link href={`/office/archive/${r.id}`}>{tr("read")}</Link>
                  <IssueExports issueId={r.id} />
                  <Editions actor={actor} issueId={r.id} />
                  <details>
                    <summary>{treg("entryTitle")}</summary>
                    <RegisterEntry entries={registerEntriesForIssue(actor, r.id)} />
                  </details>
                </li>
              ))}
          </ul>
        </section>
      ))}
      <Pager path="/office/archive" params={{ year }} page={page} />
    </section>
  );
}

import Link from "next/link";
import { issueLabeler } from "@/lib/i18n/issue-label";
import { getFormatter, getTranslations } from "next-intl/server";
import { NewIssueForm } from "@/components/desk/new-issue-form";
import { StatusBadge } from "@/components/item/status-badge";
import { requirePageActor } from "@/lib/auth/session";
import { calendarDay } from "@/lib/i18n/dates";
import { Pager, YearNav } from "@/components/layout/pager";
import { pageOf, pageParam } from "@/lib/data/paging";
import { issueYears, listIssues, proposeNextIssue } from "@/lib/data/issues";

/**
 * The desk's issues: every issue not yet distributed, then the distributed ones newest first,
 * PAGE_SIZE a page (`?page=`) or one year's (`?year=`), with the years as links.
 */
export default async function IssuesPage({ searchParams }: { searchParams: Promise<{ year?: string; page?: string }> }) {
  const actor = await requirePageActor("editor");
  const sp = await searchParams;
  const allYears = issueYears(actor);
  const doneYears = issueYears(actor, { status: "distributed" });
  const year = allYears.find((y) => String(y.year) === sp.year)?.year;
  const total = year ? (doneYears.find((y) => y.year === year)?.count ?? 0) : doneYears.reduce((n, y) => n + y.count, 0);
  const page = pageOf(total, pageParam.parse(sp.page));
  const open = listIssues(actor, { status: ["drafting", "in_review", "approved"], year });
  const rows = [...open, ...listIssues(actor, { status: "distributed", year, page })].sort((a, b) => b.year - a.year || b.number - a.number);
  const proposal = proposeNextIssue(actor);
  const [t, ts, format] = await Promise.all([getTranslations("desk"), getTranslations("issueStatus"), getFormatter()]);
  const label = await issueLabeler();
  const years = [...new Set(rows.map((r) => r.year))];
  return (
    <section>
      <h1>{t("issuesTitle")}</h1>
      <NewIssueForm proposal={proposal} />
      {allYears.length > 1 && <YearNav path="/desk/issues" params={{}} years={allYears} current={year ?? null} />}
      {rows.length === 0 && <p className="empty">{t("noIssues")}</p>}
      {years.map((year) => (
        <section key={year} aria-labelledby={`year-${year}`}>
          <h2 id={`year-${year}`}>{t("yearHeading", { year })}</h2>
          <table className="table" data-testid="issues">
            <thead>
              <tr>
                <th scope="col">{t("issueColumn")}</th>
                <th scope="col">{t("date")}</th>
                <th scope="col">{t("deadlineColumn")}</th>
                <th scope="col">{t("itemsColumn")}</th>
                <th scope="col">{t("statusColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {rows
                .filter((r) => r.year === year)
                .map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link href={`/desk/issues/${r.id}`}>{label(r)}</Link>
                    </td>
                    <td>{calendarDay(format, r.date)}</td>
                    <td>{r.deadline ? format.dateTime(r.deadline, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" }) : "—"}</td>
                    <td>{t("itemsCount", { count: r.items })}</td>
                    <td>
                      <StatusBadge status={r.status} label={ts(r.status)} />
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
      <Pager path="/desk/issues" params={{ year }} page={page} />
    </section>
  );
}

import { getFormatter, getTranslations } from "next-intl/server";
import { IssueExports } from "@/components/office/issue-exports";
import { DistributeForm } from "@/components/office/distribute-form";
import { requirePageActor } from "@/lib/auth/session";
import { calendarDay } from "@/lib/i18n/dates";
import { getIssue, listIssues } from "@/lib/data/issues";
import { todayInChina } from "@/lib/data/validation";
import { issueName } from "@/lib/data/issue-kinds";
import { issueLabeler } from "@/lib/i18n/issue-label";

export default async function OfficePage() {
  const actor = await requirePageActor("office");
  // Approved issues only: the write that changes approved content voids the approval itself.
  const rows = listIssues(actor, { status: "approved" });
  const [t, labelOf, format] = await Promise.all([getTranslations("office"), issueLabeler(), getFormatter()]);
  return (
    <section>
      <h1>{t("title")}</h1>
      <h2>{t("approvedIssues")}</h2>
      {rows.length === 0 ? (
        <p className="empty">{t("none")}</p>
      ) : (
        rows.map((r) => {
          const issue = getIssue(actor, r.id);
          return (
            <article key={r.id} className="card" data-testid={`office-issue-${r.id}`}>
              <h3>
                {labelOf(r)} · {calendarDay(format, r.date)}
              </h3>
              <IssueExports issueId={r.id} />
              <DistributeForm issueId={r.id} version={issue.version} label={issueName(issue)} date={todayInChina()} distribution={issue.distribution} />
            </article>
          );
        })
      )}
    </section>
  );
}

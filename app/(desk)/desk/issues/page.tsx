import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NewIssueForm } from "@/components/desk/new-issue-form";
import { StatusBadge } from "@/components/item/status-badge";
import { requirePageActor } from "@/lib/auth/session";
import { listIssues, proposeNextIssue } from "@/lib/data/issues";
import { enforceApprovals } from "@/lib/data/review";
import { chineseDate } from "@/lib/bulletin/dates";

export default async function IssuesPage() {
  const actor = await requirePageActor("editor");
  enforceApprovals();
  const rows = listIssues(actor);
  const proposal = proposeNextIssue(actor);
  const [t, ts] = await Promise.all([getTranslations("desk"), getTranslations("issueStatus")]);
  return (
    <section>
      <h1>{t("issuesTitle")}</h1>
      <NewIssueForm proposal={proposal} />
      {rows.length === 0 ? (
        <p className="empty">{t("noIssues")}</p>
      ) : (
        <table className="table" data-testid="issues">
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/desk/issues/${r.id}`}>{t("issueLabel", { year: r.year, number: r.number, total: r.totalNumber })}</Link>
                </td>
                <td>{chineseDate(r.date)}</td>
                <td>{t("itemsCount", { count: r.items })}</td>
                <td>
                  <StatusBadge status={r.status} label={ts(r.status)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

import { getFormatter, getTranslations } from "next-intl/server";
import type { Issue } from "@/db/schema";
import { signedOff } from "@/lib/data/issues";
import type { VoidedApproval } from "@/lib/data/review";

/** The approval as it stands: who approved what and when, or — never silently — that it was voided. */
export async function ApprovalNotice({ issue, voided }: { issue: Issue; voided: VoidedApproval | null }) {
  const [t, ts, format] = await Promise.all([getTranslations("review"), getTranslations("signoff"), getFormatter()]);
  const signed = issue.status === "approved" || issue.status === "distributed" ? signedOff(issue.id) : null;
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  if (issue.approvedAt && issue.approvedByName && (issue.status === "approved" || issue.status === "distributed"))
    return (
      <p className="ok" data-testid="approval">
        {t("approvedBy", { name: issue.approvedByName, time: when(issue.approvedAt) })} · {t("fingerprint")}{" "}
        <code title={issue.approvalFingerprint ?? ""}>{issue.approvalFingerprint?.slice(0, 16)}</code>
        {signed && <> · {ts("signedBy", { name: signed.name, time: when(signed.at) })}</>}
      </p>
    );
  if (voided && issue.status === "drafting") {
    const approvedBy = voided.approvedBy ?? t("unknownApprover");
    return (
      <p role="status" className="error" data-testid="approval-void">
        {voided.how === "reopen"
          ? t("approvalVoidReopen", { name: voided.actorName, time: when(voided.at), approvedBy })
          : t("approvalVoidChanged", { name: voided.actorName, time: when(voided.at), approvedBy })}
      </p>
    );
  }
  return null;
}

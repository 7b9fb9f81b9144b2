import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { BulletinPreview } from "@/components/issue/bulletin-preview";
import { ExportLinks } from "@/components/issue/export-links";
import { StatusBadge } from "@/components/item/status-badge";
import { Timeline } from "@/components/item/timeline";
import { ReviewForm } from "@/components/review/review-form";
import { requirePageActor } from "@/lib/auth/session";
import { AppError } from "@/lib/data/errors";
import { issueComments, issueDocument, issueHistory } from "@/lib/data/issues";
import { idSchema } from "@/lib/data/validation";

export default async function ReviewIssuePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("reviewer");
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  let loaded;
  try {
    loaded = issueDocument(actor, id.data);
  } catch (e) {
    if (e instanceof AppError) notFound();
    throw e;
  }
  const { issue, doc } = loaded;
  const [t, td, ts, format] = await Promise.all([getTranslations("review"), getTranslations("desk"), getTranslations("issueStatus"), getFormatter()]);
  const comments = issueComments(actor, issue.id);
  const approvalVoid = issue.status === "approved" && doc.draft;
  return (
    <section>
      <div className="title-row">
        <h1>{td("issueLabel", { year: issue.year, number: issue.number, total: issue.totalNumber })}</h1>
        <StatusBadge status={issue.status} label={ts(issue.status)} />
      </div>
      {issue.approvedAt && issue.approvedByName && (
        <p className="ok" data-testid="approval">
          {t("approvedBy", { name: issue.approvedByName, time: format.dateTime(issue.approvedAt, { dateStyle: "medium", timeStyle: "short" }) })} ·{" "}
          {t("fingerprint")} <code>{issue.approvalFingerprint?.slice(0, 16)}</code>
        </p>
      )}
      {approvalVoid && (
        <p role="alert" className="error">
          {t("voidApproval")}
        </p>
      )}
      {issue.status === "in_review" && <ReviewForm issueId={issue.id} version={issue.version} />}
      {comments.length > 0 && (
        <section>
          <h2>{t("comments")}</h2>
          <ul className="list">
            {comments.map((c) => (
              <li key={c.id}>{c.body}</li>
            ))}
          </ul>
        </section>
      )}
      <ExportLinks issueId={issue.id} />
      <BulletinPreview doc={doc} />
      <Timeline entries={issueHistory(actor, issue.id)} title={td("history")} />
    </section>
  );
}

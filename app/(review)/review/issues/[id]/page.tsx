import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { BulletinPreview } from "@/components/issue/bulletin-preview";
import { ExportLinks } from "@/components/issue/export-links";
import { StatusBadge } from "@/components/item/status-badge";
import { Timeline } from "@/components/item/timeline";
import { CommentThreads } from "@/components/review/comment-threads";
import { ReviewForm } from "@/components/review/review-form";
import { RoundChanges } from "@/components/review/round-changes";
import { requirePageActor } from "@/lib/auth/session";
import { AppError } from "@/lib/data/errors";
import { issueDocument, issueHistory } from "@/lib/data/issues";
import { enforceApproval, listReviewRounds, listThreads } from "@/lib/data/review";
import { idSchema } from "@/lib/data/validation";

export default async function ReviewIssuePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("reviewer");
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  let loaded;
  try {
    enforceApproval(id.data);
    loaded = issueDocument(actor, id.data);
  } catch (e) {
    if (e instanceof AppError) notFound();
    throw e;
  }
  const { issue, doc } = loaded;
  const [t, td, ts, format] = await Promise.all([getTranslations("review"), getTranslations("desk"), getTranslations("issueStatus"), getFormatter()]);
  const threads = listThreads(actor, issue.id);
  const { comparison, round } = listReviewRounds(actor, issue.id);
  const items = doc.sections.flatMap((s) => s.items.map((i) => ({ id: i.id ?? 0, title: i.title })));
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
      {issue.status === "in_review" && <ReviewForm issueId={issue.id} version={issue.version} />}
      {comparison && issue.status === "in_review" && <RoundChanges comparison={comparison} round={round} />}
      <div className="arrange">
        <div>
          <ExportLinks issueId={issue.id} />
          <BulletinPreview doc={doc} />
        </div>
        <CommentThreads issueId={issue.id} threads={threads} items={items} canOpen={issue.status === "in_review"} />
      </div>
      <Timeline entries={issueHistory(actor, issue.id)} title={td("history")} />
    </section>
  );
}

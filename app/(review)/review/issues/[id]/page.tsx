import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ExportLinks } from "@/components/issue/export-links";
import { PrintLinks } from "@/components/issue/print-links";
import { PrintReader } from "@/components/review/print-reader";
import { GlyphPreflight } from "@/components/issue/glyph-preflight";
import { WordListHits } from "@/components/issue/word-list-hits";
import { StatusBadge } from "@/components/item/status-badge";
import { Timeline } from "@/components/item/timeline";
import { ApprovalNotice } from "@/components/review/approval-notice";
import { CommentThreads } from "@/components/review/comment-threads";
import { ReviewForm } from "@/components/review/review-form";
import { RoundChanges } from "@/components/review/round-changes";
import { requirePageActor } from "@/lib/auth/session";
import { bulletinToPrintHtml } from "@/lib/bulletin/print-html";
import { approvalBlocked, issueDocument, issueHistory, reviewStage } from "@/lib/data/issues";
import { listReviewRounds, listThreads, voidedApproval } from "@/lib/data/review";
import type { Actor } from "@/lib/data/actor";
import { loadPageRecord } from "@/lib/auth/page-record";
import { issueLabeler } from "@/lib/i18n/issue-label";

export default async function ReviewIssuePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("reviewer", "signer");
  const loaded = await loadPageRecord(params, (id) => issueDocument(actor, id));
  const { issue, doc, fingerprint } = loaded;
  const [t, td, ts, labelOf] = await Promise.all([getTranslations("review"), getTranslations("desk"), getTranslations("issueStatus"), issueLabeler()]);
  const threads = listThreads(actor, issue.id);
  const { comparison, round } = listReviewRounds(actor, issue.id);
  const items = doc.sections.flatMap((s) => s.items.map((i) => ({ id: i.id ?? 0, title: i.title })));
  return (
    <section>
      <div className="title-row">
        <h1>{labelOf(issue)}</h1>
        <StatusBadge status={issue.status} label={ts(issue.status)} />
        {round > 0 && <span data-testid="review-round">{t("roundLabel", { round })}</span>}
      </div>
      <ApprovalNotice issue={issue} voided={voidedApproval(actor, issue.id)} />
      <GlyphPreflight doc={doc} />
      <WordListHits
        actor={actor}
        items={doc.sections.flatMap((s) => s.items.map((i) => ({ title: i.title, paragraphs: i.paragraphs.map((p) => p.map((r) => r.text).join("")), source: i.source })))}
      />
      {issue.status === "in_review" && <ReviewDecision actor={actor} issueId={issue.id} version={issue.version} fingerprint={fingerprint} />}
      {comparison && issue.status === "in_review" && <RoundChanges comparison={comparison} round={round} />}
      <section className="print-read" aria-labelledby="print-read-heading">
        <h2 id="print-read-heading">{t("printView")}</h2>
        <PrintLinks issueId={issue.id} />
        <ExportLinks issueId={issue.id} />
        {/* The same renderer as the PDF, read at full width and full size. */}
        <PrintReader title={t("printFrame")} html={bulletinToPrintHtml(doc)} />
      </section>
      <CommentThreads issueId={issue.id} threads={threads} items={items} canOpen={issue.status === "in_review"} />
      <p>
        <Link href={`/audit?entity=issue&entityId=${issue.id}`}>{t("auditLink")}</Link>
      </p>
      <Timeline entries={issueHistory(actor, issue.id)} title={td("history")} />
    </section>
  );
}

/**
 * What this reader may decide now: 审核 (a reviewer, while no 审核 of this round holds) or 签发 (a
 * signer, once the 审核 is recorded where the publication uses two levels). Whether they may approve
 * at all (not the sender, not whoever changed the content, not the 审核 at 签发) is decided by
 * lib/data; the page says so up front (approvalBlocked) and the approve button is off, and the
 * action refuses it all the same.
 */
async function ReviewDecision({ actor, issueId, version, fingerprint }: { actor: Actor; issueId: number; version: number; fingerprint: string }) {
  const stage = reviewStage(issueId);
  const t = await getTranslations("signoff");
  const waitingForSign = stage.levels === 2 && stage.reviewed !== null;
  const level = waitingForSign ? "sign" : "review";
  const mayAct = waitingForSign ? actor.roles.includes("signer") : actor.roles.includes("reviewer");
  const blocked = mayAct && approvalBlocked(actor, issueId);
  const te = await getTranslations("errors");
  return (
    <>
      {stage.levels === 2 && (
        <p className="note" data-testid="signoff-stage">
          {stage.reviewed ? t("waitingForSign", { name: stage.reviewed.name }) : t("waitingForReview")}
        </p>
      )}
      {blocked && (
        <p className="note" role="note" data-testid="self-approval">
          {te("self_approval")}
        </p>
      )}
      {mayAct ? (
        <ReviewForm issueId={issueId} version={version} fingerprint={fingerprint} level={level} final={level === "sign" || stage.levels === 1} blocked={blocked} />
      ) : (
        <p className="note">{waitingForSign ? t("notYourLevelSign") : t("notYourLevelReview")}</p>
      )}
    </>
  );
}

import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ArrangeBoard } from "@/components/desk/arrange-board";
import { IssueMetaForm } from "@/components/desk/issue-meta-form";
import { ExportLinks } from "@/components/issue/export-links";
import { PrintLinks } from "@/components/issue/print-links";
import { GlyphPreflight } from "@/components/issue/glyph-preflight";
import { WordListHits } from "@/components/issue/word-list-hits";
import { StatusBadge } from "@/components/item/status-badge";
import { Timeline } from "@/components/item/timeline";
import { ApprovalNotice } from "@/components/review/approval-notice";
import { CommentThreads } from "@/components/review/comment-threads";
import { requirePageActor } from "@/lib/auth/session";
import { boardView } from "@/lib/data/arrange";
import { getIssue, issueDocument, issueHistory } from "@/lib/data/issues";
import { listThreads, returnedReason, voidedApproval } from "@/lib/data/review";
import { ReturnedNotice } from "@/components/review/returned-notice";
import { issueLabel, totalLine } from "@/lib/bulletin/numbering";
import { loadPageRecord } from "@/lib/auth/page-record";
import { boardQueryKey } from "@/lib/desk/board-query";
import { chinaDateTimeLocal } from "@/lib/time";

export default async function ArrangePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("editor");
  const board = await loadPageRecord(params, (id) => boardView(actor, id));
  const issue = getIssue(actor, board.issue.id);
  const { doc } = issueDocument(actor, issue.id);
  const threads = listThreads(actor, issue.id);
  // The board's React Query cache is seeded from here (STYLE.md §10): prefetched on the server, hydrated on the client.
  const queries = new QueryClient();
  await queries.prefetchQuery({ queryKey: boardQueryKey(board.issue.id), queryFn: () => board });
  const [t, ts, tr] = await Promise.all([getTranslations("desk"), getTranslations("issueStatus"), getTranslations("review")]);
  // A 合刊 or a supplement is named as its masthead prints it: 2024年第3-4期合刊（总第120-121期）, 2024年增刊第1期.
  const label = issue.kind === "regular" ? t("issueLabel", { year: issue.year, number: issue.number, total: issue.totalNumber }) : `${issueLabel(doc.masthead)}${totalLine(doc.masthead, "（", "）")}`;
  return (
    <section>
      <div className="title-row">
        <h1>{t("arrangeTitle", { label })}</h1>
        <StatusBadge status={issue.status} label={ts(issue.status)} />
      </div>
      <ReturnedNotice returned={returnedReason(actor, issue.id)} />
      <ApprovalNotice issue={issue} voided={voidedApproval(actor, issue.id)} />
      <PrintLinks issueId={issue.id} />
      <ExportLinks issueId={issue.id} />
      <GlyphPreflight doc={doc} />
      <WordListHits
        actor={actor}
        items={doc.sections.flatMap((s) => s.items.map((i) => ({ title: i.title, paragraphs: i.paragraphs.map((p) => p.map((r) => r.text).join("")), source: i.source })))}
      />
      {issue.status === "drafting" && (
        <IssueMetaForm
          issue={{
            id: issue.id,
            version: issue.version,
            year: issue.year,
            number: issue.number,
            totalNumber: issue.totalNumber,
            date: issue.date,
            deadline: issue.deadline ? chinaDateTimeLocal(issue.deadline) : "",
            supplement: issue.kind === "supplement",
          }}
        />
      )}
      <HydrationBoundary state={dehydrate(queries)}>
        <ArrangeBoard key={issue.id} issueId={issue.id} />
      </HydrationBoundary>
      {threads.length > 0 && (
        <div data-testid="desk-threads">
          <p className="note">{t("threadsHint")}</p>
          <CommentThreads
            issueId={issue.id}
            threads={threads}
            items={doc.sections.flatMap((s) => s.items.map((i) => ({ id: i.id ?? 0, title: i.title })))}
            canOpen={false}
          />
        </div>
      )}
      <p>
        <Link href={`/audit?entity=issue&entityId=${issue.id}`}>{tr("auditLink")}</Link>
      </p>
      <Timeline entries={issueHistory(actor, issue.id)} title={t("history")} />
    </section>
  );
}

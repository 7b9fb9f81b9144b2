import "server-only";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { comments, issueApprovals, placements, reviewRounds, users } from "@/db/schema";
import { compareRounds } from "@/lib/bulletin/compare";
import type { BulletinDocument } from "@/lib/bulletin/document";
import { bulletinDocumentSchema } from "@/lib/bulletin/document-schema";
import { paragraphText } from "@/lib/editor/schema";
import { type Actor, hasRole, requireRole } from "./actor";
import { audit } from "./audit";
import { AppError } from "./errors";
import { getIssue, listIssues, loadBulletin, reviewStage } from "./issues";
import { latestRound } from "./signoff";
import { idSchema } from "./validation";
import { textBlock } from "@/lib/text/rule";

export interface VoidedApproval {
  /** reopen: the editor reopened it; void: printed content changed after approval. */
  how: "reopen" | "void";
  at: Date;
  actorName: string;
  approvedBy: string | null;
}

/**
 * When the issue's last approval was voided (reopened, or printed content changed by a write) and
 * it has not been sent to review since: what the desk and the reviewer must see, so a broken
 * approval is never silent. Read from the approvals table; reads nothing back from the log.
 */
export function voidedApproval(actor: Actor, issueId: number): VoidedApproval | null {
  const issue = getIssue(actor, issueId);
  if (issue.status !== "drafting") return null;
  const last = db.select().from(issueApprovals).where(eq(issueApprovals.issueId, issueId)).orderBy(desc(issueApprovals.id)).get();
  if (!last?.voidedAt || (last.voidReason !== "reopen" && last.voidReason !== "content_changed")) return null;
  const round = latestRound(db, issueId);
  if (round && round.sentAt > last.voidedAt) return null;
  const sameVoid = db
    .select({ name: issueApprovals.userName })
    .from(issueApprovals)
    .where(and(eq(issueApprovals.issueId, issueId), eq(issueApprovals.voidedAt, last.voidedAt)))
    .orderBy(asc(issueApprovals.level))
    .all();
  return {
    how: last.voidReason === "reopen" ? "reopen" : "void",
    at: last.voidedAt,
    actorName: last.voidedByName ?? "系统",
    approvedBy: sameVoid.map((r) => r.name).join("、") || null,
  };
}

/** When the reviewer (or signer) returned the issue and it is back on the desk: their reason, who and when. */
export function returnedReason(actor: Actor, issueId: number): { reason: string; round: number; by: string | null; at: Date | null } | null {
  const issue = getIssue(actor, issueId);
  if (issue.status !== "drafting") return null;
  const round = latestRound(db, issueId);
  if (!round || round.outcome !== "returned" || !round.returnReason) return null;
  const comment = db
    .select({ by: users.displayName, at: comments.createdAt })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(and(eq(comments.issueId, issueId), eq(comments.round, round.round), eq(comments.body, round.returnReason), isNull(comments.parentId)))
    .orderBy(desc(comments.id))
    .get();
  return { reason: round.returnReason, round: round.round, by: comment?.by ?? null, at: comment?.at ?? null };
}

export const addCommentSchema = z.object({
  issueId: idSchema,
  itemId: idSchema.nullable(),
  parentId: idSchema.nullable(),
  quote: textBlock({ label: "引用原文", max: 200, tooLong: "too_long" })
    .nullable()
    .transform((s) => s || null),
  body: textBlock({ label: "意见", max: 2000, required: "comment_body_required", tooLong: "too_long", noMarkup: true }),
});

/**
 * Reviewers and signers comment on an issue in review (general, on an item, or on a quoted passage
 * of it); editors, reviewers and signers answer threads.
 */
export function addComment(actor: Actor, input: z.infer<typeof addCommentSchema>) {
  requireRole(actor, "reviewer", "signer", "editor");
  const issue = getIssue(actor, input.issueId);
  if (!input.parentId && !hasRole(actor, "reviewer", "signer")) throw new AppError("forbidden");
  if (!input.parentId && issue.status !== "in_review") throw new AppError("not_allowed_now");
  if (input.itemId) {
    const placed = db.select().from(placements).where(and(eq(placements.issueId, issue.id), eq(placements.itemId, input.itemId))).get();
    if (!placed) throw new AppError("invalid", {}, "itemId");
  }
  // A quoted passage must be one the reviewer can see in print: in the item, or anywhere in the issue.
  if (input.quote && !input.parentId && !printedText(loadBulletin(issue.id).doc, input.itemId).includes(input.quote))
    throw new AppError("quote_not_found", {}, "quote");
  if (input.parentId) {
    const parent = db.select().from(comments).where(eq(comments.id, input.parentId)).get();
    if (!parent || parent.issueId !== issue.id || parent.parentId !== null) throw new AppError("invalid", {}, "parentId");
  }
  const round = db.select({ round: reviewRounds.round }).from(reviewRounds).where(eq(reviewRounds.issueId, issue.id)).orderBy(desc(reviewRounds.round)).get()?.round ?? null;
  return db.transaction((tx) => {
    const c = tx
      .insert(comments)
      .values({ issueId: issue.id, itemId: input.itemId, parentId: input.parentId, quote: input.quote, body: input.body, authorId: actor.id, round })
      .returning()
      .get();
    audit(tx, actor, { entity: "issue", entityId: issue.id, action: input.parentId ? "reply" : "comment", detail: { commentId: c.id, itemId: input.itemId, body: input.body } });
    return c;
  });
}

export const resolveCommentSchema = z.object({ commentId: idSchema, resolved: z.boolean() });

export function resolveComment(actor: Actor, input: z.infer<typeof resolveCommentSchema>) {
  requireRole(actor, "editor", "reviewer");
  const c = db.select().from(comments).where(eq(comments.id, input.commentId)).get();
  if (!c || !c.issueId || c.parentId !== null) throw new AppError("not_found");
  getIssue(actor, c.issueId);
  return db.transaction((tx) => {
    tx.update(comments)
      .set(input.resolved ? { resolvedAt: new Date(), resolvedById: actor.id } : { resolvedAt: null, resolvedById: null })
      .where(eq(comments.id, c.id))
      .run();
    audit(tx, actor, { entity: "issue", entityId: c.issueId, action: input.resolved ? "resolve_comment" : "reopen_comment", detail: { commentId: c.id, itemId: c.itemId } });
    return { id: c.id, issueId: c.issueId as number };
  });
}

export interface Thread {
  id: number;
  itemId: number | null;
  quote: string | null;
  quoteChanged: boolean;
  round: number | null;
  body: string;
  author: string;
  at: Date;
  resolved: boolean;
  replies: { id: number; body: string; author: string; at: Date }[];
}

/** The printed text of one item of the document (or of all of them): title, paragraphs, attribution. */
function printedText(doc: BulletinDocument, itemId: number | null): string {
  return doc.sections
    .flatMap((s) => s.items)
    .filter((i) => itemId === null || i.id === itemId)
    .map((i) => [i.title, ...i.paragraphs.map(paragraphText), i.source ?? ""].join("\n"))
    .join("\n");
}

export function listThreads(actor: Actor, issueId: number): Thread[] {
  getIssue(actor, issueId);
  const { doc } = loadBulletin(issueId);
  const rows = db
    .select({ c: comments, author: users.displayName })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.issueId, issueId))
    .orderBy(asc(comments.id))
    .all();
  return rows
    .filter((r) => r.c.parentId === null)
    .map((r) => ({
      id: r.c.id,
      itemId: r.c.itemId,
      quote: r.c.quote,
      // The passage was quoted from an earlier text: show that it has since changed.
      quoteChanged: !!r.c.quote && !printedText(doc, r.c.itemId).includes(r.c.quote),
      round: r.c.round,
      body: r.c.body,
      author: r.author,
      at: r.c.createdAt,
      resolved: r.c.resolvedAt !== null,
      replies: rows.filter((x) => x.c.parentId === r.c.id).map((x) => ({ id: x.c.id, body: x.c.body, author: x.author, at: x.c.createdAt })),
    }));
}

/** The review queue: issues in review waiting for this actor's level (审核 or 签发), with the round and open threads. */
export function reviewQueue(actor: Actor) {
  requireRole(actor, "reviewer", "signer");
  return listIssues(actor, { status: "in_review" })
    .map((r) => ({
      ...r,
      round: db.select({ round: reviewRounds.round }).from(reviewRounds).where(eq(reviewRounds.issueId, r.id)).orderBy(desc(reviewRounds.round)).get()?.round ?? 1,
      openThreads: openThreadCount(r.id),
      stage: reviewStage(r.id),
    }))
    .map((r) => ({ ...r, waitingFor: r.stage.levels === 2 && r.stage.reviewed ? ("signer" as const) : ("reviewer" as const) }))
    // A reviewer sees what waits for 审核; a signer what waits for 签发; someone holding both, both.
    .filter((r) => actor.roles.includes(r.waitingFor));
}

export function openThreadCount(issueId: number): number {
  return db
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.issueId, issueId), isNull(comments.parentId), isNull(comments.resolvedAt)))
    .all().length;
}

/** The rounds of review, and from round 2 on what changed since the round before. */
export function listReviewRounds(actor: Actor, issueId: number) {
  getIssue(actor, issueId);
  const rounds = db.select().from(reviewRounds).where(eq(reviewRounds.issueId, issueId)).orderBy(asc(reviewRounds.round)).all();
  const latest = rounds[rounds.length - 1];
  const previous = rounds[rounds.length - 2];
  return {
    rounds: rounds.map((r) => ({ round: r.round, sentAt: r.sentAt, outcome: r.outcome, fingerprint: r.fingerprint })),
    comparison: latest && previous ? compareRounds(bulletinDocumentSchema.parse(previous.snapshot), bulletinDocumentSchema.parse(latest.snapshot), { movedIds: latest.movedItemIds }) : null,
    round: latest?.round ?? 0,
  };
}

import "server-only";
import { and, asc, desc, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { auditLog, comments, issues, placements, reviewRounds, users } from "@/db/schema";
import { compareRounds } from "@/lib/bulletin/compare";
import type { BulletinDocument } from "@/lib/bulletin/document";
import { paragraphText } from "@/lib/editor/schema";
import { type Actor, hasRole, requireRole } from "./actor";
import { audit } from "./audit";
import { AppError } from "./errors";
import { getIssue, listIssues, loadBulletin, transitionIssue } from "./issues";
import { notifyRole } from "./notifications";
import { currentPublication } from "./publication";
import { idSchema } from "./validation";

/**
 * An approval holds only while the printed content matches its fingerprint. When something changed
 * it anyway (whatever changed it), the issue goes back to drafting through the `void` transition,
 * logged, and the reviewers are told. Returns true when the approval was voided now.
 */
export function enforceApproval(issueId: number): boolean {
  const { issue, doc, fingerprint } = loadBulletin(issueId);
  if (issue.status !== "approved" || !doc.draft) return false;
  const message = `${issue.year}年第${issue.number}期`;
  try {
    transitionIssue(issue, null, "void", {
      set: { approvedById: null, approvedByName: null, approvedAt: null, approvalFingerprint: null },
      detail: { voidedApproval: { by: issue.approvedByName, at: issue.approvedAt?.toISOString() ?? null, fingerprint: issue.approvalFingerprint }, fingerprintNow: fingerprint },
      write: (tx) => {
        notifyRole(tx, "reviewer", { kind: "issue_reopened", issueId: issue.id, message });
        notifyRole(tx, "editor", { kind: "issue_reopened", issueId: issue.id, message });
      },
    });
  } catch (e) {
    // Someone else changed the issue at the same moment (and so voided or reopened it): nothing to do.
    if (e instanceof AppError && e.code === "conflict") return false;
    throw e;
  }
  return true;
}

/** Checks every approved issue of the publication: a change to a shared setting can break several. */
export function enforceApprovals(): void {
  const pub = currentPublication();
  db.select({ id: issues.id })
    .from(issues)
    .where(and(eq(issues.publicationId, pub.id), eq(issues.status, "approved")))
    .all()
    .forEach((r) => enforceApproval(r.id));
}

export interface VoidedApproval {
  /** reopen: the editor reopened it; void: printed content changed after approval. */
  how: "reopen" | "void";
  at: Date;
  actorName: string;
  approvedBy: string | null;
}

/**
 * When the issue's last approval was voided and it has not been sent to review since: what the
 * desk and the reviewer must see, so a broken approval is never silent.
 */
export function voidedApproval(actor: Actor, issueId: number): VoidedApproval | null {
  getIssue(actor, issueId);
  const last = db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, "issue"), eq(auditLog.entityId, issueId), inArray(auditLog.action, ["approve", "reopen", "void", "send_to_review"])))
    .orderBy(desc(auditLog.id))
    .get();
  if (!last || (last.action !== "reopen" && last.action !== "void")) return null;
  const was = last.detail?.voidedApproval as { by?: string | null } | undefined;
  return { how: last.action, at: last.at, actorName: last.actorName, approvedBy: was?.by ?? null };
}

export const addCommentSchema = z.object({
  issueId: idSchema,
  itemId: idSchema.nullable(),
  parentId: idSchema.nullable(),
  quote: z
    .string()
    .trim()
    .max(200, "too_long")
    .nullable()
    .transform((s) => s || null),
  body: z.string().trim().min(1, "comment_body_required").max(2000, "too_long"),
});

/**
 * Reviewers comment on an issue in review (general, on an item, or on a quoted passage of it);
 * editors and reviewers answer threads.
 */
export function addComment(actor: Actor, input: z.infer<typeof addCommentSchema>) {
  requireRole(actor, "reviewer", "editor");
  const issue = getIssue(actor, input.issueId);
  if (!input.parentId && !hasRole(actor, "reviewer")) throw new AppError("forbidden");
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

/** The reviewer's queue: issues in review, with the round and how many threads are still open. */
export function reviewQueue(actor: Actor) {
  requireRole(actor, "reviewer");
  return listIssues(actor, { status: "in_review" })
    .map((r) => ({
      ...r,
      round: db.select({ round: reviewRounds.round }).from(reviewRounds).where(eq(reviewRounds.issueId, r.id)).orderBy(desc(reviewRounds.round)).get()?.round ?? 1,
      openThreads: openThreadCount(r.id),
    }));
}

export function openThreadCount(issueId: number): number {
  return db
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.issueId, issueId), isNull(comments.parentId), isNull(comments.resolvedAt)))
    .all().length;
}

/** Items the editor moved between two sends, from the log: they, not their neighbours, are reported as moved. */
function movedBetween(issueId: number, from: Date, to: Date): number[] {
  return db
    .select({ itemId: sql<number>`json_extract(${auditLog.detail}, '$.itemId')` })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entity, "issue"),
        eq(auditLog.entityId, issueId),
        eq(auditLog.action, "edit"),
        sql`json_extract(${auditLog.detail}, '$.action') in ('move', 'reorder')`,
        gt(auditLog.at, from),
        lte(auditLog.at, to),
      ),
    )
    .all()
    .map((r) => Number(r.itemId))
    .filter((n) => Number.isInteger(n));
}

/** The rounds of review, and from round 2 on what changed since the round before. */
export function listReviewRounds(actor: Actor, issueId: number) {
  getIssue(actor, issueId);
  const rounds = db.select().from(reviewRounds).where(eq(reviewRounds.issueId, issueId)).orderBy(asc(reviewRounds.round)).all();
  const latest = rounds[rounds.length - 1];
  const previous = rounds[rounds.length - 2];
  return {
    rounds: rounds.map((r) => ({ round: r.round, sentAt: r.sentAt, outcome: r.outcome, fingerprint: r.fingerprint })),
    comparison: latest && previous ? compareRounds(previous.snapshot as BulletinDocument, latest.snapshot as BulletinDocument, { movedIds: movedBetween(issueId, previous.sentAt, latest.sentAt) }) : null,
    round: latest?.round ?? 0,
  };
}

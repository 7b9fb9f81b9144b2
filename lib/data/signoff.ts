import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/open";
import { issueApprovals, issues, reviewRounds, type IssueApproval } from "@/db/schema";

type Handle = Pick<Db, "select" | "update" | "insert">;

/** Sign-off levels: 1 is 审核; 2 is 签发 by a signer after 审核. */
export const LEVEL_REVIEW = 1;
export const LEVEL_SIGN = 2;

/** The approvals of an issue that still hold (not voided), lowest level first. */
export function activeApprovals(handle: Handle, issueId: number): IssueApproval[] {
  return handle
    .select()
    .from(issueApprovals)
    .where(and(eq(issueApprovals.issueId, issueId), isNull(issueApprovals.voidedAt)))
    .orderBy(asc(issueApprovals.level))
    .all();
}

/**
 * Voids every approval of the issue that still holds — call inside the write's transaction.
 * `byName` is who (or 系统) caused it. Returns what was voided.
 */
export function voidApprovals(tx: Handle, issueId: number, reason: NonNullable<IssueApproval["voidReason"]>, byName: string): IssueApproval[] {
  return tx
    .update(issueApprovals)
    .set({ voidedAt: new Date(), voidedByName: byName, voidReason: reason })
    .where(and(eq(issueApprovals.issueId, issueId), isNull(issueApprovals.voidedAt)))
    .returning()
    .all();
}

/**
 * Records that `userId` changed what prints (and which item they moved, if any): they may not
 * approve the round this change goes into. Call inside the write's transaction.
 */
export function noteContentChange(tx: Handle, issueId: number, userId: number, movedItemId?: number): void {
  const row = tx.select({ changed: issues.changedByIds, moved: issues.movedItemIds }).from(issues).where(eq(issues.id, issueId)).get();
  if (!row) return;
  const changed = row.changed.includes(userId) ? row.changed : [...row.changed, userId];
  const moved = movedItemId === undefined || row.moved.includes(movedItemId) ? row.moved : [...row.moved, movedItemId];
  tx.update(issues).set({ changedByIds: changed, movedItemIds: moved }).where(eq(issues.id, issueId)).run();
}

/** The latest review round of an issue, if it was ever sent. */
export function latestRound(handle: Handle, issueId: number) {
  return handle.select().from(reviewRounds).where(eq(reviewRounds.issueId, issueId)).orderBy(desc(reviewRounds.round)).get();
}

/**
 * Who may not approve a round: whoever sent it to review and whoever changed printed content
 * since the round before, whatever roles they hold.
 */
export function excludedApprovers(round: { sentById: number | null; changedByIds: number[] }): number[] {
  return [...(round.sentById ? [round.sentById] : []), ...round.changedByIds];
}

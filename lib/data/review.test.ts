import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, issues, items } from "@/db/schema";
import { loadActor } from "@/lib/auth/users";
import { paragraphsToDoc } from "@/lib/editor/schema";
import type { Actor } from "./actor";
import { AppError } from "./errors";
import { listInbox } from "./inbox";
import { approveIssue, createIssue, loadBulletin, placeItem, proposeNextIssue, returnIssue, sendToReview } from "./issues";
import { decideItem } from "./items";
import { addComment, enforceApproval, listReviewRounds, listThreads, resolveComment } from "./review";

const actor = (username: string): Actor => {
  const row = db.$client.prepare("select id from users where username = ?").get(username) as { id: number };
  return loadActor(row.id) as Actor;
};
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return "no error";
};

let editor: Actor, reviewer: Actor, unit: Actor;
let issueId: number;

beforeAll(() => {
  [editor, reviewer, unit] = ["editor", "reviewer", "changping"].map(actor);
  const ids = listInbox(editor, { status: "submitted" }).rows.slice(0, 2).map((r) => r.id);
  let issue = createIssue(editor, proposeNextIssue(editor, "2026-11-20"));
  for (const id of ids) {
    const item = db.select().from(items).where(eq(items.id, id)).get()!;
    decideItem(editor, { id, version: item.version, decision: "accept", note: "" });
    issue = placeItem(editor, { issueId: issue.id, version: issue.version, itemId: id, sectionTitle: "基层动态", inToc: true });
  }
  issueId = issue.id;
  sendToReview(editor, { issueId, version: issue.version });
});

const version = () => db.select().from(issues).where(eq(issues.id, issueId)).get()!.version;

describe("review comments", () => {
  it("the reviewer opens threads on the issue and on an item; the editor answers and resolves", () => {
    const itemId = loadBulletin(issueId).doc.sections[0].items[0].id!;
    const general = addComment(reviewer, { issueId, itemId: null, parentId: null, quote: null, body: "整期请再核对日期。" });
    const onItem = addComment(reviewer, { issueId, itemId, parentId: null, quote: "6月26日下午", body: "日期与标题不符。" });
    addComment(editor, { issueId, itemId, parentId: onItem.id, quote: null, body: "已核对，改为6月26日。" });
    resolveComment(editor, { commentId: onItem.id, resolved: true });
    const threads = listThreads(reviewer, issueId);
    expect(threads.map((t) => [t.id, t.itemId, t.quote, t.resolved, t.replies.length])).toEqual([
      [general.id, null, null, false, 0],
      [onItem.id, itemId, "6月26日下午", true, 1],
    ]);
  });

  it("refuses: editors opening threads, contributors, items not in the issue, replies to replies", () => {
    expect(code(() => addComment(editor, { issueId, itemId: null, parentId: null, quote: null, body: "x" }))).toBe("forbidden");
    expect(code(() => addComment(unit, { issueId, itemId: null, parentId: null, quote: null, body: "x" }))).toBe("forbidden");
    expect(code(() => addComment(reviewer, { issueId, itemId: 999999, parentId: null, quote: null, body: "x" }))).toBe("invalid");
    const reply = listThreads(reviewer, issueId)[1].replies[0];
    expect(code(() => addComment(editor, { issueId, itemId: null, parentId: reply.id, quote: null, body: "x" }))).toBe("invalid");
  });
});

describe("rounds and the approval", () => {
  it("round 2 shows what changed since round 1", () => {
    returnIssue(reviewer, { issueId, version: version(), comment: "请修改。" });
    const itemId = loadBulletin(issueId).doc.sections[0].items[0].id!;
    db.update(items).set({ title: "改过的标题" }).where(eq(items.id, itemId)).run();
    sendToReview(editor, { issueId, version: version() });
    const { comparison, round } = listReviewRounds(reviewer, issueId);
    expect(round).toBe(2);
    expect(comparison?.items.map((i) => [i.kind, i.title])).toEqual([["changed", "改过的标题"]]);
  });

  it("holds while the content matches, and visibly breaks when anything changes it", () => {
    approveIssue(reviewer, { issueId, version: version() });
    expect(enforceApproval(issueId)).toBe(false);
    expect(loadBulletin(issueId).doc.draft).toBe(false);
    // Change printed content behind the app's back: the approval must not survive it.
    const itemId = loadBulletin(issueId).doc.sections[0].items[0].id!;
    db.update(items).set({ body: paragraphsToDoc(["被改动的正文。"]) }).where(eq(items.id, itemId)).run();
    expect(loadBulletin(issueId).doc.draft).toBe(true);
    expect(enforceApproval(issueId)).toBe(true);
    expect(db.select().from(issues).where(eq(issues.id, issueId)).get()?.status).toBe("drafting");
    const last = db.select().from(auditLog).where(eq(auditLog.entityId, issueId)).all().filter((a) => a.entity === "issue").pop();
    expect([last?.action, last?.fromState, last?.toState, last?.actorName]).toEqual(["void", "approved", "drafting", "系统"]);
  });
});

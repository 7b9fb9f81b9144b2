import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, issueSections, issues, items, notifications } from "@/db/schema";
import { paragraphsToDoc } from "@/lib/editor/schema";
import { demoActor, errorCode } from "@/lib/testing/fixtures";
import type { Actor } from "./actor";
import { publicationSettings, updatePublication } from "./admin";
import { arrangeIssue } from "./arrange";
import { listInbox } from "./inbox";
import { listAudit } from "./audit-log";
import { approveIssue, createIssue, loadBulletin, proposeNextIssue, reopenIssue, returnIssue, sendToReview } from "./issues";
import { decideItem, getItem, updateItem } from "./items";
import { addComment, listReviewRounds, listThreads, resolveComment, voidedApproval } from "./review";

const actor = demoActor;
const code = errorCode;

let editor: Actor, reviewer: Actor, unit: Actor;
let issueId: number;

beforeAll(() => {
  [editor, reviewer, unit] = ["editor", "reviewer", "changping"].map(actor);
  const ids = listInbox(editor, { status: "submitted" }).rows.slice(0, 2).map((r) => r.id);
  let issue = createIssue(editor, proposeNextIssue(editor, "2026-11-20"));
  for (const id of ids) {
    const item = db.select().from(items).where(eq(items.id, id)).get()!;
    decideItem(editor, { id, version: item.version, decision: "accept", note: "" });
    issue = arrangeIssue(editor, { issueId: issue.id, version: issue.version, change: { op: "place", itemId: id, sectionTitle: "基层动态", inToc: true } });
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

  it("holds while the content matches; content changed behind the app's back exports as 草稿, and reading writes nothing", () => {
    approveIssue(reviewer, { issueId, version: version(), fingerprint: loadBulletin(issueId).fingerprint });
    expect(loadBulletin(issueId).doc.draft).toBe(false);
    // Change printed content behind the app's back: the approval must not cover it.
    const itemId = loadBulletin(issueId).doc.sections[0].items[0].id!;
    db.update(items).set({ body: paragraphsToDoc(["被改动的正文。"]) }).where(eq(items.id, itemId)).run();
    const logBefore = db.select().from(auditLog).all().length;
    const issueBefore = db.select().from(issues).where(eq(issues.id, issueId)).get();
    expect(loadBulletin(issueId).doc.draft).toBe(true);
    listReviewRounds(reviewer, issueId);
    listThreads(reviewer, issueId);
    voidedApproval(reviewer, issueId);
    // Reads never write: same row, same log.
    expect(db.select().from(issues).where(eq(issues.id, issueId)).get()).toEqual(issueBefore);
    expect(db.select().from(auditLog).all().length).toBe(logBefore);
  });
});

describe("what does not print does not touch the fingerprint", () => {
  it("comments, replies, resolving and notifications leave it as it was", () => {
    const issue = createIssue(editor, proposeNextIssue(editor, "2026-11-27"));
    const id = listInbox(editor, { status: "submitted" }).rows[0].id;
    const item = db.select().from(items).where(eq(items.id, id)).get()!;
    decideItem(editor, { id, version: item.version, decision: "accept", note: "" });
    const placed = arrangeIssue(editor, { issueId: issue.id, version: issue.version, change: { op: "place", itemId: id, sectionTitle: "科普工作", inToc: true } });
    sendToReview(editor, { issueId: issue.id, version: placed.version });
    const before = loadBulletin(issue.id).fingerprint;
    const c = addComment(reviewer, { issueId: issue.id, itemId: id, parentId: null, quote: null, body: "请核对。" });
    addComment(editor, { issueId: issue.id, itemId: id, parentId: c.id, quote: null, body: "已核对。" });
    resolveComment(editor, { commentId: c.id, resolved: true });
    db.insert(notifications).values({ userId: editor.id, kind: "test", issueId: issue.id, message: "x" }).run();
    expect(loadBulletin(issue.id).fingerprint).toBe(before);
  });
});

describe("the approval holds or visibly breaks", () => {
  let id: number;
  let itemIds: number[];
  const current = () => db.select().from(issues).where(eq(issues.id, id)).get()!;
  const approve = () => approveIssue(reviewer, { issueId: id, version: current().version, fingerprint: loadBulletin(id).fingerprint });
  const fields = (itemId: number, title: string) => {
    const i = getItem(editor, itemId);
    return { id: i.id, version: i.version, title, body: i.body, source: i.source, suggestedSectionId: i.suggestedSectionId, eventDate: i.eventDate, contactName: i.contactName, contactPhone: i.contactPhone, noteToEditor: i.noteToEditor };
  };

  /** Moves an item one place up in its section, as the board's button does. */
  const moveUp = (itemId: number) => {
    const issue = current();
    const section = loadBulletin(id).doc.sections.find((s) => s.items.some((i) => i.id === itemId));
    const sectionId = db.select().from(issueSections).where(eq(issueSections.issueId, id)).all().find((s) => s.title === section?.title)?.id ?? 0;
    const index = section?.items.findIndex((i) => i.id === itemId) ?? 0;
    return arrangeIssue(editor, { issueId: id, version: issue.version, change: { op: "move", itemId, sectionId, index: index - 1 } });
  };

  beforeAll(() => {
    let issue = createIssue(editor, proposeNextIssue(editor, "2026-11-28"));
    itemIds = listInbox(editor, { status: "submitted" }).rows.slice(0, 2).map((r) => r.id);
    for (const itemId of itemIds) {
      const item = db.select().from(items).where(eq(items.id, itemId)).get()!;
      decideItem(editor, { id: itemId, version: item.version, decision: "accept", note: "" });
      issue = arrangeIssue(editor, { issueId: issue.id, version: issue.version, change: { op: "place", itemId, sectionTitle: "科创工作", inToc: false } });
    }
    id = issue.id;
    sendToReview(editor, { issueId: id, version: issue.version });
  });

  it("an edit while in review is refused, and so is a quote that is not in the item", () => {
    expect(code(() => updateItem(editor, fields(itemIds[0], "送审中改标题")))).toBe("not_allowed_now");
    expect(code(() => moveUp(itemIds[1]))).toBe("not_allowed_now");
    expect(code(() => addComment(reviewer, { issueId: id, itemId: itemIds[0], parentId: null, quote: "稿件里没有这句话", body: "x" }))).toBe("quote_not_found");
  });

  it("approval is of what the reviewer saw: a stale fingerprint approves nothing", () => {
    expect(code(() => approveIssue(reviewer, { issueId: id, version: current().version, fingerprint: "f".repeat(64) }))).toBe("content_changed");
    expect(current().status).toBe("in_review");
  });

  it("records name, time and fingerprint; the approved issue refuses edits", () => {
    const a = approve();
    expect([a.status, a.approvedByName, a.approvalFingerprint]).toEqual(["approved", reviewer.displayName, loadBulletin(id).fingerprint]);
    expect(a.approvedAt).toBeInstanceOf(Date);
    expect(code(() => updateItem(editor, fields(itemIds[0], "批准后改标题")))).toBe("not_allowed_now");
    expect(getItem(editor, itemIds[0]).title).not.toBe("批准后改标题");
  });

  it("reopening voids the approval, is logged with what was approved, and tells the reviewer", () => {
    const unread = db.select().from(notifications).where(eq(notifications.userId, reviewer.id)).all().length;
    const r = reopenIssue(editor, { issueId: id, version: current().version });
    expect([r.status, r.approvedByName, r.approvalFingerprint]).toEqual(["drafting", null, null]);
    expect(voidedApproval(editor, id)).toMatchObject({ how: "reopen", actorName: editor.displayName, approvedBy: reviewer.displayName });
    expect(db.select().from(notifications).where(eq(notifications.userId, reviewer.id)).all().length).toBe(unread + 1);
    expect(loadBulletin(id).doc.draft).toBe(true);
  });

  it("an item edit while drafting is logged on the item and on the issue; the item log shows moves", () => {
    updateItem(editor, fields(itemIds[0], "重新打开后改标题"));
    moveUp(itemIds[1]);
    const issueRows = listAudit(editor, { entity: "issue", entityId: id }).map((r) => [r.action, r.detail?.action]);
    expect(issueRows.slice(0, 2)).toEqual([
      ["edit", "move"],
      ["edit", "item_text"],
    ]);
    const itemRows = listAudit(reviewer, { entity: "item", entityId: itemIds[1] }).map((r) => [r.entity, r.action]);
    expect(itemRows[0]).toEqual(["issue", "edit"]);
  });

  it("a publication setting changed after approval voids it in that write: exports are 草稿 and the issue says so", () => {
    sendToReview(editor, { issueId: id, version: current().version });
    approve();
    const admin = actor("admin");
    const settings = publicationSettings(admin).publication;
    updatePublication(admin, { ...settings, office: "北京市科学技术协会办公室" });
    try {
      expect(current().status).toBe("drafting");
      expect(loadBulletin(id).doc.draft).toBe(true);
      expect(voidedApproval(reviewer, id)).toMatchObject({ how: "void", actorName: admin.displayName, approvedBy: reviewer.displayName });
    } finally {
      updatePublication(admin, settings);
    }
  });

  it("only the reviewer approves, and only an issue in review", () => {
    const fp = loadBulletin(id).fingerprint;
    expect(code(() => approveIssue(editor, { issueId: id, version: current().version, fingerprint: fp }))).toBe("forbidden");
    expect(code(() => approveIssue(unit, { issueId: id, version: current().version, fingerprint: fp }))).toBe("forbidden");
    expect(code(() => approveIssue(reviewer, { issueId: id, version: current().version, fingerprint: fp }))).toBe("not_allowed_now");
    expect(current().status).toBe("drafting");
  });
});

describe("a quoted passage", () => {
  it("is marked as changed once the item's text no longer holds it", () => {
    const issue = createIssue(editor, proposeNextIssue(editor, "2026-11-29"));
    const id = listInbox(editor, { status: "submitted" }).rows[0].id;
    let item = db.select().from(items).where(eq(items.id, id)).get()!;
    decideItem(editor, { id, version: item.version, decision: "accept", note: "" });
    const placed = arrangeIssue(editor, { issueId: issue.id, version: issue.version, change: { op: "place", itemId: id, sectionTitle: "科普工作", inToc: false } });
    const sent = sendToReview(editor, { issueId: issue.id, version: placed.version });
    const quote = loadBulletin(issue.id).doc.sections[0].items[0].paragraphs[0].map((r) => r.text).join("").slice(0, 6);
    addComment(reviewer, { issueId: issue.id, itemId: id, parentId: null, quote, body: "请改写这一句。" });
    expect(listThreads(editor, issue.id)[0].quoteChanged).toBe(false);
    returnIssue(reviewer, { issueId: issue.id, version: sent.version, comment: "请修改。" });
    item = db.select().from(items).where(eq(items.id, id)).get()!;
    updateItem(editor, { id, version: item.version, title: item.title, body: paragraphsToDoc(["全部改写后的正文。"]), source: item.source, suggestedSectionId: item.suggestedSectionId, eventDate: item.eventDate, contactName: item.contactName, contactPhone: item.contactPhone, noteToEditor: item.noteToEditor });
    expect(listThreads(editor, issue.id).map((t) => [t.quote, t.quoteChanged])).toEqual([
      [quote, true],
      [null, false],
    ]);
  });
});

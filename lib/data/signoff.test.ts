import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, desc, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, issueApprovals, issueEditions, issues, items, notifications, units } from "@/db/schema";
import { bulletinDocumentSchema } from "@/lib/bulletin/document-schema";
import { parseBulletinText } from "@/lib/bulletin/parse-text";
import { closeBrowser, renderBulletinPdf } from "@/lib/bulletin/pdf";
import { bulletinToText, DRAFT_LINE } from "@/lib/bulletin/text";
import { demoActor, errorCode, itemFields } from "@/lib/testing/fixtures";
import type { Actor } from "./actor";
import { createUser, publicationSettings, updatePublication, updateUnit, updateUser } from "./admin";
import { arrangeIssue } from "./arrange";
import { importBulletin } from "./archive";
import {
  approvalBlocked,
  approveIssue,
  correctIssue,
  correctItem,
  createIssue,
  distributeIssue,
  exportIssue,
  listEditions,
  listIssues,
  loadBulletin,
  reopenIssue,
  returnIssue,
  sendToReview,
  signIssue,
} from "./issues";
import { createItem, decideItem, getItem, submitItem, updateItem } from "./items";
import { listReviewRounds, returnedReason, reviewQueue, voidedApproval } from "./review";

const code = errorCode;
let admin: Actor, editor: Actor, reviewer: Actor, signer: Actor, office: Actor, changping: Actor;
/** One person holding 编辑 + 审核 + 签发人: the data layer, not the role list, must stop them approving their own work. */
let multi: Actor;
let nextNumber = 40;

const issueRow = (id: number) => db.select().from(issues).where(eq(issues.id, id)).get()!;
const fp = (id: number) => loadBulletin(id).fingerprint;
const setLevels = (levels: 1 | 2) => updatePublication(admin, { ...publicationSettings(admin).publication, signoffLevels: levels });

/** A new issue with one freshly submitted, accepted item placed by `by` (an editor). */
function issueWithItem(by: Actor, title: string) {
  const draft = createItem(changping, itemFields(title));
  const sent = submitItem(changping, { id: draft.id, version: draft.version });
  const accepted = decideItem(by, { id: sent.id, version: sent.version, decision: "accept", note: "" });
  nextNumber++;
  const issue = createIssue(by, { year: 2026, number: nextNumber, totalNumber: 900 + nextNumber, date: "2026-11-30" });
  const placed = arrangeIssue(by, { issueId: issue.id, version: issue.version, change: { op: "place", itemId: accepted.id, sectionTitle: "基层动态", inToc: true } });
  return { issueId: issue.id, itemId: accepted.id, version: placed.version };
}

beforeAll(() => {
  admin = demoActor("admin");
  [editor, reviewer, signer, office, changping] = ["editor", "reviewer", "signer", "office", "changping"].map(demoActor);
  createUser(admin, { username: "duozhi", displayName: "多职编辑", password: "duozhi-2026", roles: ["editor", "reviewer", "signer"], unitId: null });
  multi = demoActor("duozhi");
});

afterAll(async () => {
  setLevels(1);
  await closeBrowser();
});

describe("self-approval is refused in the data layer, for any mix of roles", () => {
  it("one level: whoever sent the issue cannot approve it; another reviewer can", () => {
    setLevels(1);
    const { issueId, version } = issueWithItem(multi, "多职编辑送审的稿件");
    const sent = sendToReview(multi, { issueId, version });
    // The review page is told first (approvalBlocked), and the action refuses it all the same.
    expect([approvalBlocked(multi, issueId), approvalBlocked(reviewer, issueId)]).toEqual([true, false]);
    expect(code(() => approveIssue(multi, { issueId, version: sent.version, fingerprint: fp(issueId) }))).toBe("self_approval");
    expect(issueRow(issueId).status).toBe("in_review");
    expect(db.select().from(issueApprovals).where(eq(issueApprovals.issueId, issueId)).all()).toEqual([]);
    const ok = approveIssue(reviewer, { issueId, version: sent.version, fingerprint: fp(issueId) });
    expect(ok.status).toBe("approved");
  });

  it("one level: whoever changed what prints since the last round cannot approve it, though someone else sent it", () => {
    setLevels(1);
    const { issueId, itemId, version } = issueWithItem(editor, "由编辑送审、多职编辑改过的稿件");
    const item = getItem(multi, itemId);
    updateItem(multi, { id: itemId, version: item.version, title: "多职编辑改过的标题", body: item.body, source: item.source, suggestedSectionId: item.suggestedSectionId, eventDate: item.eventDate, contactName: item.contactName, contactPhone: item.contactPhone, noteToEditor: item.noteToEditor });
    const sent = sendToReview(editor, { issueId, version });
    expect(code(() => approveIssue(multi, { issueId, version: sent.version, fingerprint: fp(issueId) }))).toBe("self_approval");
    // The next round, with no change from them, they may review.
    returnIssue(reviewer, { issueId, version: sent.version, comment: "请再核对一遍日期。" });
    const again = sendToReview(editor, { issueId, version: issueRow(issueId).version });
    expect(approveIssue(multi, { issueId, version: again.version, fingerprint: fp(issueId) }).status).toBe("approved");
  });

  it("two levels: one person holding 审核 and 签发人 who gave the 审核 cannot also sign it", () => {
    setLevels(2);
    createUser(admin, { username: "shenqian", displayName: "审签一人", password: "shenqian-2026", roles: ["reviewer", "signer"], unitId: null });
    const both = demoActor("shenqian");
    const { issueId, version } = issueWithItem(editor, "审核人兼签发人的稿件");
    const sent = sendToReview(editor, { issueId, version });
    expect(approvalBlocked(both, issueId)).toBe(false);
    const reviewed = approveIssue(both, { issueId, version: sent.version, fingerprint: fp(issueId) });
    expect(approvalBlocked(both, issueId)).toBe(true);
    expect(approvalBlocked(signer, issueId)).toBe(false);
    expect(code(() => signIssue(both, { issueId, version: reviewed.version, fingerprint: fp(issueId) }))).toBe("self_approval");
    expect(signIssue(signer, { issueId, version: reviewed.version, fingerprint: fp(issueId) }).status).toBe("approved");
  });

  it("two levels: the sender can neither review nor sign; the reviewer cannot also sign; the 版记 names both approvers", async () => {
    setLevels(2);
    const { issueId, version } = issueWithItem(multi, "两级签发的稿件");
    // A typed default in the footer must not be what prints once approved.
    arrangeIssue(multi, {
      issueId,
      version,
      change: { op: "footer", mailbox: "skxxxbs@bast.net.cn", editorName: "张红波", reviewerName: "（默认审核人）", distribution: ["市科协驻会领导"], printedBy: null, printedDate: null, printRun: null },
    });
    const sent = sendToReview(multi, { issueId, version: issueRow(issueId).version });
    expect(code(() => approveIssue(multi, { issueId, version: sent.version, fingerprint: fp(issueId) }))).toBe("self_approval");
    expect(code(() => signIssue(signer, { issueId, version: sent.version, fingerprint: fp(issueId) }))).toBe("not_allowed_now");

    const reviewed = approveIssue(reviewer, { issueId, version: sent.version, fingerprint: fp(issueId) });
    expect(reviewed.status).toBe("in_review");
    expect(loadBulletin(issueId).doc.draft).toBe(true);
    expect(reviewQueue(signer).map((r) => r.id)).toContain(issueId);
    expect(reviewQueue(reviewer).map((r) => r.id)).not.toContain(issueId);
    expect(code(() => signIssue(multi, { issueId, version: reviewed.version, fingerprint: fp(issueId) }))).toBe("self_approval");
    expect(code(() => signIssue(reviewer, { issueId, version: reviewed.version, fingerprint: fp(issueId) }))).toBe("forbidden");

    const signed = signIssue(signer, { issueId, version: reviewed.version, fingerprint: fp(issueId) });
    expect(signed.status).toBe("approved");
    const levels = db.select().from(issueApprovals).where(eq(issueApprovals.issueId, issueId)).all();
    expect(levels.map((a) => [a.level, a.userName, a.fingerprint === fp(issueId), a.at instanceof Date])).toEqual([
      [1, reviewer.displayName, true, true],
      [2, signer.displayName, true, true],
    ]);
    const text = bulletinToText(exportIssue(office, issueId, "txt").doc);
    expect(text).toContain(`审核：${reviewer.displayName}\n\n签发：${signer.displayName}`);
    expect(text).not.toContain("默认审核人");
    expect(text).not.toContain(DRAFT_LINE);
    writeFileSync(path.join(ARTIFACTS, "two-level-signoff.txt"), text);
    const pdf = (await pdfText(exportIssue(office, issueId, "pdf").doc, "two-level-signoff")).replace(/\s+/g, "");
    expect(pdf).toContain(`审核：${reviewer.displayName}签发：${signer.displayName}`);
  });

  it("a reviewer who also holds 签发人 cannot sign what they reviewed", () => {
    setLevels(2);
    const { issueId, version } = issueWithItem(editor, "审核兼签发的稿件");
    const sent = sendToReview(editor, { issueId, version });
    const reviewed = approveIssue(multi, { issueId, version: sent.version, fingerprint: fp(issueId) });
    expect(code(() => signIssue(multi, { issueId, version: reviewed.version, fingerprint: fp(issueId) }))).toBe("self_approval");
    expect(issueRow(issueId).status).toBe("in_review");
  });
});

describe("changing the number of levels", () => {
  it("a 审核 waiting for 签发 is voided when the publication goes to one level, and the issue can be approved again", () => {
    setLevels(2);
    const { issueId, version } = issueWithItem(editor, "改签发级数时待签发的稿件");
    const sent = sendToReview(editor, { issueId, version });
    const reviewed = approveIssue(reviewer, { issueId, version: sent.version, fingerprint: fp(issueId) });
    setLevels(1);
    expect(issueRow(issueId).status).toBe("in_review");
    expect(db.select().from(issueApprovals).where(eq(issueApprovals.issueId, issueId)).get()?.voidReason).toBe("levels_changed");
    expect(approveIssue(reviewer, { issueId, version: reviewed.version, fingerprint: fp(issueId) }).status).toBe("approved");
  });
});

describe("approvals are voided by the write that changes what prints, never by a read", () => {
  it("reads, the queue and every export leave an approval (and the log) as they were", () => {
    setLevels(1);
    const { issueId, version } = issueWithItem(editor, "只读不改的稿件");
    const sent = sendToReview(editor, { issueId, version });
    approveIssue(reviewer, { issueId, version: sent.version, fingerprint: fp(issueId) });
    const before = issueRow(issueId);
    const approvals = db.select().from(issueApprovals).where(eq(issueApprovals.issueId, issueId)).all();
    const log = db.select().from(auditLog).where(and(eq(auditLog.entity, "issue"), eq(auditLog.entityId, issueId))).all().length;
    for (const format of ["txt", "json", "pdf", "docx", "html"]) exportIssue(office, issueId, format);
    loadBulletin(issueId);
    listIssues(office);
    voidedApproval(editor, issueId);
    listReviewRounds(reviewer, issueId);
    expect(issueRow(issueId)).toEqual(before);
    expect(db.select().from(issueApprovals).where(eq(issueApprovals.issueId, issueId)).all()).toEqual(approvals);
    // Only the five export rows were added.
    const after = db.select().from(auditLog).where(and(eq(auditLog.entity, "issue"), eq(auditLog.entityId, issueId))).all();
    expect(after.length).toBe(log + 5);
    expect(after.slice(log).every((r) => r.action === "export")).toBe(true);
  });

  it("a publication rename voids every level (a 审核 waiting for 签发 too) in that write's transaction, logged there", () => {
    setLevels(2);
    const { issueId, version } = issueWithItem(editor, "改刊名前审核过的稿件");
    const sent = sendToReview(editor, { issueId, version });
    approveIssue(reviewer, { issueId, version: sent.version, fingerprint: fp(issueId) });
    const settings = publicationSettings(admin).publication;
    const unread = db.select().from(notifications).where(eq(notifications.userId, reviewer.id)).all().length;
    updatePublication(admin, { ...settings, title: "科协工作动态" });
    try {
      expect(issueRow(issueId).status).toBe("drafting");
      expect(db.select().from(issueApprovals).where(and(eq(issueApprovals.issueId, issueId), isNull(issueApprovals.voidedAt))).all()).toEqual([]);
      const voided = db.select().from(issueApprovals).where(eq(issueApprovals.issueId, issueId)).get()!;
      expect([voided.voidReason, voided.voidedByName]).toEqual(["content_changed", admin.displayName]);
      const row = db.select().from(auditLog).where(and(eq(auditLog.entity, "issue"), eq(auditLog.entityId, issueId))).orderBy(desc(auditLog.id)).get()!;
      expect([row.action, row.fromState, row.toState, row.actorName]).toEqual(["void", "in_review", "drafting", admin.displayName]);
      expect(db.select().from(notifications).where(and(eq(notifications.userId, reviewer.id), eq(notifications.issueId, issueId))).all().length).toBeGreaterThan(0);
      expect(db.select().from(notifications).where(eq(notifications.userId, reviewer.id)).all().length).toBeGreaterThan(unread);
    } finally {
      updatePublication(admin, settings);
    }
  });

  it("reopening voids every level and says so; the issue's return reason shows on the desk", () => {
    setLevels(1);
    const { issueId, version } = issueWithItem(editor, "退回后重新打开的稿件");
    let sent = sendToReview(editor, { issueId, version });
    returnIssue(reviewer, { issueId, version: sent.version, comment: "第二篇稿件的日期有误，请核对。" });
    expect(returnedReason(editor, issueId)).toMatchObject({ reason: "第二篇稿件的日期有误，请核对。", round: 1, by: reviewer.displayName });
    sent = sendToReview(editor, { issueId, version: issueRow(issueId).version });
    expect(returnedReason(editor, issueId)).toBeNull();
    const approved = approveIssue(reviewer, { issueId, version: sent.version, fingerprint: fp(issueId) });
    reopenIssue(editor, { issueId, version: approved.version });
    expect(voidedApproval(editor, issueId)).toMatchObject({ how: "reopen", approvedBy: reviewer.displayName });
    expect(db.select().from(issueApprovals).where(and(eq(issueApprovals.issueId, issueId), isNull(issueApprovals.voidedAt))).all()).toEqual([]);
  });
});

const ARTIFACTS = process.env.SIGNOFF_ARTIFACTS ?? mkdtempSync(path.join(tmpdir(), "signoff-"));

async function pdfText(doc: Parameters<typeof renderBulletinPdf>[0], name: string): Promise<string> {
  const file = path.join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(file, await renderBulletinPdf(doc));
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

describe("the frozen archive", () => {
  it("a distributed issue exports the same text, JSON and PDF text after renaming the publication, a unit and the editor", async () => {
    setLevels(1);
    const { issueId, itemId, version } = issueWithItem(editor, "印发后不再改变的稿件");
    const sent = sendToReview(editor, { issueId, version });
    const approved = approveIssue(reviewer, { issueId, version: sent.version, fingerprint: fp(issueId) });
    distributeIssue(office, { issueId, version: approved.version, date: "2026-11-30", distribution: ["市科协驻会领导"] });
    const edition = db.select().from(issueEditions).where(eq(issueEditions.issueId, issueId)).all();
    expect(edition.map((e) => [e.revision, e.kind, e.fingerprint])).toEqual([[1, "distribution", fp(issueId)]]);

    const exportAll = async (tag: string) => {
      const { doc } = exportIssue(office, issueId, "txt");
      return { text: bulletinToText(doc), json: JSON.stringify(bulletinDocumentSchema.parse(doc), null, 2), pdf: await pdfText(doc, `distributed-${tag}`) };
    };
    const before = await exportAll("before");
    expect(before.text).not.toContain(DRAFT_LINE);
    writeFileSync(path.join(ARTIFACTS, "distributed-before-rename.txt"), before.text);

    const settings = publicationSettings(admin).publication;
    const unitId = db.select().from(items).where(eq(items.id, itemId)).get()!.unitId;
    const unit = db.select().from(units).where(eq(units.id, unitId)).get()!;
    updatePublication(admin, { ...settings, title: "科协工作动态", office: "北京市科学技术协会办公室" });
    updateUnit(admin, { id: unit.id, name: "昌平区科学技术协会", kind: unit.kind });
    updateUser(admin, { id: editor.id, displayName: "张红波（已调离）", roles: editor.roles, unitId: null });
    // A draft shows the new title: the rename did happen.
    expect(loadBulletin(issueWithItem(demoActor("editor"), "改名后的新稿件").issueId).doc.masthead.title).toBe("科协工作动态");
    try {
      const after = await exportAll("after");
      writeFileSync(path.join(ARTIFACTS, "distributed-after-rename.txt"), after.text);
      expect(after.text).toBe(before.text);
      expect(after.json).toBe(before.json);
      expect(after.pdf).toBe(before.pdf);
      expect(after.text).toContain("科协每周动态");
    } finally {
      updatePublication(admin, settings);
      updateUnit(admin, { id: unit.id, name: unit.name, kind: unit.kind });
      updateUser(admin, { id: editor.id, displayName: "张红波", roles: editor.roles, unitId: null });
    }
  });

  it("an imported past issue is final: it exports without 草稿, and so do the first-start samples", () => {
    const doc = parseBulletinText(readFileSync(path.resolve(__dirname, "../../db/samples/2023-25.txt"), "utf8"));
    const report = importBulletin(office, { ...doc, masthead: { ...doc.masthead, number: 30, totalNumber: 83, date: "2023-09-15" }, draft: true }, "2023-30.txt");
    const text = bulletinToText(exportIssue(office, report.issueId, "txt").doc);
    expect(text).not.toContain("草稿");
    writeFileSync(path.join(ARTIFACTS, "imported-2023-30.txt"), text);
    for (const i of listIssues(office).filter((r) => r.imported)) expect(bulletinToText(loadBulletin(i.id).doc)).not.toContain("草稿");
  });

  it("a correction (勘误) is a new, logged revision; the first stays as it was and exports use the latest", () => {
    setLevels(1);
    const { issueId, version } = issueWithItem(editor, "需要勘误的稿件");
    const sent = sendToReview(editor, { issueId, version });
    const approved = approveIssue(reviewer, { issueId, version: sent.version, fingerprint: fp(issueId) });
    const distributed = distributeIssue(office, { issueId, version: approved.version, date: "2026-11-30", distribution: ["市科协驻会领导"] });
    const first = loadBulletin(issueId).doc;
    const corrected = structuredClone(first);
    corrected.sections[0].items[0].title = "勘误后的标题";
    corrected.toc = ["勘误后的标题"];
    const note = "第1篇标题有误";
    expect(code(() => correctIssue(editor, { issueId, version: distributed.version, document: corrected, note }))).toBe("forbidden");
    correctIssue(office, { issueId, version: distributed.version, document: corrected, note });
    const editions = listEditions(office, issueId);
    expect(editions.map((e) => [e.revision, e.kind, e.note])).toEqual([
      [1, "distribution", ""],
      [2, "correction", note],
    ]);
    expect(editions[0].document).toEqual(first);
    expect(bulletinToText(exportIssue(office, issueId, "txt").doc)).toContain("勘误后的标题");
    const row = db.select().from(auditLog).where(and(eq(auditLog.entity, "issue"), eq(auditLog.entityId, issueId), eq(auditLog.action, "correct"))).get();
    expect(row?.detail).toMatchObject({ note });
    // The first revision stays exportable; the office's form corrects one item as a further revision.
    expect(bulletinToText(exportIssue(office, issueId, "txt", 1).doc)).toBe(bulletinToText(first));
    correctItem(office, { issueId, version: issueRow(issueId).version, itemIndex: 0, title: "再次勘误的标题", paragraphs: ["更正后的第一段。"], note: "再次更正" });
    expect(listEditions(office, issueId).map((e) => e.revision)).toEqual([1, 2, 3]);
    expect(bulletinToText(exportIssue(office, issueId, "txt").doc)).toContain("更正后的第一段。");
    // The 目录提要 line that printed the old title prints the corrected one.
    expect(exportIssue(office, issueId, "txt").doc.toc).toEqual(["再次勘误的标题"]);
    expect(code(() => exportIssue(office, issueId, "txt", 9))).toBe("not_found");
  });
});

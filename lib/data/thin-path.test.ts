import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, itemRevisions, items, units } from "@/db/schema";
import { bulletinToText } from "@/lib/bulletin/text";
import { demoActor, errorCode, itemFields } from "@/lib/testing/fixtures";
import type { Actor } from "./actor";
import { arrangeIssue } from "./arrange";
import { approveIssue, createIssue, distributeIssue, exportIssue, loadBulletin, proposeNextIssue, sendToReview } from "./issues";
import { listInbox } from "./inbox";
import { createItem, decideItem, getItem, listMyItems, submitItem, updateItem, withdrawItem, type ItemFields } from "./items";

const actor = demoActor;

const fields = (title: string): ItemFields =>
  itemFields(title, ["6月20日，某区科协举办科普讲座。", [{ text: "讲座" }, { text: "反响热烈", bold: true }, { text: "。" }]]);

const code = errorCode;

let changping: Actor, dongcheng: Actor, editor: Actor, reviewer: Actor, office: Actor;

beforeAll(() => {
  [changping, dongcheng, editor, reviewer, office] = ["changping", "dongcheng", "editor", "reviewer", "office"].map(actor);
});

describe("demo data", () => {
  it("seeds a publication, units, one user per role and a dozen submitted items", () => {
    const { rows, counts } = listInbox(editor);
    expect(counts.submitted).toBeGreaterThanOrEqual(12);
    expect(new Set(rows.map((r) => r.unitName)).size).toBeGreaterThanOrEqual(10);
    const unitNames = db.select({ name: units.name }).from(units).all().map((u) => u.name);
    for (const u of ["北京制冷学会", "昌平区科协", "东城区科协", "石景山区科协", "门头沟区科协", "密云区科协", "北京膜学会"]) expect(unitNames).toContain(u);
  });
});

describe("the thin path through the data layer", () => {
  it("submit → accept → place → review → approve → distribute → text export", () => {
    const draft = createItem(changping, fields("某区科协举办科普讲座"));
    expect(draft.status).toBe("draft");
    const saved = updateItem(changping, { ...fields("某区科协举办科普讲座活动"), id: draft.id, version: draft.version });
    const submitted = submitItem(changping, { id: saved.id, version: saved.version });
    expect(submitted.status).toBe("submitted");
    const accepted = decideItem(editor, { id: submitted.id, version: submitted.version, decision: "accept", note: "" });
    expect(accepted.status).toBe("accepted");

    const proposal = proposeNextIssue(editor, "2026-11-20");
    expect(proposal).toMatchObject({ year: 2026, number: 1, totalNumber: 79 });
    const issue = createIssue(editor, proposal);
    const placed = arrangeIssue(editor, { issueId: issue.id, version: issue.version, change: { op: "place", itemId: accepted.id, sectionTitle: "科普工作", inToc: true } });
    expect(getItem(editor, accepted.id).status).toBe("placed");
    expect(loadBulletin(issue.id).doc.draft).toBe(true);

    const inReview = sendToReview(editor, { issueId: issue.id, version: placed.version });
    const approved = approveIssue(reviewer, { issueId: issue.id, version: inReview.version, fingerprint: loadBulletin(issue.id).fingerprint });
    expect(approved.approvedByName).toBe("李金涛");
    expect(approved.approvalFingerprint).toMatch(/^[0-9a-f]{64}$/);

    const { doc } = exportIssue(office, issue.id, "txt");
    expect(doc.draft).toBe(false);
    const text = bulletinToText(doc);
    expect(text).toContain("2026年 第1期");
    expect(text).toContain("(总第79期)");
    expect(text).toContain("- 某区科协举办科普讲座活动");
    expect(text).toContain("【科普工作】\n\n某区科协举办科普讲座活动\n\n6月20日，某区科协举办科普讲座。\n\n讲座反响热烈。（昌平区科协）");
    expect(text).not.toContain("草稿");

    distributeIssue(office, { issueId: issue.id, version: approved.version, date: "2026-11-21", distribution: ["市科协驻会领导"] });
    expect(getItem(changping, accepted.id).status).toBe("published");
    expect(listMyItems(changping).find((r) => r.id === accepted.id)).toMatchObject({ issueYear: 2026, issueNumber: 1 });

    const actions = db.select().from(auditLog).where(eq(auditLog.entityId, accepted.id)).all().filter((a) => a.entity === "item").map((a) => a.action);
    expect(actions).toEqual(["create", "edit", "submit", "accept", "place", "publish"]);
    // The unit's submitted text is kept as its own revision.
    const kinds = db.select().from(itemRevisions).where(eq(itemRevisions.itemId, accepted.id)).all().map((r) => r.kind);
    expect(kinds).toEqual(["draft", "draft", "submission"]);
  });

  it("refuses a number used before in the publication", () => {
    const p = proposeNextIssue(editor, "2026-11-22");
    createIssue(editor, p);
    expect(code(() => createIssue(editor, { ...p, totalNumber: p.totalNumber + 10 }))).toBe("duplicate_number");
    expect(code(() => createIssue(editor, { ...p, number: p.number + 10 }))).toBe("duplicate_total");
  });

  it("restarts 第N期 each year and never restarts 总第M期", () => {
    const p = proposeNextIssue(editor, "2027-01-05");
    const before = proposeNextIssue(editor, "2026-12-30");
    expect(p.number).toBe(1);
    expect(p.totalNumber).toBe(before.totalNumber);
  });
});

describe("refusals change nothing", () => {
  const snapshot = () =>
    db.select({ n: sql<number>`count(*)`, v: sql<number>`sum(version)`, s: sql<string>`group_concat(status)` }).from(items).get();
  const auditCount = () => db.select({ n: sql<number>`count(*)` }).from(auditLog).get()?.n;

  it("unit B cannot read, edit, submit or withdraw unit A's item", () => {
    const a = createItem(changping, fields("甲单位稿件"));
    const before = snapshot();
    const audits = auditCount();
    expect(code(() => getItem(dongcheng, a.id))).toBe("not_found");
    expect(code(() => updateItem(dongcheng, { ...fields("篡改"), id: a.id, version: a.version }))).toBe("not_found");
    expect(code(() => submitItem(dongcheng, { id: a.id, version: a.version }))).toBe("not_found");
    expect(code(() => withdrawItem(dongcheng, { id: a.id, version: a.version }))).toBe("not_found");
    expect(listMyItems(dongcheng).some((r) => r.id === a.id)).toBe(false);
    expect(snapshot()).toEqual(before);
    expect(auditCount()).toBe(audits);
  });

  it("contributors cannot decide, arrange, approve or distribute; editors cannot approve", () => {
    const item = db.select().from(items).where(eq(items.status, "submitted")).get();
    if (!item) throw new Error("no submitted item");
    const before = snapshot();
    expect(code(() => decideItem(changping, { id: item.id, version: item.version, decision: "accept", note: "" }))).toBe("forbidden");
    expect(code(() => createIssue(changping, proposeNextIssue(editor)))).toBe("forbidden");
    expect(code(() => approveIssue(changping, { issueId: 1, version: 1, fingerprint: "0".repeat(64) }))).toBe("forbidden");
    expect(code(() => approveIssue(editor, { issueId: 1, version: 1, fingerprint: "0".repeat(64) }))).toBe("forbidden");
    expect(code(() => distributeIssue(changping, { issueId: 1, version: 1, date: "2026-01-01", distribution: ["x"] }))).toBe("forbidden");
    expect(snapshot()).toEqual(before);
  });

  it("a stale version is a conflict, not an overwrite", () => {
    const a = createItem(changping, fields("并发修改"));
    updateItem(changping, { ...fields("第一次修改"), id: a.id, version: a.version });
    expect(code(() => updateItem(changping, { ...fields("过期的修改"), id: a.id, version: a.version }))).toBe("conflict");
    expect(getItem(changping, a.id).title).toBe("第一次修改");
  });

  it("a reviewer cannot approve an issue that is not in review", () => {
    const p = proposeNextIssue(editor, "2026-11-23");
    const issue = createIssue(editor, p);
    expect(code(() => approveIssue(reviewer, { issueId: issue.id, version: issue.version, fingerprint: loadBulletin(issue.id).fingerprint }))).toBe("not_allowed_now");
  });

  it("the audit log cannot be edited or deleted", () => {
    expect(() => db.$client.exec("update audit_log set action = 'x'")).toThrow(/append-only/);
    expect(() => db.$client.exec("delete from audit_log")).toThrow(/append-only/);
  });
});

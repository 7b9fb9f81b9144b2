import { eq, sql } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, issueSections, issues, items, placements } from "@/db/schema";
import { bulletinToText } from "@/lib/bulletin/text";
import { demoActor, errorCode } from "@/lib/testing/fixtures";
import zhCommon from "@/lib/i18n/messages/zh-CN/common.json";
import { AppError } from "./errors";
import type { Actor } from "./actor";
import { arrangeIssue, arrangeSchema, boardView, issueMetaSchema, updateIssueMeta, upcomingDeadline } from "./arrange";
import { createIssue, getIssue, loadBulletin, proposeNextIssue } from "./issues";
import { decideItem } from "./items";

const actor = demoActor;

const code = errorCode;

/** Everything an arrangement change could touch. */
const snapshot = () => ({
  issues: db.select().from(issues).all(),
  sections: db.select().from(issueSections).all(),
  placements: db.select().from(placements).all(),
  items: db.select({ id: items.id, status: items.status, version: items.version }).from(items).all(),
  audit: db.select({ n: sql<number>`count(*)` }).from(auditLog).get()?.n,
});

let editor: Actor, changping: Actor, reviewer: Actor, office: Actor;
let issueId: number;
let accepted: number[];

const version = () => getIssue(editor, issueId).version;
const arrange = (change: unknown, v = version()) => arrangeIssue(editor, arrangeSchema.parse({ issueId, version: v, change }));
const order = () => boardView(editor, issueId).sections.map((s) => [s.title, ...s.placements.map((p) => p.itemId)]);

beforeAll(() => {
  [editor, changping, reviewer, office] = ["editor", "changping", "reviewer", "office"].map(actor);
  const submitted = db.select().from(items).where(eq(items.status, "submitted")).all();
  accepted = submitted.slice(0, 6).map((i) => decideItem(editor, { id: i.id, version: i.version, decision: "accept", note: "" }).id);
  issueId = createIssue(editor, proposeNextIssue(editor, "2026-11-20")).id;
});

describe("arranging an issue", () => {
  it("adds sections and a lead block, places, moves between sections, reorders, sends back to the pool", () => {
    arrange({ op: "addSection", title: "科普工作" });
    arrange({ op: "addSection", title: "学术交流" });
    arrange({ op: "addSection", title: "" });
    const [lead, kp, xs] = boardView(editor, issueId).sections;
    expect([lead.title, kp.title, xs.title]).toEqual([null, "科普工作", "学术交流"]);
    const [a, b, c, d] = accepted;
    arrange({ op: "move", itemId: a, sectionId: kp.id, index: 0 });
    arrange({ op: "move", itemId: b, sectionId: kp.id, index: 0 });
    arrange({ op: "move", itemId: c, sectionId: xs.id, index: 5 });
    arrange({ op: "move", itemId: d, sectionId: lead.id, index: 0 });
    expect(order()).toEqual([[null, d], ["科普工作", b, a], ["学术交流", c]]);
    arrange({ op: "move", itemId: a, sectionId: xs.id, index: 0 });
    expect(order()).toEqual([[null, d], ["科普工作", b], ["学术交流", a, c]]);
    arrange({ op: "move", itemId: a, sectionId: xs.id, index: 1 });
    expect(order()).toEqual([[null, d], ["科普工作", b], ["学术交流", c, a]]);
    arrange({ op: "moveSection", sectionId: xs.id, index: 1 });
    expect(order()).toEqual([[null, d], ["学术交流", c, a], ["科普工作", b]]);
    arrange({ op: "unplace", itemId: c });
    expect(order()).toEqual([[null, d], ["学术交流", a], ["科普工作", b]]);
    expect(db.select().from(items).where(eq(items.id, c)).get()?.status).toBe("accepted");
    expect(boardView(editor, issueId).pool.some((p) => p.id === c)).toBe(true);
  });

  it("sets TOC, short title, attribution override and footer, all reaching the document", () => {
    const [, b] = accepted;
    arrange({ op: "placement", itemId: b, inToc: true, tocTitle: "短标题", sourceOverride: "甲学会、乙区科协" });
    arrange({ op: "footer", mailbox: "a@b.cn", editorName: "王编辑", reviewerName: "赵审核", distribution: ["组一", "", "组二"], printedBy: "北京市科协办公室", printedDate: "2026-11-27", printRun: 120 });
    const { doc } = loadBulletin(issueId);
    expect(doc.toc).toEqual(["短标题"]);
    expect(doc.sections.flatMap((s) => s.items).find((i) => i.id === b)?.source).toBe("甲学会、乙区科协");
    expect(doc.footer).toMatchObject({ mailbox: "a@b.cn", editor: "王编辑", reviewer: "赵审核", distribution: ["组一", "组二"], printedBy: "北京市科协办公室", printedDate: "2026-11-27", printRun: 120 });
    expect(bulletinToText(doc)).toContain("北京市科协办公室  2026年11月27日印发\n\n（共印120份）");
    // Not recording them again leaves them out of the print.
    arrange({ op: "footer", mailbox: "a@b.cn", editorName: "王编辑", reviewerName: "赵审核", distribution: ["组一"], printedBy: "", printedDate: "", printRun: null });
    expect(loadBulletin(issueId).doc.footer).toMatchObject({ printedBy: null, printedDate: null, printRun: null });
    // The board sends null for what is not recorded: that is saved too, the other fields with it.
    const fromBoard = { op: "footer", mailbox: "a@b.cn", editorName: "王编辑", reviewerName: "王五", distribution: ["组一"], printedBy: null, printedDate: null, printRun: null };
    expect(arrangeSchema.safeParse({ issueId, version: version(), change: fromBoard }).success).toBe(true);
    // What the action wrapper refuses before anything is written.
    for (const bad of [{ printedDate: "2026-02-30" }, { printRun: 0 }, { printRun: 2.5 }, { printedBy: "<script>" }]) {
      const change = { op: "footer", mailbox: "", editorName: "", reviewerName: "", distribution: [], printedBy: "", printedDate: "", printRun: null, ...bad };
      expect(arrangeSchema.safeParse({ issueId, version: version(), change }).success, JSON.stringify(bad)).toBe(false);
    }
    // The TOC line is set word by word (nowrap spans): read its text.
    expect(boardView(editor, issueId).previewHtml.replace(/<[^>]+>/g, "")).toContain("短标题");
  });

  it("refuses a change based on a stale version and changes nothing", () => {
    const stale = version();
    arrange({ op: "moveSection", sectionId: boardView(editor, issueId).sections[2].id, index: 0 }, stale);
    const before = snapshot();
    const [lead] = boardView(editor, issueId).sections;
    expect(code(() => arrange({ op: "move", itemId: accepted[4], sectionId: lead.id, index: 0 }, stale))).toBe("board_conflict");
    expect(code(() => arrange({ op: "footer", mailbox: "x@example.cn", editorName: "", reviewerName: "", distribution: [], printedBy: "", printedDate: "", printRun: null }, stale))).toBe("board_conflict");
    expect(snapshot()).toEqual(before);
  });

  it("refuses contributors and reviewers and office, changing nothing", () => {
    const before = snapshot();
    const sectionId = boardView(editor, issueId).sections[0].id;
    for (const who of [changping, reviewer, office]) {
      expect(code(() => arrangeIssue(who, { issueId, version: version(), change: { op: "move", itemId: accepted[5], sectionId, index: 0 } }))).toBe("forbidden");
      expect(code(() => boardView(who, issueId))).toBe("forbidden");
    }
    expect(snapshot()).toEqual(before);
  });

  it("refuses bad moves: an item not accepted, a section of another issue, a non-empty section removal", () => {
    const other = createIssue(editor, proposeNextIssue(editor, "2026-11-21"));
    const otherSection = arrangeIssue(editor, { issueId: other.id, version: other.version, change: { op: "addSection", title: "自定义栏目" } });
    const otherSectionId = boardView(editor, other.id).sections[0].id;
    expect(otherSection.version).toBe(other.version + 1);
    const before = snapshot();
    const submitted = db.select().from(items).where(eq(items.status, "submitted")).get();
    const sectionId = boardView(editor, issueId).sections[0].id;
    expect(code(() => arrange({ op: "move", itemId: submitted!.id, sectionId, index: 0 }))).toBe("not_allowed_now");
    expect(code(() => arrange({ op: "move", itemId: accepted[5], sectionId: otherSectionId, index: 0 }))).toBe("not_found");
    expect(code(() => arrange({ op: "removeSection", sectionId }))).toBe("not_allowed_now");
    expect(code(() => arrange({ op: "addSection", title: "学术交流" }))).toBe("invalid");
    expect(snapshot()).toEqual(before);
  });
});

describe("issue numbers and deadline", () => {
  it("edits numbers, refusing one used by another issue; numbers stay unique", () => {
    const a = getIssue(editor, issueId);
    const b = createIssue(editor, proposeNextIssue(editor, "2026-11-25"));
    const input = (n: Partial<{ number: number; totalNumber: number }>, deadline = "") =>
      issueMetaSchema.parse({ issueId: b.id, version: b.version, year: b.year, number: b.number, totalNumber: b.totalNumber, date: b.date, deadline, ...n });
    const before = snapshot();
    expect(code(() => updateIssueMeta(editor, input({ number: a.number })))).toBe("duplicate_number");
    expect(code(() => updateIssueMeta(editor, input({ totalNumber: a.totalNumber })))).toBe("duplicate_total");
    // The message names the running number (总第N期), not only the other issue's 第N期.
    const clash = (() => {
      try {
        updateIssueMeta(editor, input({ totalNumber: a.totalNumber }));
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(clash).toBeInstanceOf(AppError);
    expect(clash!.field).toBe("totalNumber");
    const t = createTranslator({ locale: "zh-CN", messages: zhCommon, namespace: "errors" });
    expect(t("duplicate_total", clash!.params)).toBe(`总第${a.totalNumber}期已被${a.year}年第${a.number}期使用，总期号不能重复。`);
    expect(code(() => updateIssueMeta(changping, input({ number: 50 })))).toBe("forbidden");
    expect(snapshot()).toEqual(before);
    // The 截稿时间 lies on or before the issue's date, within the year before it.
    const dated = (deadline: string) => ({ ...input({ number: 50, totalNumber: 500 }, deadline), year: 2099, date: "2099-01-05" });
    for (const late of ["2099-01-06T00:00", "9999-12-31T17:00", "2097-12-01T08:00"]) expect(code(() => updateIssueMeta(editor, dated(late)))).toBe("deadline_outside_issue");
    expect(snapshot()).toEqual(before);
    expect(updateIssueMeta(editor, dated("2099-01-05T23:59")).deadline?.toISOString()).toBe("2099-01-05T15:59:00.000Z");
    const updated = updateIssueMeta(editor, { ...dated("2099-01-02T17:30"), version: getIssue(editor, b.id).version });
    expect(updated).toMatchObject({ number: 50, totalNumber: 500 });
    expect(updated.deadline?.toISOString()).toBe("2099-01-02T09:30:00.000Z");
    expect(upcomingDeadline(changping)).toMatchObject({ number: 50 });
    expect(issueMetaSchema.safeParse({ ...input({}), deadline: "tomorrow" }).success).toBe(false);
  });

  it("checks numbers by the issue's kind: a supplement against its own name only, a 合刊 over both its numbers", () => {
    const zk = createIssue(editor, { year: 2030, number: 1, totalNumber: 0, date: "2030-03-01", kind: "supplement", supplementLabel: "增刊" });
    const zt = createIssue(editor, { year: 2030, number: 2, totalNumber: 0, date: "2030-03-02", kind: "supplement", supplementLabel: "专刊" });
    const meta = (i: typeof zk, n: Partial<{ number: number; totalNumber: number }>, deadline = "") =>
      issueMetaSchema.parse({ issueId: i.id, version: getIssue(editor, i.id).version, year: i.year, number: i.number, totalNumber: i.totalNumber, date: i.date, deadline, ...n });
    // Two supplements both have no running number: a deadline change is not a 总期号 clash.
    expect(updateIssueMeta(editor, meta(zt, {}, "2030-03-01T17:00")).deadline).not.toBeNull();
    // 专刊第1期 next to 增刊第1期 is fine; 增刊第1期 twice is not.
    expect(updateIssueMeta(editor, meta(zt, { number: 1 })).number).toBe(1);
    const zk2 = createIssue(editor, { year: 2030, number: 2, totalNumber: 0, date: "2030-03-03", kind: "supplement", supplementLabel: "增刊" });
    expect(code(() => updateIssueMeta(editor, meta(zk2, { number: 1 })))).toBe("duplicate_supplement");
    // A supplement keeps no running number whatever is sent; a regular issue needs numbers from 1.
    expect(updateIssueMeta(editor, meta(zk, { totalNumber: 77 })).totalNumber).toBe(0);
    const p = proposeNextIssue(editor, "2030-04-01");
    const double = createIssue(editor, { ...p, kind: "double" });
    const moved = updateIssueMeta(editor, meta(double, { number: p.number + 10, totalNumber: p.totalNumber + 10 }));
    expect([moved.number, moved.numberEnd, moved.totalNumber, moved.totalNumberEnd]).toEqual([p.number + 10, p.number + 11, p.totalNumber + 10, p.totalNumber + 11]);
    expect(code(() => updateIssueMeta(editor, meta(moved, { number: 0 })))).toBe("invalid");
  });
});

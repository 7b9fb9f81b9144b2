import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, items } from "@/db/schema";
import { bulletinToText } from "@/lib/bulletin/text";
import { demoActor, errorCode, itemFields } from "@/lib/testing/fixtures";
import { describeAuditDetail } from "@/components/audit/describe";
import type { Actor } from "./actor";
import { arrangeIssue, arrangeSchema, boardView } from "./arrange";
import { createIssue, getIssue, loadBulletin, proposeNextIssue, returnIssue, sendToReview } from "./issues";
import { createItem, decideItem, getItem, submitItem, updateItem } from "./items";
import { setTitleBreaks, setTitleBreaksSchema, titleBreakView } from "./title-breaks";
import { titleBreakPoints } from "@/lib/bulletin/title-lines";
import { TITLE_LINE_CELLS } from "@/lib/bulletin/print-html";

const TITLE = "中国制冷学会、北京制冷学会与北京市科学技术协会联合举办制冷空调行业科技成果对接会";
let editor: Actor, changping: Actor, reviewer: Actor;
let itemId: number;
let issueId: number;

const set = (breaks: number[], title = getItem(editor, itemId).title) => setTitleBreaks(editor, setTitleBreaksSchema.parse({ itemId, title, breaks }));
const auditCount = () => db.select({ n: sql<number>`count(*)` }).from(auditLog).get()?.n;
const stored = () => db.select({ b: items.titleBreaks, v: items.version }).from(items).where(eq(items.id, itemId)).get();
const printedItem = () => loadBulletin(issueId).doc.sections.flatMap((s) => s.items).find((i) => i.id === itemId);

beforeAll(() => {
  [editor, changping, reviewer] = ["editor", "changping", "reviewer"].map(demoActor);
  const draft = createItem(changping, itemFields(TITLE));
  const sent = submitItem(changping, { id: draft.id, version: draft.version });
  itemId = decideItem(editor, { id: sent.id, version: sent.version, decision: "accept", note: "" }).id;
  issueId = createIssue(editor, proposeNextIssue(editor, "2026-12-04")).id;
  const v = getIssue(editor, issueId).version;
  arrangeIssue(editor, arrangeSchema.parse({ issueId, version: v, change: { op: "addSection", title: "基层动态" } }));
  const section = boardView(editor, issueId).sections[0];
  arrangeIssue(editor, arrangeSchema.parse({ issueId, version: getIssue(editor, issueId).version, change: { op: "move", itemId, sectionId: section.id, index: 0 } }));
});

describe("manual title breaks", () => {
  it("shows the title's words, its automatic lines, and that it is editable", () => {
    const view = titleBreakView(editor, itemId);
    expect(view.words.map((w) => w.text).join("")).toBe(TITLE);
    expect(view.words.map((w) => w.text)).toContain("学会");
    expect(view.breaks).toEqual([]);
    expect(view.lines).toEqual(["中国制冷学会、北京制冷学会与北京市科学技术协会", "联合举办制冷空调行业科技成果对接会"]);
    expect(view.editable).toBe(true);
    expect(printedItem()?.titleBreaks).toBeUndefined();
  });

  it("sets a break: stored with its title, printed in every export, audited on the item and the issue", () => {
    const before = auditCount();
    const view = set([13]);
    expect(view.breaks).toEqual([13]);
    expect(view.lines[0]).toBe("中国制冷学会、北京制冷学会");
    expect(stored()?.b).toEqual({ title: TITLE, at: [13] });
    expect(printedItem()?.titleBreaks).toEqual([13]);
    expect(bulletinToText(loadBulletin(issueId).doc)).toContain("中国制冷学会、北京制冷学会\n与北京市科学技术协会");
    expect(auditCount()).toBe((before ?? 0) + 2);
    const row = db.select().from(auditLog).where(and(eq(auditLog.entity, "item"), eq(auditLog.entityId, itemId), eq(auditLog.action, "title_breaks"))).get();
    expect(row?.detail).toMatchObject({ breaks: [13] });
    expect(describeAuditDetail(row!, (r) => r)?.[0].key).toBe("title_breaks");
    const issueRow = db.select().from(auditLog).where(and(eq(auditLog.entity, "issue"), eq(auditLog.entityId, issueId), eq(auditLog.action, "edit"))).all().pop();
    expect(issueRow?.detail).toMatchObject({ action: "title_breaks", itemId });
    expect(getIssue(editor, issueId).changedByIds).toContain(editor.id);
  });

  it("refuses offsets that do not fit, a title changed meanwhile, and other roles; nothing changes", () => {
    const before = { s: stored(), n: auditCount() };
    expect(errorCode(() => set([6]))).toBe("title_breaks_invalid");
    expect(errorCode(() => set([200 - 1]))).toBe("title_breaks_invalid");
    expect(errorCode(() => set([20, 13]))).toBe("title_breaks_invalid");
    expect(errorCode(() => set([13], "别的标题"))).toBe("title_changed");
    expect(errorCode(() => setTitleBreaks(reviewer, { itemId, title: TITLE, breaks: [] }))).toBe("forbidden");
    expect(errorCode(() => setTitleBreaks(changping, { itemId, title: TITLE, breaks: [] }))).toBe("forbidden");
    expect(setTitleBreaksSchema.safeParse({ itemId, title: TITLE, breaks: [1.5] }).success).toBe(false);
    expect(setTitleBreaksSchema.safeParse({ itemId, title: "标题\u202e", breaks: [] }).success).toBe(false);
    expect({ s: stored(), n: auditCount() }).toEqual(before);
  });

  it("refuses a break the line breaker would not take (inside 对接会) with a Chinese message, and takes every place the desk offers", () => {
    const before = { s: stored(), n: auditCount() };
    const at = (s: string) => TITLE.indexOf(s) + s.length;
    const detail = (breaks: number[]) => {
      try {
        set(breaks);
      } catch (e) {
        return (e as { params?: { detail?: string } }).params?.detail;
      }
      return null;
    };
    expect(errorCode(() => set([at("对接")]))).toBe("title_breaks_invalid");
    expect(detail([at("对接")])).toMatch(/“对接会”是一个词/);
    expect(detail([13, at("成果对接")])).toMatch(/词意完整/);
    expect({ s: stored(), n: auditCount() }).toEqual(before);
    // The places the desk offers are all accepted.
    const offered = titleBreakPoints(TITLE, titleBreakView(editor, itemId).words, TITLE_LINE_CELLS);
    expect(offered).toContain(13);
    expect(offered).not.toContain(at("对接"));
    for (const b of offered) expect(set([b]).breaks).toEqual([b]);
    set([13]);
  });

  it("after the title is edited, keeps breaks whose neighbours survived and says which were dropped", () => {
    set([7, 13]);
    const item = getItem(editor, itemId);
    // 北京制冷学会 → 北京市制冷学会: the break after 、 stays, the one after 学会 (before 与) moves by one.
    updateItem(editor, { ...itemFieldsOf(item), id: itemId, version: item.version, title: TITLE.replace("北京制冷学会", "北京市制冷学会") });
    let view = titleBreakView(editor, itemId);
    expect(view.breaks).toEqual([7, 14]);
    expect(view.dropped).toEqual([]);
    expect(printedItem()?.titleBreaks).toEqual([7, 14]);
    // 、 becomes 和: the break after it no longer fits.
    const again = getItem(editor, itemId);
    updateItem(editor, { ...itemFieldsOf(again), id: itemId, version: again.version, title: again.title.replace("、", "和") });
    view = titleBreakView(editor, itemId);
    expect(view.breaks).toEqual([14]);
    expect(view.dropped).toEqual(["国制冷学会、"]);
    expect(printedItem()?.titleBreaks).toEqual([14]);
    // Back to automatic.
    expect(set([]).breaks).toEqual([]);
    expect(stored()?.b).toBeNull();
    expect(printedItem()?.titleBreaks).toBeUndefined();
  });

  it("is refused while the issue is in review", () => {
    sendToReview(editor, { issueId, version: getIssue(editor, issueId).version });
    expect(titleBreakView(editor, itemId).editable).toBe(false);
    const before = stored();
    expect(errorCode(() => set([14]))).toBe("not_allowed_now");
    expect(stored()).toEqual(before);
    returnIssue(reviewer, { issueId, version: getIssue(editor, issueId).version, comment: "请调整标题换行" });
    expect(set([14]).breaks).toEqual([14]);
  });
});

function itemFieldsOf(item: ReturnType<typeof getItem>) {
  return { title: item.title, body: item.body, source: item.source, suggestedSectionId: item.suggestedSectionId, eventDate: item.eventDate, contactName: item.contactName, contactPhone: item.contactPhone, noteToEditor: item.noteToEditor };
}

import { and, eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog } from "@/db/schema";
import { describeAuditDetail } from "@/components/audit/describe";
import { loadMessages } from "@/lib/i18n/messages";
import { demoActor, itemFields, sendItem } from "@/lib/testing/fixtures";
import { arrangeIssue, updateIssueMeta } from "./arrange";
import { createIssue, getIssue } from "./issues";
import { createItem, decideItem, updateItem } from "./items";
import { itemEditChange } from "./item-edit-change";

type Row = { entity: string; action: string; detail: unknown };

/** The audit row's detail as the /audit page shows it, in `locale`. */
async function render(row: Row, locale: "zh-CN" | "en" = "zh-CN") {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "auditDetail" as never }) as unknown as (k: string, v?: Record<string, string | number>) => string;
  return describeAuditDetail(row, (r) => r)!
    .map(({ key, values }) => t(key, { ...values, ...(typeof values.field === "string" ? { field: t(values.field) } : {}) }))
    .join("；");
}

const rowsOf = (entity: "item" | "issue", entityId: number, action: string) =>
  db.select().from(auditLog).where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId), eq(auditLog.action, action))).all();

describe("audit rows name an issue as it is named", () => {
  it("a new 增刊, 专刊 and 合刊 read by their label; a regular issue keeps 总期号; a number change names the issue again", async () => {
    const editor = demoActor("editor");
    const supp = createIssue(editor, { kind: "supplement", supplementLabel: "增刊", year: 2031, number: 1, totalNumber: 0, date: "2031-03-02" });
    const special = createIssue(editor, { kind: "supplement", supplementLabel: "专刊", year: 2031, number: 1, totalNumber: 0, date: "2031-03-03" });
    const double = createIssue(editor, { kind: "double", year: 2031, number: 3, totalNumber: 9103, date: "2031-03-04" });
    const regular = createIssue(editor, { kind: "regular", year: 2031, number: 5, totalNumber: 9105, date: "2031-03-05" });
    expect(await render(rowsOf("issue", supp.id, "create")[0])).toBe("2031年增刊第1期，2031-03-02");
    expect(await render(rowsOf("issue", special.id, "create")[0])).toBe("2031年专刊第1期，2031-03-03");
    expect(await render(rowsOf("issue", double.id, "create")[0])).toBe("2031年第3-4期合刊（总第 9103-9104 期），2031-03-04");
    expect(await render(rowsOf("issue", regular.id, "create")[0])).toBe("2031年第5期（总第 9105 期），2031-03-05");
    expect(await render(rowsOf("issue", special.id, "create")[0], "en")).toBe("2031年专刊第1期, 2031-03-03");

    const s = getIssue(editor, special.id);
    updateIssueMeta(editor, { issueId: s.id, version: s.version, year: 2031, number: 2, totalNumber: 0, date: "2031-03-06", deadline: null });
    const meta = rowsOf("issue", special.id, "edit").find((r) => (r.detail as { action?: string }).action === "meta")!;
    expect(await render(meta)).toBe("2031年专刊第2期，2031-03-06");
  });

  it("rows written before the label was stored still read", async () => {
    expect(await render({ entity: "issue", action: "create", detail: { year: 2026, number: 1, totalNumber: 0, date: "2026-11-30", kind: "supplement", numberEnd: null, totalNumberEnd: null } })).toBe(
      "2026年增刊/专刊第 1 期，2026-11-30",
    );
    expect(await render({ entity: "issue", action: "create", detail: { year: 2026, number: 3, totalNumber: 120, date: "2026-02-01", kind: "double", numberEnd: 4, totalNumberEnd: 121 } })).toBe(
      "第 3-4 期合刊（总第 120-121 期），2026-02-01",
    );
    expect(await render({ entity: "issue", action: "create", detail: { year: 2026, number: 7, totalNumber: 80, date: "2026-04-01" } })).toBe("第 7 期（总第 80 期），2026-04-01");
    expect(await render({ entity: "issue", action: "edit", detail: { action: "meta", year: 2026, number: 7, totalNumber: 80, date: "2026-04-01", deadline: null } })).toBe(
      "第 7 期（总第 80 期），2026-04-01",
    );
  });
});

describe("audit rows of a text edit say what changed", () => {
  it("itemEditChange: the title from → to, the body's length from → to, nothing for an unchanged part", () => {
    const a = itemFields("甲区科协召开会议", ["一二三四五。"]);
    const b = itemFields("甲区科协召开年度会议", ["一二三四五。"]);
    const c = itemFields("甲区科协召开会议", ["一二三四五六七。"]);
    expect(itemEditChange(a, b)).toEqual({ chars: 6, detail: { title: { from: "甲区科协召开会议", to: "甲区科协召开年度会议" } } });
    expect(itemEditChange(a, c)).toEqual({ chars: 8, detail: { bodyChars: { from: 6, to: 8 } } });
    // Same length, other wording: still a body change.
    expect(itemEditChange(a, itemFields("甲区科协召开会议", ["一二三四六。"])).detail).toEqual({ bodyChars: { from: 6, to: 6 } });
    expect(itemEditChange(a, { ...a, body: structuredClone(a.body) })).toEqual({ chars: 6, detail: {} });
  });

  it("the editor's title edit reads as the title from → to, on the item and on its issue; the unit's save too; old rows still read", async () => {
    const unit = demoActor("changping");
    const editor = demoActor("editor");
    const submitted = sendItem(unit, "乙区科协召开科普工作会议", ["会议部署了下半年的科普工作。"]);
    const sent = decideItem(editor, { id: submitted.id, version: submitted.version, decision: "accept", note: "" });
    let issue = createIssue(editor, { kind: "regular", year: 2032, number: 1, totalNumber: 9201, date: "2032-01-05" });
    issue = arrangeIssue(editor, { issueId: issue.id, version: issue.version, change: { op: "place", itemId: sent.id, sectionTitle: "科普工作", inToc: false } });
    const placed = db.query.items.findFirst({ where: (t, { eq }) => eq(t.id, sent.id) }).sync()!;
    const edited = updateItem(editor, { ...itemFields("乙区科协召开2032年科普工作会议", ["会议部署了下半年的科普工作。"]), id: sent.id, version: placed.version });
    const itemRow = rowsOf("item", sent.id, "edit").at(-1)!;
    expect(await render(itemRow)).toBe(`第 ${edited.version} 版；标题：乙区科协召开科普工作会议 → 乙区科协召开2032年科普工作会议`);
    expect(await render(itemRow, "en")).toBe(`Version ${edited.version}；Title: 乙区科协召开科普工作会议 → 乙区科协召开2032年科普工作会议`);
    const issueRow = rowsOf("issue", issue.id, "edit").filter((r) => (r.detail as { action?: string }).action === "item_text").at(-1)!;
    expect(await render(issueRow)).toBe(`稿件 #${sent.id}「乙区科协召开2032年科普工作会议」文字修改；标题：乙区科协召开科普工作会议 → 乙区科协召开2032年科普工作会议`);

    // The editor changes the body only.
    const again = updateItem(editor, { ...itemFields(edited.title, ["会议部署了下半年的科普工作和志愿服务。"]), id: sent.id, version: edited.version });
    expect(await render(rowsOf("item", sent.id, "edit").at(-1)!)).toBe(`第 ${again.version} 版；正文修改，字数 14 → 19`);
    const bodyRow = rowsOf("issue", issue.id, "edit").filter((r) => (r.detail as { action?: string }).action === "item_text").at(-1)!;
    expect(await render(bodyRow)).toBe(`稿件 #${sent.id}「乙区科协召开2032年科普工作会议」文字修改；正文有修改`);

    // The unit's own save of its draft.
    const draft = createItem(unit, itemFields("丙区科协草稿", ["草稿正文。"]));
    const saved = updateItem(unit, { ...itemFields("丙区科协草稿（改）", ["草稿正文。"]), id: draft.id, version: draft.version });
    expect(await render(rowsOf("item", draft.id, "edit").at(-1)!)).toBe(`第 ${saved.version} 版；标题：丙区科协草稿 → 丙区科协草稿（改）`);

    // Old rows: version and length only; an item_text row without titleFrom.
    expect(await render({ entity: "item", action: "edit", detail: { version: 3, chars: 117 } })).toBe("第 3 版，117 字");
    expect(await render({ entity: "issue", action: "edit", detail: { action: "item_text", itemId: 39, title: "某标题" } })).toBe("稿件 #39「某标题」文字修改");
  });
});

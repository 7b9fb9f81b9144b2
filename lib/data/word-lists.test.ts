import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, wordListEntries } from "@/db/schema";
import { itemWordListHits } from "@/lib/copycheck/word-lists";
import { demoActor, errorCode } from "@/lib/testing/fixtures";
import type { Actor } from "./actor";
import { deleteWordListEntry, listWordListEntries, saveWordListEntry, wordListsFor } from "./word-lists";

vi.hoisted(() => {
  const g = globalThis as { document?: unknown };
  g.document ??= { createElement: () => ({ innerHTML: "", get textContent() { return (this as { innerHTML: string }).innerHTML; } }) };
});
const { applyFindings, checkText } = await import("@/lib/copycheck");

let admin: Actor, changping: Actor, editor: Actor;
beforeAll(() => {
  [admin, changping, editor] = ["admin", "changping", "editor"].map(demoActor);
});
const lastAudit = () => db.select().from(auditLog).orderBy(desc(auditLog.id)).get();

describe("the admin's 规范表述 and 敏感词 lists", () => {
  it("come seeded with invented examples, readable by every role", () => {
    const lists = wordListsFor(changping);
    expect(lists.standard).toContainEqual(expect.objectContaining({ wrong: "科协副主席、党组书记", right: "科协党组书记、副主席" }));
    expect(lists.sensitive.map((s) => s.term)).toContain("小道消息");
    expect(listWordListEntries(editor).length).toBeGreaterThanOrEqual(8);
  });

  it("an admin adds, edits and removes entries, each with an audit row; others cannot; duplicates and empty right forms are refused", () => {
    const row = saveWordListEntry(admin, { list: "standard", term: "区科协主席", replacement: "区科协主席（兼）", note: "测试" });
    expect(lastAudit()).toMatchObject({ action: "word_list_entry_added", entity: "publication" });
    saveWordListEntry(admin, { id: row.id, list: "standard", term: "区科协主席", replacement: "区科协主席" + "、党组书记" });
    expect(db.select().from(wordListEntries).where(eq(wordListEntries.id, row.id)).get()?.replacement).toBe("区科协主席、党组书记");
    expect(lastAudit()?.action).toBe("word_list_entry_updated");
    expect(errorCode(() => saveWordListEntry(admin, { list: "standard", term: "区科协主席", replacement: "x" }))).toBe("name_taken");
    expect(() => saveWordListEntry(admin, { list: "standard", term: "无右边", replacement: "" })).toThrow();
    expect(errorCode(() => saveWordListEntry(editor, { list: "sensitive", term: "测试词" }))).toBe("forbidden");
    expect(errorCode(() => deleteWordListEntry(changping, { id: row.id }))).toBe("forbidden");
    deleteWordListEntry(admin, { id: row.id });
    expect(lastAudit()?.action).toBe("word_list_entry_removed");
    expect(wordListsFor(admin).standard.map((s) => s.wrong)).not.toContain("区科协主席");
  });

  it("the copy checks flag both: a standard form gets its fix, a sensitive word is flagged only", () => {
    const lists = wordListsFor(changping);
    const text = "网格化员和科协副主席、党组书记张伟出席，会上不传小道消息。";
    const found = checkText(text, { kind: "body", wordLists: lists });
    expect(found.filter((f) => f.rule === "standard_wording").map((f) => [f.original, f.replacement])).toEqual([
      ["网格化员", "网格员"],
      ["科协副主席、党组书记", "科协党组书记、副主席"],
    ]);
    expect(found.find((f) => f.rule === "sensitive_word")).toMatchObject({ original: "小道消息", flagOnly: true });
    expect(applyFindings(text, found)).toBe("网格员和科协党组书记、副主席张伟出席，会上不传小道消息。");
    // The right form containing the wrong one is not flagged again.
    expect(checkText("开展“两学一做”学习教育。", { kind: "body", wordLists: lists }).filter((f) => f.rule === "standard_wording")).toEqual([]);
  });

  it("lists every remaining hit of an item with its place, for the review page", () => {
    const hits = itemWordListHits({ title: "某某领导出席活动", paragraphs: ["第一段。", "推进互联网+科普。"], source: null }, wordListsFor(editor));
    expect(hits).toEqual([
      { kind: "sensitive", term: "某某领导", right: null, place: "标题" },
      { kind: "standard", term: "互联网+", right: "“互联网+”", place: "第2段" },
    ]);
  });
});

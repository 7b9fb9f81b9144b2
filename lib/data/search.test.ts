import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { demoActor, errorCode, itemFields } from "@/lib/testing/fixtures";
import type { Actor } from "./actor";
import { createItem, saveOwnItem, submitItem } from "./items";
import { searchItems } from "./search";

let changping: Actor, dongcheng: Actor, editor: Actor, office: Actor;
beforeAll(() => {
  [changping, dongcheng, editor, office] = ["changping", "dongcheng", "editor", "office"].map(demoActor);
});

const ids = (r: { hits: { id: number }[] }) => r.hits.map((h) => h.id);
const marked = (parts: { text: string; hit: boolean }[]) => parts.filter((p) => p.hit).map((p) => p.text);

describe("search in Chinese", () => {
  it("finds two-character and four-or-more-character terms, with the passage marked", () => {
    const item = createItem(changping, itemFields("回龙观社区举办星空观测夜", ["11月3日晚，回龙观社区邀请天文爱好者为居民讲解星座，这是一次别开生面的科普活动。"]));
    submitItem(changping, { id: item.id, version: item.version });
    const two = searchItems(editor, { q: "星座" });
    expect(ids(two)).toContain(item.id);
    const hit = two.hits.find((h) => h.id === item.id);
    expect(marked(hit?.snippet ?? [])).toEqual(["星座"]);
    const four = searchItems(office, { q: "别开生面" });
    expect(ids(four)).toEqual([item.id]);
    // Demo items from the sample issues: 科普 and 科技工作者 both occur.
    expect(searchItems(editor, { q: "科普" }).total).toBeGreaterThan(1);
    const sci = searchItems(editor, { q: "科技工作者" });
    expect(sci.total).toBeGreaterThan(0);
    for (const h of sci.hits) expect([...marked(h.snippet), ...marked(h.title_parts)]).toContain("科技工作者");
    // Several terms must all occur.
    expect(ids(searchItems(editor, { q: "星座 别开生面" }))).toEqual([item.id]);
    expect(ids(searchItems(editor, { q: "星座 不存在的词" }))).toEqual([]);
  });

  it("a contributor finds only its own unit's items; the desk never sees unsent drafts", () => {
    const mine = createItem(changping, itemFields("昌平区银杏节科普讲解", ["银杏节上，讲解员介绍银杏的演化。"]));
    submitItem(changping, { id: mine.id, version: mine.version });
    const theirs = createItem(dongcheng, { ...itemFields("东城区银杏大道巡礼", ["东城区银杏大道迎来观赏季。"]), source: "东城区科协" });
    submitItem(dongcheng, { id: theirs.id, version: theirs.version });
    const draft = createItem(dongcheng, { ...itemFields("东城区银杏草稿", ["尚未报送的银杏稿件。"]), source: "东城区科协" });
    expect(ids(searchItems(changping, { q: "银杏" }))).toEqual([mine.id]);
    expect(ids(searchItems(dongcheng, { q: "银杏" })).sort()).toEqual([theirs.id, draft.id].sort());
    // Asking for another unit does not widen a contributor's search.
    expect(ids(searchItems(changping, { q: "银杏", unitId: dongcheng.unitId ?? 0 }))).toEqual([]);
    expect(ids(searchItems(editor, { q: "银杏" })).sort()).toEqual([mine.id, theirs.id].sort());
    expect(ids(searchItems(editor, { q: "银杏", unitId: dongcheng.unitId ?? 0 }))).toEqual([theirs.id]);
  });

  it("the index follows inserts, edits and deletes (triggers)", () => {
    const r = saveOwnItem(changping, { ...itemFields("湿地鸟类调查", ["志愿者记录到白鹭三十只。"]), id: undefined, version: undefined });
    if (r.kind !== "saved") throw new Error("not saved");
    expect(ids(searchItems(changping, { q: "白鹭" }))).toEqual([r.id]);
    const edited = saveOwnItem(changping, { ...itemFields("湿地鸟类调查", ["志愿者记录到苍鹭十只。"]), id: r.id, version: r.version });
    expect(edited.kind).toBe("saved");
    expect(ids(searchItems(changping, { q: "白鹭" }))).toEqual([]);
    expect(ids(searchItems(changping, { q: "苍鹭" }))).toEqual([r.id]);
    expect(ids(searchItems(changping, { q: "记录到苍鹭" }))).toEqual([r.id]);
    db.$client.prepare("delete from item_revisions where item_id = ?").run(r.id);
    db.$client.prepare("delete from items where id = ?").run(r.id);
    expect(ids(searchItems(changping, { q: "苍鹭" }))).toEqual([]);
    expect(ids(searchItems(changping, { q: "记录到苍鹭" }))).toEqual([]);
  });

  it("finds a one-character term (a rare given name), alone and with longer terms, as the inbox box does", () => {
    const item = createItem(changping, itemFields("龚㚖 李𫖯等专家走进回天社区", ["李𫖯研究员为社区居民讲解湿地生态。"]));
    submitItem(changping, { id: item.id, version: item.version });
    const one = searchItems(office, { q: "𫖯" });
    expect(ids(one)).toEqual([item.id]);
    expect(marked(one.hits[0].snippet)).toContain("𫖯");
    expect(ids(searchItems(editor, { q: "㚖" }))).toEqual([item.id]);
    // With a two-character and a longer term: every term must still occur.
    expect(ids(searchItems(editor, { q: "𫖯 湿地" }))).toEqual([item.id]);
    expect(ids(searchItems(editor, { q: "𫖯 湿地生态" }))).toEqual([item.id]);
    expect(ids(searchItems(editor, { q: "𫖯 星座" }))).toEqual([]);
    expect(searchItems(editor, { q: "科" }).total).toBeGreaterThan(1);
  });

  it("refuses an empty query or one of punctuation only", () => {
    expect(errorCode(() => searchItems(editor, { q: "" }))).toBe("invalid");
    expect(errorCode(() => searchItems(editor, { q: "， 。" }))).toBe("invalid");
  });
});

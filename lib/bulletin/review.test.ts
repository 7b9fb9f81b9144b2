import { describe, expect, it } from "vitest";
import { compareRounds } from "./compare";
import type { BulletinDocument } from "./document";
import { bulletinFingerprint } from "./fingerprint";

const base = (): BulletinDocument => ({
  masthead: { title: "科协每周动态", year: 2023, number: 20, totalNumber: 73, office: "北京市科协办公室", date: "2023-07-07" },
  toc: ["学会聚力赋能交流研讨活动在京举办"],
  sections: [
    { title: null, items: [{ id: 1, title: "开篇稿件", paragraphs: [[{ text: "开篇第一段。" }]], source: null }] },
    {
      title: "科创工作",
      items: [
        { id: 2, title: "学会聚力赋能交流研讨活动在京举办", paragraphs: [[{ text: "6月27日，活动举办。" }], [{ text: "院士" }, { text: "建言献策", bold: true }, { text: "。" }]], source: null },
        { id: 3, title: "第三篇", paragraphs: [[{ text: "第三篇正文。" }]], source: "昌平区科协" },
      ],
    },
    { title: "基层动态", items: [{ id: 4, title: "第四篇", paragraphs: [[{ text: "第四篇正文。" }]], source: "东城区科协" }] },
  ],
  footer: { mailbox: "skxxxbs@bast.net.cn", editor: "张红波", reviewer: "李金涛", distribution: ["市科协驻会领导"], printedBy: null, printedDate: null, printRun: null },
  draft: false,
});

/** One change to each printed field; each must change the fingerprint. */
const PRINTED: [string, (d: BulletinDocument) => void][] = [
  ["masthead title", (d) => (d.masthead.title = "科协动态")],
  ["year", (d) => (d.masthead.year = 2024)],
  ["number", (d) => (d.masthead.number = 21)],
  ["total number", (d) => (d.masthead.totalNumber = 74)],
  ["office", (d) => (d.masthead.office = "北京市科协")],
  ["date", (d) => (d.masthead.date = "2023-07-08")],
  ["TOC line", (d) => (d.toc[0] = "学会聚力赋能活动在京举办")],
  ["TOC membership", (d) => d.toc.push("第三篇")],
  ["section title", (d) => (d.sections[1].title = "科普工作")],
  ["section order", (d) => d.sections.push(d.sections.splice(1, 1)[0])],
  ["item order", (d) => d.sections[1].items.reverse()],
  ["item moved to another section", (d) => d.sections[2].items.push(d.sections[1].items.pop()!)],
  ["lead block becomes a section", (d) => (d.sections[0].title = "主题教育")],
  ["item title", (d) => (d.sections[1].items[0].title += "！")],
  ["item text", (d) => (d.sections[1].items[0].paragraphs[0][0].text = "6月28日，活动举办。")],
  ["bold", (d) => (d.sections[1].items[0].paragraphs[1][1].bold = false)],
  ["italic", (d) => (d.sections[1].items[0].paragraphs[1][0].italic = true)],
  ["paragraph split", (d) => d.sections[1].items[0].paragraphs.splice(1, 1, [{ text: "院士" }], [{ text: "建言献策。" }])],
  ["attribution", (d) => (d.sections[1].items[1].source = "昌平区科协、东城区科协")],
  ["attribution removed", (d) => (d.sections[1].items[1].source = null)],
  ["mailbox", (d) => (d.footer.mailbox = "other@bast.net.cn")],
  ["editor name", (d) => (d.footer.editor = "王五")],
  ["distribution group", (d) => d.footer.distribution.push("区科协")],
  ["printed by", (d) => (d.footer.printedBy = "北京市科协办公室")],
  ["printed date", (d) => (d.footer.printedDate = "2023-07-07")],
  ["print run", (d) => (d.footer.printRun = 200)],
];

describe("approval fingerprint", () => {
  const original = bulletinFingerprint(base());
  for (const [field, change] of PRINTED)
    it(`changes when the ${field} changes`, () => {
      const d = base();
      change(d);
      expect(bulletinFingerprint(d)).not.toBe(original);
    });

  it("does not change for what does not print — ids, the draft flag, empty sections — nor for the 审核/签发 names, which are the approval itself", () => {
    const d = base();
    d.draft = true;
    d.footer.reviewer = "赵六";
    d.footer.signer = "孙七";
    d.sections.forEach((s) => s.items.forEach((i) => (i.id = (i.id ?? 0) + 100)));
    d.sections.push({ title: "人才培育", items: [] });
    expect(bulletinFingerprint(d)).toBe(original);
  });

  it("is stable for equal content built separately", () => {
    expect(bulletinFingerprint(base())).toBe(bulletinFingerprint(structuredClone(base())));
  });
});

describe("compareRounds", () => {
  it("reports nothing for the same content", () => {
    expect(compareRounds(base(), base()).unchanged).toBe(true);
  });

  it("reports exactly an edited text, a moved item, an added and a removed item, TOC and footer changes", () => {
    const after = base();
    after.sections[1].items[0].paragraphs[0][0].text = "6月28日，活动举办。";
    after.sections[2].items.push(after.sections[1].items.pop()!); // 第三篇 → 基层动态
    after.sections[0].items.push({ id: 9, title: "新增稿件", paragraphs: [[{ text: "新增。" }]], source: null });
    after.sections[0].items.shift(); // 开篇稿件 removed
    after.toc.push("第三篇");
    after.footer.reviewer = "赵六";
    const c = compareRounds(base(), after);
    expect(c.items.map((i) => [i.kind, i.title])).toEqual([
      ["added", "新增稿件"],
      ["changed", "学会聚力赋能交流研讨活动在京举办"],
      ["moved", "第三篇"],
      ["removed", "开篇稿件"],
    ]);
    const changed = c.items.find((i) => i.kind === "changed");
    expect(changed?.diff?.filter((p) => p.kind !== "same").map((p) => `${p.kind}:${p.text}`)).toEqual(["removed:7", "added:8"]);
    expect(c.toc?.some((p) => p.kind === "added" && p.text.includes("第三篇"))).toBe(true);
    expect(c.footer?.some((p) => p.kind === "added" && p.text.includes("赵六"))).toBe(true);
    expect(c.masthead).toBeNull();
  });

  it("of two swapped neighbours, the one the editor moved is reported", () => {
    const after = base();
    after.sections[1].items.reverse(); // the editor moved 第三篇 (id 3) up
    const c = compareRounds(base(), after, { movedIds: [3] });
    expect(c.items.map((i) => [i.kind, i.title, i.from?.index, i.to?.index])).toEqual([["moved", "第三篇", 1, 0]]);
    const back = compareRounds(base(), base(), { movedIds: [3] }); // moved up and back down: nothing moved
    expect(back.unchanged).toBe(true);
  });

  it("an insertion does not mark the items after it as moved", () => {
    const after = base();
    after.sections[1].items.unshift({ id: 10, title: "插入", paragraphs: [[{ text: "插入。" }]], source: null });
    expect(compareRounds(base(), after).items.map((i) => i.kind)).toEqual(["added"]);
  });
});

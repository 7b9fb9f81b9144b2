// The body's guard against invisible characters and odd spaces: what it removes and replaces,
// what it keeps (emoji sequences, marks), and the notice's numbers.
import { getSchema } from "@tiptap/core";
import { EditorState } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { bulletinExtensions } from "./extensions";
import { InvisibleCleaner } from "@/lib/text/invisible";
import { cleanInvisibles } from "./invisible-guard";

const schema = getSchema(bulletinExtensions);
const stateOf = (paragraphs: { text: string; marks?: string[] }[][]) =>
  EditorState.create({
    schema,
    doc: schema.nodeFromJSON({
      type: "doc",
      content: paragraphs.map((runs) => ({ type: "paragraph", content: runs.map((r) => ({ type: "text", text: r.text, ...(r.marks ? { marks: r.marks.map((type) => ({ type })) } : {}) })) })),
    }),
  });
const texts = (s: EditorState) => {
  const out: string[] = [];
  s.doc.forEach((p) => out.push(p.textContent));
  return out;
};

describe("cleanInvisibles", () => {
  it("removes invisible characters and makes odd spaces ordinary, in every paragraph and run, keeping marks", () => {
    const state = stateOf([
      [{ text: "区科协\u200b召开" }, { text: "全委\u00a0会", marks: ["bold"] }],
      [{ text: "\ufeff家庭\u00ad科普日\u2009开幕" }],
    ]);
    const cleaned = cleanInvisibles(state)!;
    const next = state.apply(cleaned.tr);
    expect(texts(next)).toEqual(["区科协召开全委 会", "家庭科普日 开幕"]);
    // The bold run is still bold.
    const bold: string[] = [];
    next.doc.descendants((n) => {
      if (n.isText && n.marks.some((m) => m.type.name === "bold")) bold.push(n.text!);
    });
    expect(bold).toEqual(["全委 会"]);
    expect(new InvisibleCleaner().merge(cleaned.report.removed, cleaned.report.replaced).notices()).toEqual([
      "已删除 3 个看不见的字符：零宽空格（U+200B）1 个、零宽不换行空格（BOM）（U+FEFF）1 个、软连字符（U+00AD）1 个",
      "已把 2 个特殊空格换成普通空格：不间断空格（U+00A0）1 个、窄空格（U+2009）1 个",
    ]);
  });

  it("keeps emoji sequences, variation selectors and the full-width space; a clean text gives nothing", () => {
    expect(cleanInvisibles(stateOf([[{ text: "家庭科普日👨‍👩‍👧圆满举办❤️　全体参加" }]]))).toBeNull();
    // A joiner between two emoji in differently marked runs is still between two emoji.
    expect(cleanInvisibles(stateOf([[{ text: "👨\u200d" }, { text: "👩", marks: ["italic"] }]]))).toBeNull();
  });

  it("a joiner that joins nothing is removed", () => {
    const state = stateOf([[{ text: "科普\u200d活动" }]]);
    expect(texts(state.apply(cleanInvisibles(state)!.tr))).toEqual(["科普活动"]);
  });
});

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { richDocSchema } from "@/lib/editor/schema";
import { findAllInvisible, findInvisible, InvisibleCleaner, invisibleName, positionOf } from "./invisible";
import { checkText, describeIssues, findTextProblem, textBlock, textLine, textRuleMessage } from "./rule";

// Every character of the kind, with what the rule calls it.
const INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u200f", "\u2062", "\u180e", "\u034f", "\u3164", "\u{e0041}"];
const ODD_SPACES = ["\u00a0", "\u2000", "\u2002", "\u2003", "\u2007", "\u2009", "\u200a", "\u202f", "\u205f", "\u1680"];

describe("invisible and look-alike characters: one kind", () => {
  it("finds every invisible character and odd space, in the middle of text, with its code point and kind", () => {
    for (const c of INVISIBLE) expect(findInvisible(`昌平${c}区科协`), JSON.stringify(c)).toMatchObject({ index: 2, kind: "invisible" });
    for (const c of ODD_SPACES) expect(findInvisible(`科普${c}大会`), JSON.stringify(c)).toMatchObject({ index: 2, kind: "space" });
    expect(findInvisible("科普\u00a0大会")?.char).toBe("U+00A0");
    expect(findInvisible("a\u{e0041}")?.char).toBe("U+E0041");
  });

  it("keeps ordinary text, the full-width space and emoji sequences", () => {
    for (const ok of ["区科协召开全委会", "科普　大会", "Hello world", "李𫖯", "👨‍👩‍👧 一家", "👍🏽好", "❤️科普", "1️⃣第一", "🇨🇳", "🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}", "👩🏽‍💻编程", "葛\u{e0100}"])
      expect(findInvisible(ok), JSON.stringify(ok)).toBeNull();
  });

  it("refuses a joiner or selector that is not part of an emoji sequence", () => {
    expect(findInvisible("科\u200d协")?.char).toBe("U+200D"); // between Han characters
    expect(findInvisible("👍\u200d协")?.char).toBe("U+200D"); // emoji then text
    expect(findInvisible("\u200d👍")?.char).toBe("U+200D"); // at the start
    expect(findInvisible("👍\u200d")?.char).toBe("U+200D"); // at the end
    expect(findInvisible("\ufe0f科")?.char).toBe("U+FE0F"); // selector with nothing before it
    expect(findInvisible("科 \ufe0f")?.char).toBe("U+FE0F"); // after a space
    expect(findInvisible("科\u{e0067}")?.char).toBe("U+E0067"); // a tag outside a flag
    expect(findAllInvisible("a\u200bb\u00a0c\u200b").map((h) => h.char)).toEqual(["U+200B", "U+00A0", "U+200B"]);
  });

  it("says where the character is, in user-perceived characters", () => {
    expect(positionOf("昌平\u200b区", 2)).toEqual({ pos: 3, before: "昌平" });
    expect(positionOf("\u200b区", 0)).toEqual({ pos: 1, before: "" });
    // An emoji family is one character before the ZWSP; 𫖯 is one too.
    const s = "👨‍👩‍👧李𫖯\u200b";
    expect(positionOf(s, s.indexOf("\u200b"))).toEqual({ pos: 4, before: "👨‍👩‍👧李𫖯" });
    expect(positionOf("一二三四五六七八\u200b", 8).before).toBe("三四五六七八");
    expect(positionOf("🇨🇳🇨🇳🇨🇳🇨🇳🇨🇳🇨🇳🇨🇳\u200b", 28).before).toBe("🇨🇳🇨🇳🇨🇳🇨🇳🇨🇳🇨🇳");
    // Other refused characters before it are left out of the quote; the line is named.
    expect(positionOf("第一行\n科\u200b普\u200b", 7)).toEqual({ pos: 3, before: "科普", line: 2 });
  });

  it("names the characters in Chinese and English", () => {
    expect(invisibleName("U+200B")).toBe("零宽空格");
    expect(invisibleName("U+00A0")).toBe("不间断空格");
    expect(invisibleName("U+FEFF")).toBe("零宽不换行空格（BOM）");
    expect(invisibleName("U+00AD", "en")).toBe("soft hyphen");
    expect(invisibleName("U+FE0F")).toBe("变体选择符");
    expect(invisibleName("U+0600")).toBe("不可见的格式字符");
  });

  it("the cleaner removes invisible characters, makes odd spaces ordinary, keeps emoji, and says what it did", () => {
    const c = new InvisibleCleaner();
    expect(c.clean("昌平\u200b区\u200b科协")).toBe("昌平区科协");
    expect(c.clean("科普\u00a0大会\u2009 2026")).toBe("科普 大会  2026");
    expect(c.clean("soft\u00adhyphen\ufeff")).toBe("softhyphen");
    expect(c.clean("👨‍👩‍👧 ❤️")).toBe("👨‍👩‍👧 ❤️");
    expect(c.clean("𫖯\u200d")).toBe("𫖯");
    expect(c.changed).toBe(true);
    expect(c.notices()).toEqual([
      "已删除 5 个看不见的字符：零宽空格（U+200B）2 个、软连字符（U+00AD）1 个、零宽不换行空格（BOM）（U+FEFF）1 个、零宽连接符（U+200D）1 个",
      "已把 2 个特殊空格换成普通空格：不间断空格（U+00A0）1 个、窄空格（U+2009）1 个",
    ]);
    expect(c.notices("en")[1]).toBe("Replaced 2 special spaces with ordinary spaces: no-break space (U+00A0) ×1, thin space (U+2009) ×1");
    const quiet = new InvisibleCleaner();
    expect(quiet.clean("没有问题的标题")).toBe("没有问题的标题");
    expect(quiet.changed).toBe(false);
    expect(quiet.notices()).toEqual([]);
  });
});

describe("the text rule refuses them in one-line fields and bodies alike, naming character and place", () => {
  const schema = z.object({
    title: textLine({ label: "标题", max: 80, required: true }),
    name: textLine({ label: "单位名称", max: 20 }),
    note: textBlock({ label: "给编辑的说明", max: 500 }),
  });
  const first = (input: Record<string, string>) => {
    const r = schema.safeParse({ title: "标题", name: "", note: "", ...input });
    return r.success ? null : describeIssues(r.error.issues)[0];
  };

  it("in a title, a name and a multi-line note", () => {
    expect(first({ title: "昌平\u200b区科协召开全委会" })).toBe("「标题」第 3 个字处（“昌平”之后）有一个看不见的零宽空格（U+200B），请删除后再试。");
    expect(first({ name: "昌平区\u00a0科协" })).toBe("「单位名称」第 4 个字处（“昌平区”之后）有一个不间断空格（U+00A0），看起来像空格但不是普通空格，请换成普通空格或删除后再试。");
    expect(first({ note: "第一行\n第二\u00ad行" })).toBe("「给编辑的说明」第 2 行第 3 个字处（“第二”之后）有一个看不见的软连字符（U+00AD），请删除后再试。");
    expect(first({ title: "\u2060科普" })).toBe("「标题」开头有一个看不见的字连接符（U+2060），请删除后再试。");
    expect(first({ title: "科普\u202f周" })).toContain("窄不间断空格（U+202F）");
    expect(first({ title: "科普\ufeff周" })).toContain("零宽不换行空格（BOM）（U+FEFF）");
  });

  it("keeps emoji sequences and trims odd spaces at the ends like spaces", () => {
    expect(schema.parse({ title: "👨‍👩‍👧 亲子科普日 ❤️", name: "", note: "" }).title).toBe("👨‍👩‍👧 亲子科普日 ❤️");
    expect(schema.parse({ title: "\u00a0科普周\u2003", name: "", note: "" }).title).toBe("科普周");
    expect(checkText("\ufeff科普周")).toEqual({ ok: true, value: "科普周" });
  });

  it("bidi controls keep their own message; English messages name the place", () => {
    expect(findTextProblem("标题\u202e")?.code).toBe("text_bidi");
    expect(textRuleMessage("text_invisible", { field: "Title", char: "U+200B", pos: 3, before: "ab" }, "en")).toBe(
      "“Title” has an invisible zero-width space (U+200B) at character 3 (after “ab”); remove it and try again.",
    );
    expect(textRuleMessage("text_odd_space", { field: "Body", char: "U+00A0", pos: 1, para: 2 }, "en")).toBe(
      "“Body” has a no-break space (U+00A0) at the start of paragraph 2 that looks like a space but is not an ordinary one; replace it with a space or remove it.",
    );
    expect(textRuleMessage("text_invisible", { field: "正文", char: "U+200B", pos: 4, before: "区科协", para: 3 })).toBe("「正文」第 3 段第 4 个字处（“区科协”之后）有一个看不见的零宽空格（U+200B），请删除后再试。");
  });

  it("a body names the paragraph and the place, across bold and plain runs", () => {
    const doc = (...paras: { text: string; marks?: { type: "bold" }[] }[][]) => ({ type: "doc", content: paras.map((content) => ({ type: "paragraph", content: content.map((t) => ({ type: "text", ...t })) })) });
    const bad = richDocSchema.safeParse(doc([{ text: "第一段。" }], [{ text: "区科协", marks: [{ type: "bold" }] }, { text: "召开\u200b会议" }]));
    expect(bad.success).toBe(false);
    if (!bad.success) {
      expect(bad.error.issues[0].path).toEqual(["content", 1]);
      expect(describeIssues(bad.error.issues)[0]).toBe("「正文」第 2 段第 6 个字处（“区科协召开”之后）有一个看不见的零宽空格（U+200B），请删除后再试。");
    }
    const space = richDocSchema.safeParse(doc([{ text: "科普\u00a0大会" }]));
    expect(space.success).toBe(false);
    if (!space.success) expect(describeIssues(space.error.issues)[0]).toContain("「正文」第 1 段第 3 个字处（“科普”之后）有一个不间断空格（U+00A0）");
    expect(richDocSchema.safeParse(doc([{ text: "家庭科普日👨‍👩‍👧，大家都说好👍🏽。" }])).success).toBe(true);
  });
});

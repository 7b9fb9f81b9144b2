import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkText, describeIssues, findTextProblem, isBlank, isEmail, isRealDate, loginKey, nameKey, realDate, textBlock, textLine, textRuleMessage } from "./rule";

describe("the text rule", () => {
  it("refuses controls, bidi overrides, lone surrogates and (one-line) line breaks, naming the character", () => {
    expect(findTextProblem("标题\u0000")).toEqual({ code: "text_control", char: "U+0000" });
    expect(findTextProblem("标题\u000b")).toEqual({ code: "text_control", char: "U+000B" });
    expect(findTextProblem("标题\u0085")?.code).toBe("text_control");
    expect(findTextProblem("标题\u202e反转")).toEqual({ code: "text_bidi", char: "U+202E" });
    expect(findTextProblem("a\u2067b")?.code).toBe("text_bidi");
    expect(findTextProblem("a\ud800b")).toEqual({ code: "text_surrogate", char: "U+D800" });
    expect(findTextProblem("a\udc00")?.code).toBe("text_surrogate");
    expect(findTextProblem("😀")).toBeNull();
    expect(findTextProblem("一行\n两行")?.code).toBe("text_line_break");
    expect(findTextProblem("一行\u2028两行")).toEqual({ code: "text_line_break", char: "U+2028" });
    expect(findTextProblem("一行\n两行", { multiline: true })).toBeNull();
    expect(findTextProblem("<b>粗</b>", { noMarkup: true })?.code).toBe("text_markup");
    // Markup is a tag a browser would read; angle brackets used as text are text (and the message names the tag).
    for (const tag of ["<img src=x onerror=alert(1)>", "</p>", "<!-- 注释 -->", '<a href="javascript:x">点</a>', "<o:p></o:p>", "<SCRIPT>", "<br/>"])
      expect(findTextProblem(`正文${tag}`, { noMarkup: true })?.code, tag).toBe("text_markup");
    expect(findTextProblem("<b>粗</b>", { noMarkup: true })?.char).toBe("<b>");
    for (const text of ["a<b 和 c>d", "论文《基于<Transformer>的方法》获奖", "PM2.5<35，优良率>80%", "x<y>z", "1<2 and 3>2"])
      expect(findTextProblem(text, { noMarkup: true }), text).toBeNull();
    expect(findTextProblem("1 < 2 > 0", { noMarkup: true })).toBeNull();
  });

  it("normalises to NFC; spaces alone are empty; zero-width characters are refused, not taken as empty", () => {
    expect(checkText("e\u0301")).toEqual({ ok: true, value: "\u00e9" });
    expect(checkText(" \u3000", { required: true })).toEqual({ ok: false, problem: { code: "text_empty" } });
    // A BOM or no-break space at an end is trimmed like a space.
    expect(checkText("\ufeff \u00a0", { required: true })).toEqual({ ok: false, problem: { code: "text_empty" } });
    expect(checkText("\u200b\u200b \u3000", { required: true })).toEqual({ ok: false, problem: { code: "text_invisible", char: "U+200B", pos: 1, before: "" } });
    expect(isBlank("\u200d")).toBe(true);
    expect(isBlank("科")).toBe(false);
  });

  it("names equal after removing invisible characters are one name; logins ignore case", () => {
    expect(nameKey("昌平区\u200b科协")).toBe(nameKey("昌平区科协"));
    expect(nameKey(" 昌平区\ufeff科协 ")).toBe("昌平区科协");
    // A space beside a Chinese character, ordinary or ideographic, means nothing in a name; between Latin words it does.
    for (const spaced of ["昌平区\u3000科协", "昌平区 科协", "昌平区　 科协", " 昌平区科协\u3000"]) expect(nameKey(spaced)).toBe("昌平区科协");
    expect(nameKey("IEEE 北京分会")).toBe(nameKey("IEEE北京分会"));
    expect(nameKey("Beijing  Society\u3000of Science")).toBe("Beijing Society of Science");
    expect(nameKey("BeijingSociety")).not.toBe(nameKey("Beijing Society"));
    expect(loginKey("Editor")).toBe(loginKey("editor"));
  });

  it("dates are real days and mailboxes are addresses", () => {
    expect(isRealDate("2026-02-28")).toBe(true);
    expect(isRealDate("2024-02-29")).toBe(true);
    expect(isRealDate("2026-02-30")).toBe(false);
    expect(isRealDate("2026-13-01")).toBe(false);
    expect(isRealDate("2026-2-3")).toBe(false);
    expect(isEmail("skxxxbs@bast.net.cn")).toBe(true);
    expect(isEmail("not a mailbox")).toBe(false);
    expect(realDate().safeParse("2026-02-30").success).toBe(false);
  });

  it("zod helpers refuse with a code and a Chinese message naming the field", () => {
    const schema = z.object({ title: textLine({ label: "标题", max: 10, required: true }), note: textBlock({ label: "处理意见", max: 100 }) });
    const bad = schema.safeParse({ title: "标题\u202e反转", note: "好" });
    expect(bad.success).toBe(false);
    if (!bad.success) {
      expect(bad.error.issues[0].message).toBe("text_bidi");
      expect(describeIssues(bad.error.issues)[0]).toBe("「标题」含有改变文字方向的控制字符（U+202E），会使文字显示颠倒，请删除后再试。");
    }
    expect(schema.safeParse({ title: "\u200b", note: "" }).success).toBe(false);
    expect(schema.safeParse({ title: "十一个字十一个字十一个", note: "" }).success).toBe(false);
    expect(schema.parse({ title: " 标题 ", note: "一\r\n二" })).toEqual({ title: "标题", note: "一\n二" });
    expect(textRuleMessage("text_empty", { field: "标题" })).toBe("请填写「标题」。");
  });
});

describe("a too-long field is named with its limit", () => {
  it("even where the schema asked for the bare too_long", async () => {
    const { textLine: line, textRuleMessage: message } = await import("./rule");
    const r = line({ label: "目录提要", max: 60, tooLong: "too_long" }).safeParse("科".repeat(61));
    expect(r.success).toBe(false);
    const issue = r.error!.issues[0] as { message: string; params?: { field?: string; max?: number } };
    expect(issue.message).toBe("text_too_long");
    expect(message("text_too_long", issue.params)).toBe("「目录提要」过长（最多 60 字）。");
  });
});

describe("the body's text nodes follow the same markup rule", () => {
  it("keeps angle brackets used as text and refuses a tag, naming the field and the tag", async () => {
    const { richDocSchema } = await import("@/lib/editor/schema");
    const body = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
    expect(richDocSchema.safeParse(body("研究了 a<b 和 c>d 的情形。")).success).toBe(true);
    expect(richDocSchema.safeParse(body("论文《基于<Transformer>的方法》获奖。")).success).toBe(true);
    const refused = richDocSchema.safeParse(body("正文<script>alert(1)</script>"));
    expect(refused.success).toBe(false);
    expect(JSON.stringify(refused.error?.issues)).toContain("text_markup");
    expect(JSON.stringify(refused.error?.issues)).toContain("<script>");
  });

  it("a body over 400 paragraphs is refused with its own message, not 「格式不正确」", async () => {
    const { richDocSchema, MAX_PARAGRAPHS } = await import("@/lib/editor/schema");
    const zh = (await import("@/lib/i18n/messages/zh-CN/common.json")).default as { errors: { fields: Record<string, string> } };
    const many = { type: "doc", content: Array.from({ length: MAX_PARAGRAPHS + 50 }, (_, k) => ({ type: "paragraph", content: [{ type: "text", text: `第${k + 1}段。` }] })) };
    const r = richDocSchema.safeParse(many);
    expect(r.success).toBe(false);
    const code = r.error!.issues[0].message;
    expect(code).toBe("body_too_many_paragraphs");
    expect(zh.errors.fields[code]).toContain("400 段");
  });
});

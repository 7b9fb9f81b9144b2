import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";

// zhlint's browser build decodes HTML entities with a DOM element (see copycheck.test.ts).
vi.hoisted(() => {
  const g = globalThis as { document?: unknown };
  g.document ??= { createElement: () => ({ innerHTML: "", get textContent() { return (this as { innerHTML: string }).innerHTML; } }) };
});

const { applyFindings, checkParagraphs, checkText } = await import("./index");

const body = (t: string) => checkText(t, { kind: "body" });
const fixed = (t: string) => applyFindings(t, body(t));

describe("copy checks never touch a numbering marker", () => {
  const markers = ["一、", "（一）", "(二)", "1.", "1．", "12.", "1、", "1）", "2)", "（1）", "(3)", "①", "⑫", "第一条", "第3章", "1.1", "2.3.1", "a)", "b.", "Ⅲ.", "IV.", "ⅱ"];
  it.each(markers)("「%s」 at the start of a paragraph and after a colon or semicolon is left as it is", (m) => {
    for (const text of [`${m}召开动员会议`, `${m}召开动员会议,明确分工。`, `主要做法：${m}加强组织领导；${m}完善工作制度。`]) {
      const out = fixed(text);
      expect(out.startsWith(text.startsWith(m) ? m : "主要做法：")).toBe(true);
      expect(out.split(m).length).toBe(text.split(m).length);
    }
  });

  it("still fixes what is wrong around the marker", () => {
    // A short list item is a heading: no 。 is asked for.
    expect(fixed("1.召开动员会议,明确分工")).toBe("1.召开动员会议，明确分工");
    expect(fixed("1.召开动员会议,明确分工,会上各单位负责同志逐一汇报了本单位的工作进展情况和下一步打算,会议要求各单位抓好落实")).toMatch(/^1\.召开动员会议，明确分工，.*抓好落实。$/);
    expect(fixed("1）加强组织领导(牵头单位:办公室)。")).toBe("1）加强组织领导（牵头单位：办公室）。");
  });
});

describe("multi-paragraph quotations (GB/T 15834: each paragraph opens “, only the last closes)", () => {
  it("flags no open quote of a paragraph that continues the quotation, in several shapes", () => {
    const shapes = [
      ["他在讲话中指出：", "“第一，要提高认识。", "“第二，要压实责任。", "“第三，要狠抓落实。”"],
      ["“科普工作是一项长期任务。", "“各单位要把‘科普月’活动办好。”"],
      ["　　“要坚持问题导向。", "　　“要坚持目标导向。”会议强调。"],
    ];
    for (const paras of shapes) {
      const findings = checkParagraphs(paras).flat();
      expect(findings.filter((f) => /quote/.test(f.rule))).toEqual([]);
    }
  });

  it("still flags a quotation that is really unbalanced", () => {
    const [first, second] = checkParagraphs(["“第一段引文。", "第二段没有引号。"]);
    expect(first.map((f) => f.rule)).toContain("quote_unbalanced");
    expect(second.filter((f) => /quote/.test(f.rule))).toEqual([]);
  });
});

describe("where zhlint fails, our rules still run", () => {
  it("finds the half-width punctuation and spaces in paragraphs zhlint throws on", () => {
    expect(fixed("他说：“好”.然后,我们走了")).toBe("他说：“好”。然后，我们走了。");
    expect(fixed("会上强调：“要抓好落实”.会议要求,各单位 认真执行;")).toBe("会上强调：“要抓好落实”。会议要求，各单位认真执行；");
  });
});

// Letters, digits and Han characters, in order. Full-width letters and digits count as their
// half-width forms (fullwidth_alnum); the one digit a suggestion may drop is the leading zero of a
// month or day (date_zero: 07月 → 7月), which is not a digit of the value.
const HAN = /[\p{Script=Han}]/u;
const isSignificant = (c: string) => /[A-Za-z0-9]/.test(c.normalize("NFKC")) || HAN.test(c);
const significant = (s: string, skip: Set<number> = new Set()) =>
  Array.from(s.matchAll(/[\s\S]/gu))
    .filter((m) => !skip.has(m.index) && isSignificant(m[0]))
    .map((m) => m[0].normalize("NFKC"));

/** Whether `a` appears in order inside `b` (the fix may insert 年月日 into a date, never remove). */
function isSubsequence(a: string[], b: string[]): boolean {
  let j = 0;
  for (const c of b) if (j < a.length && c === a[j]) j++;
  return j === a.length;
}

export const PROPERTY_RUNS = 3000;

describe("property: applying every suggestion never removes or changes a letter, digit or Han character", () => {
  const pieces = [
    "科协", "召开", "会议", "王喆", "热合曼·艾力", "㻞", "𫖯", "5G", "AI", "Mr.", "COVID-19", "2023", "07", "10", "9", "3.5", "1,000", "9:30", "Ａ", "１２",
    "，", "。", "、", "；", "：", "？", "！", ",", ".", ";", ":", "?", "!", "...", "。。。", "……", "“", "”", "\"", "‘", "’", "'", "（", "）", "(", ")", "《", "》", "【", "】",
    " ", "  ", "\u3000", "\u00a0", "年", "月", "日", "-", "/", "一、", "（一）", "1.", "1）", "①", "第一条", "a)", "Ⅲ.", "%", "℃",
  ];
  const paragraph = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 24 }).map((a) => a.join(""));
  it(`holds for ${PROPERTY_RUNS} generated bodies of 1–4 paragraphs`, () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 4 }), (paras) => {
        checked++;
        const findings = checkParagraphs(paras);
        paras.forEach((p, i) => {
          const out = applyFindings(p, findings[i]);
          const zeros = new Set(findings[i].filter((f) => f.rule === "date_zero").map((f) => f.start));
          expect(isSubsequence(significant(p, zeros), significant(out)), `${JSON.stringify(p)} → ${JSON.stringify(out)}`).toBe(true);
        });
      }),
      { numRuns: PROPERTY_RUNS, seed: 20231009 },
    );
    expect(checked).toBe(PROPERTY_RUNS);
  });
});

describe("what is written by other rules is left alone: links, e-mail addresses, Latin-script sentences", () => {
  const fix = (t: string) => applyFindings(t, checkParagraphs([t])[0]);
  it.each([
    ["详情请访问https://www.bast.net.cn/art/2024/3/15/art_1.html,或发邮件至kx@example.cn", "详情请访问https://www.bast.net.cn/art/2024/3/15/art_1.html，或发邮件至kx@example.cn。"],
    ["见www.example.cn/2023.10.9/a,b.html", "见www.example.cn/2023.10.9/a,b.html。"],
    ["联系邮箱:zhang.san@bast.net.cn", "联系邮箱：zhang.san@bast.net.cn。"],
    ["他引用了英文原句“Science is a way of thinking.”并作了解读", "他引用了英文原句“Science is a way of thinking.”并作了解读。"],
    ["主题为Science, Technology and Society,反响热烈", "主题为Science, Technology and Society，反响热烈。"],
  ])("%s", (input, expected) => {
    expect(fix(input)).toBe(expected);
  });
  it("a quotation that ends its sentence inside (「.」 made 。) gets no second 。 after the closing quote", () => {
    expect(fix("会议强调:“要抓好落实.”")).toBe("会议强调：“要抓好落实。”");
    expect(fix("他问:“准备好了吗?”")).toBe("他问：“准备好了吗？”");
  });
});

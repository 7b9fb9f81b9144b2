import { describe, expect, it } from "vitest";
import { countDoc, countParagraphs, countText, graphemes, lengthOf } from "./count";

const doc = (...paras: string[][]) => ({ type: "doc" as const, content: paras.map((runs) => ({ type: "paragraph" as const, ...(runs.length ? { content: runs.map((text) => ({ type: "text" as const, text })) } : {}) })) });

describe("字数 (countText / countDoc)", () => {
  it("counts every non-white-space character once: Han, Latin, digits, punctuation", () => {
    expect(countText("")).toBe(0);
    expect(countText("科协")).toBe(2);
    expect(countText("AI大模型2024年")).toBe(10);
    expect(countText("他说：“好。”")).toBe(7);
    expect(countText("（一）加强组织领导，明确分工。")).toBe(15);
    expect(countText("Hello, world!")).toBe(12);
  });
  it("does not count spaces of any kind, nor invisible format characters", () => {
    expect(countText(" \t\n")).toBe(0);
    expect(countText("科\u3000协")).toBe(2); // full-width space
    expect(countText("\u3000\u3000首行缩进")).toBe(4);
    expect(countText("a\u00a0b")).toBe(2); // no-break space
    expect(countText("零\u200b宽\u200d字\ufeff符\u2060")).toBe(4);
    expect(countText("soft\u00adhyphen")).toBe(10);
  });
  it("counts a character outside the BMP once", () => {
    expect(countText("李𫖯")).toBe(2);
    expect("李𫖯".length).toBe(3);
  });
  it("does not count paragraph breaks or empty paragraphs, and sums runs (bold/italic) alike", () => {
    // Spaces inside and between runs and the empty paragraphs add nothing.
    const body = doc(["区科协召开 2023 年度", "科普工作会议"], [], ["全区共建成科普基地 42 个。"], []);
    expect(countDoc(body)).toBe(countText("区科协召开2023年度科普工作会议全区共建成科普基地42个。"));
    expect(countDoc(body)).toBe(30);
    expect(countDoc(doc([]))).toBe(0);
    expect(countDoc({ content: [] })).toBe(0);
    expect(countDoc(null)).toBe(0);
  });
  it("counts printable paragraphs the same as the stored body", () => {
    const paras = [[{ text: "　　会议要求，" }, { text: "各单位 A 级", bold: true }], [], [{ text: "注：数据来源：区统计局。" }]];
    expect(countParagraphs(paras)).toBe(countDoc(doc(["　　会议要求，", "各单位 A 级"], [], ["注：数据来源：区统计局。"])));
    expect(countParagraphs(paras)).toBe(6 + 4 + 12);
  });
  it("counts an emoji sequence, a flag and a combining accent as one character", () => {
    expect(countText("👨‍👩‍👧")).toBe(1);
    expect(countText("点赞👍🏽🇨🇳")).toBe(4);
    expect(countText("cafe\u0301")).toBe(4);
    expect(countText("❤️科普")).toBe(3);
  });
});

describe("lengthOf — the one length of a field's limit and counter", () => {
  it("counts user-perceived characters, spaces included, in every shape", () => {
    expect(lengthOf("")).toBe(0);
    expect(lengthOf("科协 2024")).toBe(7);
    expect(lengthOf("李𫖯")).toBe(2);
    expect(lengthOf("👨‍👩‍👧")).toBe(1);
    expect(lengthOf("🇨🇳🇺🇳")).toBe(2);
    expect(lengthOf("👍🏽好")).toBe(2);
    expect(lengthOf("e\u0301")).toBe(1);
    expect(lengthOf("科\u3000协")).toBe(3);
    // The tester's title: 15 visible characters, 29 UTF-16 units.
    const title = "👨‍👩‍👧科普日活动圆满成功！👨‍👩‍👧家庭好";
    expect(title.length).toBe(29);
    expect(lengthOf(title)).toBe(15);
    expect(graphemes("a👨‍👩‍👧b")).toEqual(["a", "👨‍👩‍👧", "b"]);
  });
});

import { describe, expect, it } from "vitest";
import type { LatestItem } from "@/lib/data/items";
import { paragraphsToDoc } from "@/lib/editor/schema";
import { addCoUnit, bodyChars, fromLatest, hasText, type ItemFormValues, lengthBand, oneLineTitle, sameValues, toPayload } from "./form-values";
import { InvisibleCleaner } from "@/lib/text/invisible";

const v = (o: Partial<ItemFormValues> = {}): ItemFormValues => ({
  title: "区科协召开科普工作会议",
  body: paragraphsToDoc(["会议要求，各单位要把科普工作摆上重要位置。"]),
  source: "昌平区科协",
  suggestedSectionId: null,
  eventDate: "",
  contactName: "刘明",
  contactPhone: "",
  noteToEditor: "",
  ...o,
});

describe("the item form's values", () => {
  it("sameValues ignores surrounding spaces, empty paragraphs and mark order, not text", () => {
    expect(sameValues(v(), v({ title: "  区科协召开科普工作会议 ", source: "昌平区科协 " }))).toBe(true);
    expect(sameValues(v(), v({ body: { type: "doc", content: [...v().body.content, { type: "paragraph" }] } }))).toBe(true);
    const marked = (marks: { type: "bold" | "italic" }[]) => v({ body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "粗斜", marks }] }] } });
    expect(sameValues(marked([{ type: "bold" }, { type: "italic" }]), marked([{ type: "italic" }, { type: "bold" }]))).toBe(true);
    expect(sameValues(marked([{ type: "bold" }]), marked([]))).toBe(false);
    expect(sameValues(v(), v({ title: "区科协召开科普工作会" }))).toBe(false);
    expect(sameValues(v(), v({ suggestedSectionId: 3 }))).toBe(false);
  });

  it("hasText: a title or body text that is not white space", () => {
    expect(hasText(v())).toBe(true);
    expect(hasText(v({ title: "", body: paragraphsToDoc(["　 "]) }))).toBe(false);
    expect(hasText(v({ title: " ", body: { type: "doc", content: [{ type: "paragraph" }] } }))).toBe(false);
    expect(hasText(v({ title: "", body: paragraphsToDoc(["", "正文"]) }))).toBe(true);
  });

  it("toPayload sends blank attribution and date as null, and callId only when the form has one", () => {
    expect(toPayload(v({ source: "  ", eventDate: "" }))).toMatchObject({ source: null, eventDate: null });
    expect("callId" in toPayload(v())).toBe(false);
    expect(toPayload(v({ callId: null })).callId).toBeNull();
    expect(toPayload(v({ eventDate: "2026-06-20" })).eventDate).toBe("2026-06-20");
  });

  it("fromLatest turns the stored fields into form values", () => {
    const latest = { fields: { ...v(), source: null, eventDate: null, callId: undefined } } as unknown as LatestItem;
    expect(fromLatest(latest)).toEqual({ ...v(), source: "", eventDate: "", callId: null });
  });

  it("bodyChars is 字数 (no spaces, no paragraph breaks) and lengthBand follows it", () => {
    expect(bodyChars(v({ body: paragraphsToDoc(["　　会议 要求，", "", "A 级。"]) }))).toBe(8);
    expect(lengthBand(0)).toBe("empty");
    expect(lengthBand(299)).toBe("short");
    expect(lengthBand(300)).toBe("good");
    expect(lengthBand(800)).toBe("good");
    expect(lengthBand(801)).toBe("long");
    expect(lengthBand(1501)).toBe("tooLong");
  });

  it("addCoUnit joins by 、 once", () => {
    expect(addCoUnit("昌平区科协", " 北京制冷学会 ")).toBe("昌平区科协、北京制冷学会");
    expect(addCoUnit("昌平区科协、北京制冷学会", "北京制冷学会")).toBe("昌平区科协、北京制冷学会");
    expect(addCoUnit("", "东城区科协")).toBe("东城区科协");
    expect(addCoUnit("昌平区科协", "  ")).toBe("昌平区科协");
  });

  it("oneLineTitle removes line breaks: joined between Han characters, a space elsewhere; says when it changed something", () => {
    expect(oneLineTitle("区科协召开\n科普工作会议")).toEqual({ value: "区科协召开科普工作会议", changed: true, cleaned: [] });
    expect(oneLineTitle("区科协召开\r\n  科普工作会议\n")).toEqual({ value: "区科协召开科普工作会议", changed: true, cleaned: [] });
    expect(oneLineTitle("AI 大会\nBeijing 2026")).toEqual({ value: "AI 大会 Beijing 2026", changed: true, cleaned: [] });
    expect(oneLineTitle("学会\n2026年年会")).toEqual({ value: "学会 2026年年会", changed: true, cleaned: [] });
    expect(oneLineTitle("“科技之春”\u2028宣传月")).toEqual({ value: "“科技之春”宣传月", changed: true, cleaned: [] });
    expect(oneLineTitle("李𫖯\n出席")).toEqual({ value: "李𫖯出席", changed: true, cleaned: [] });
    expect(oneLineTitle("一行标题 不变")).toEqual({ value: "一行标题 不变", changed: false, cleaned: [] });
    // Tabs and other control spaces become one space, as the hint says.
    expect(oneLineTitle("第一行标题\r\n第二行 标题\n\n第三行\t标题")).toEqual({ value: "第一行标题第二行 标题第三行 标题", changed: true, cleaned: [] });
    expect(oneLineTitle("科普\t\t 大会\f2026")).toEqual({ value: "科普 大会 2026", changed: true, cleaned: [] });
  });

  it("oneLineTitle removes invisible characters and makes odd spaces ordinary, saying which; emoji stay", () => {
    expect(oneLineTitle("昌平区\u200b科协召开全委会")).toEqual({ value: "昌平区科协召开全委会", changed: false, cleaned: ["已删除 1 个看不见的字符：零宽空格（U+200B）1 个"] });
    expect(oneLineTitle("科普\u00a0大会\u202f2026")).toEqual({ value: "科普 大会 2026", changed: false, cleaned: ["已把 2 个特殊空格换成普通空格：不间断空格（U+00A0）1 个、窄不间断空格（U+202F）1 个"] });
    expect(oneLineTitle("\ufeff科普\u00ad周\n活动")).toEqual({ value: "科普周活动", changed: true, cleaned: ["已删除 2 个看不见的字符：零宽不换行空格（BOM）（U+FEFF）1 个、软连字符（U+00AD）1 个"] });
    expect(oneLineTitle("亲子科普日👨‍👩‍👧 ❤️")).toEqual({ value: "亲子科普日👨‍👩‍👧 ❤️", changed: false, cleaned: [] });
    expect(oneLineTitle("a\u2060b", "en").cleaned).toEqual(["Removed 1 invisible characters: word joiner (U+2060) ×1"]);
  });
});

describe("oneLineTitle with the field's own cleaner", () => {
  it("counts what every input removed, typed one character at a time", () => {
    const cleaner = new InvisibleCleaner();
    let title = "";
    let last: string[] = [];
    for (const ch of "键入\u200b标题\u00a0测试") {
      const one = oneLineTitle(title + ch, "zh-CN", cleaner);
      title = one.value;
      last = one.cleaned;
    }
    expect(title).toBe("键入标题 测试");
    expect(last).toEqual(["已删除 1 个看不见的字符：零宽空格（U+200B）1 个", "已把 1 个特殊空格换成普通空格：不间断空格（U+00A0）1 个"]);
  });
});

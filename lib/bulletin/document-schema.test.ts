import { describe, expect, it } from "vitest";
import { bulletinDocumentSchema } from "./document-schema";

const doc = (title: string, run = "正文。", section = "科普工作") => ({
  masthead: { title: "科协每周动态", year: 2024, number: 3, totalNumber: 90, office: "北京市科协办公室", date: "2024-03-15" },
  toc: [],
  sections: [{ title: section, items: [{ title, paragraphs: [[{ text: "开头" }, { text: run, bold: true }]], source: "昌平区科协" }] }],
  footer: { mailbox: "", editor: "张红波", reviewer: "李金涛", distribution: [] },
  draft: true,
});

describe("the one document schema and the text rule", () => {
  it("refuses a title of only spaces or invisible characters, in every shape", () => {
    for (const t of ["\u200b\u200b", "   ", "\u3000", "\u200b \ufeff", "\u2060\u00ad"]) {
      const r = bulletinDocumentSchema.safeParse(doc(t));
      expect(r.success, JSON.stringify(t)).toBe(false);
      if (!r.success) expect(r.error.issues[0].message).toBe("不能只有空格或不可见字符");
    }
  });

  it("keeps an untitled brief in a brief column only, and a run that is a lone space between bold and plain", () => {
    for (const column of ["简讯", "动态简讯", "工作简讯", "短讯集锦"]) expect(bulletinDocumentSchema.safeParse(doc("", "正文。", column)).success, column).toBe(true);
    for (const column of ["科普工作", "基层动态"]) expect(bulletinDocumentSchema.safeParse(doc("", "正文。", column)).success, column).toBe(false);
    expect(bulletinDocumentSchema.safeParse(doc("区科协召开全委会", " ")).success).toBe(true);
  });

  it("refuses control and direction characters and markup in a title", () => {
    for (const t of ["标题\u202e反转", "标题\u0000", "<b>标题</b>"]) expect(bulletinDocumentSchema.safeParse(doc(t)).success, JSON.stringify(t)).toBe(false);
  });
});

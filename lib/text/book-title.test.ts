import { describe, expect, it } from "vitest";
import type { BulletinDocument } from "@/lib/bulletin/document";
import { findUnprintable } from "@/lib/bulletin/glyph-preflight";
import { bookTitle, innerBookTitle } from "./book-title";

describe("titles in 书名号", () => {
  it("a title's own 《》 become 〈〉 inside the outer pair (GB/T 15834-2011)", () => {
    expect(bookTitle("学习贯彻《某某法》座谈会")).toBe("《学习贯彻〈某某法〉座谈会》");
    expect(bookTitle("《甲》与《乙》对照")).toBe("《〈甲〉与〈乙〉对照》");
    expect(bookTitle("普通标题")).toBe("《普通标题》");
    expect(bookTitle("")).toBe("《》");
    expect(innerBookTitle("读《丙》")).toBe("读〈丙〉");
  });

  it("the glyph preflight names a place by the title in 书名号, its own pair as 〈〉", () => {
    const doc: BulletinDocument = {
      masthead: { title: "某某简报", year: 2031, number: 1, totalNumber: 1, office: "某办公室", date: "2031-01-05" },
      toc: [],
      sections: [{ title: "工作动态", items: [{ title: "学习《某某法》座谈会", paragraphs: [[{ text: "甲\u{2EBF0}乙" }]], source: "某单位" }] }],
      footer: { mailbox: "", editor: "甲", reviewer: "乙", distribution: [] },
      draft: false,
    };
    expect(findUnprintable(doc, (cp) => cp < 0x20000)[0].places).toEqual(["《学习〈某某法〉座谈会》第1段"]);
  });
});

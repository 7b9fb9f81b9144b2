import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseBulletinDocument, type BulletinDocument } from "./document-schema";
import { compareRounds } from "./compare";
import { bulletinToDocx } from "./docx";
import { bulletinFingerprint } from "./fingerprint";
import { parseBulletinText } from "./parse-text";
import { bulletinToPrintHtml, printTitleLines } from "./print-html";
import { bulletinToText } from "./text";

const LONG_A = "中国制冷学会、北京制冷学会与北京市科学技术协会联合举办制冷空调行业科技成果对接会";
const LONG_B = "海淀区科协召开AI大模型赋能科技服务座谈会暨2024年度首都科技工作者创新创业服务月启动会";

function doc(breaksA?: number[]): BulletinDocument {
  return parseBulletinDocument({
    masthead: { title: "科协每周动态", year: 2026, number: 3, totalNumber: 90, office: "北京市科协办公室", date: "2026-03-06" },
    toc: [],
    sections: [
      {
        title: "基层动态",
        items: [
          { id: 1, title: LONG_A, paragraphs: [[{ text: "6月26日下午，活动举办。" }]], source: "北京制冷学会", ...(breaksA ? { titleBreaks: breaksA } : {}) },
          { id: 2, title: LONG_B, paragraphs: [[{ text: "会议指出，要做好服务。" }]], source: "海淀区科协" },
        ],
      },
    ],
    footer: { mailbox: "kx@example.cn", editor: "王五", reviewer: "赵六", distribution: [] },
    draft: true,
  });
}

describe("titles in every export", () => {
  it("print HTML sets each title line whole, in its own unbreakable span", () => {
    const html = bulletinToPrintHtml(doc());
    expect(html).toContain(
      '<h3 class="item-title"><span class="title-line">中国制冷学会、北京制冷学会与北京市科学技术协会</span><span class="title-line">联合举办制冷空调行业科技成果对接会</span></h3>',
    );
    expect(html).toContain('<span class="title-line">暨2024年度首都科技工作者创新创业服务月启动会</span>');
    expect(html).toMatch(/\.item-title \.title-line \{ display: block; white-space: nowrap; \}/);
  });

  it("a manual break moves the print line, the text export's line and the docx line", async () => {
    const d = doc([13]);
    expect(printTitleLines(d.sections[0].items[0])[0]).toBe("中国制冷学会、北京制冷学会");
    expect(bulletinToPrintHtml(d)).toContain('<span class="title-line">中国制冷学会、北京制冷学会</span><span class="title-line">与北京市');
    const text = bulletinToText(d);
    expect(text).toContain("\n\n中国制冷学会、北京制冷学会\n与北京市科学技术协会联合举办制冷空调行业科技成果对接会\n\n");
    // Without a manual break the text export keeps a title on one line.
    expect(bulletinToText(doc())).toContain(`\n\n${LONG_A}\n\n`);
    // The text reads back as the same title.
    expect(parseBulletinText(text).sections[0].items.map((i) => i.title)).toEqual([LONG_A, LONG_B]);

    const dir = mkdtempSync(path.join(tmpdir(), "titles-docx-"));
    const file = path.join(dir, "t.docx");
    writeFileSync(file, await bulletinToDocx(d));
    const xml = execFileSync("unzip", ["-p", file, "word/document.xml"], { encoding: "utf8", maxBuffer: 32 << 20 });
    expect(xml).toMatch(/<w:t xml:space="preserve">中国制冷学会、北京制冷学会<\/w:t><\/w:r><w:r>(?:<w:rPr>[\s\S]*?<\/w:rPr>)?<w:br\/><w:t xml:space="preserve">与北京市/);
  });

  it("a reviewer's comparison of two rounds shows a changed break as ↵", () => {
    const cmp = compareRounds(doc(), doc([13]));
    expect(cmp.unchanged).toBe(false);
    const change = cmp.items.find((i) => i.kind === "changed");
    expect(change?.diff?.filter((p) => p.kind === "added").map((p) => p.text)).toEqual(["↵"]);
    expect(compareRounds(doc([13]), doc([13])).unchanged).toBe(true);
  });

  it("manual breaks count in the fingerprint only when set", () => {
    expect(bulletinFingerprint(doc([13]))).not.toBe(bulletinFingerprint(doc()));
    expect(bulletinFingerprint(doc([]))).toBe(bulletinFingerprint(doc()));
  });

  it("the document schema refuses breaks that do not fit the title, in Chinese", () => {
    expect(() => doc([6])).toThrow(/标点不能放在行首或行尾/);
    expect(() => doc([200])).toThrow(/不在标题之内/);
  });
});

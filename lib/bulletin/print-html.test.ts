import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { BulletinDocument } from "./document";
import { fontAsset, fontStylesheet } from "./font-files";
import { bulletinToPrintHtml } from "./print-html";

const doc: BulletinDocument = {
  masthead: { title: "科协每周动态", year: 2026, number: 3, totalNumber: 90, office: "某市科协办公室", date: "2026-03-06" },
  toc: ['标题"一"<i>'],
  sections: [
    { title: null, items: [{ id: 7, title: "导语稿件", paragraphs: [[{ text: "导语。" }]], source: null }] },
    { title: "科普<工作>", items: [{ id: 8, title: "A&B </style><script>alert(1)</script>", paragraphs: [[{ text: "普通" }, { text: "粗", bold: true }, { text: "斜", italic: true }, { text: "粗斜", bold: true, italic: true }], [{ text: "末段" }]], source: "某区科协" }] },
    { title: "空栏目", items: [] },
  ],
  footer: { mailbox: "a@b.cn", editor: "张三", reviewer: "李四", distribution: ["甲", "乙"], printedBy: "某市科协办公室", printedDate: "2026-03-06", printRun: 80 },
  draft: false,
};

describe("print HTML", () => {
  const html = bulletinToPrintHtml(doc);

  it("is one complete page with its print CSS, naming its faces by URL under the font base", () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toContain('<link rel="stylesheet" href="/fonts/bulletin/fonts.css">');
    expect(bulletinToPrintHtml(doc, { fontBaseUrl: "https://x.test/f/" })).toContain('href="https://x.test/f/fonts.css"');
    expect(html).toContain("@page { size: A4; margin: 37mm 26mm 35mm 28mm; }");
    expect(html).toMatch(/@page :right \{ @bottom-right \{ content: "— " counter\(page\) " —"/);
    expect(html).toMatch(/@page :left \{ @bottom-left \{ content: "— " counter\(page\) " —"/);
    expect(html).toContain('"仿宋_GB2312", "FangSong_GB2312"');
    expect(html).toContain('"方正小标宋简体"');
  });

  it("escapes every string of the document", () => {
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<i>");
    expect(html).toContain("A&amp;B &lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("【科普&lt;工作&gt;】");
    expect(html.replace(/<\/?span( class="w")?>/g, "")).toContain("标题&quot;一&quot;&lt;i&gt;");
  });

  it("prints the structure: lead items without a heading, sections, titles, runs, attribution at the end of the last paragraph, 版记", () => {
    expect(html).toContain('<section class="section lead"><article class="item" id="item-7" data-item-id="7"><h3 class="item-title"><span class="title-line">导语稿件</span></h3>');
    expect(html).not.toContain("空栏目");
    expect(html).toContain("<p>普通<strong>粗</strong><em>斜</em><strong><em>粗斜</em></strong></p><p>末段<span class=\"source\">（某区科协）</span></p>");
    expect(html).toContain('<div class="distribution"><span class="label">分送：</span><div class="groups"><p>甲</p><p>乙</p></div></div>');
    expect(html).toContain("<span>2026年3月6日印发</span>");
    expect(html).toContain("（共印80份）");
  });

  it("marks a draft with a watermark and a final not at all", () => {
    expect(html).not.toContain("草稿");
    const draft = bulletinToPrintHtml({ ...doc, draft: true });
    expect(draft).toContain('<div class="watermark" aria-hidden="true">草稿</div>');
    expect(draft).toContain("<title>科协每周动态 2026年第3期（草稿）</title>");
  });

  it("is pure: the module imports nothing from Node, so the desk and review can render it in the browser", () => {
    for (const file of ["print-html.ts", "fonts.ts", "dates.ts", "document.ts"]) {
      const source = readFileSync(path.join(__dirname, file), "utf8");
      expect(source, file).not.toMatch(/from "node:|require\(|from "fs"|from "path"|server-only/);
    }
  });
});

describe("bundled faces", () => {
  it("serve one stylesheet whose every font URL resolves to a file", () => {
    const css = fontStylesheet();
    const urls = [...css.matchAll(/url\('?([^)']+)'?\)/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(500);
    for (const url of urls.filter((_, i) => i % 25 === 0)) expect(fontAsset(url.split("/")), url).not.toBeNull();
    expect(css).not.toContain("./files/");
    expect(css).not.toContain("font-display: swap");
    for (const family of ["Noto Serif SC", "Noto Sans SC", "LXGW WenKai"]) expect(css).toContain(`font-family: '${family}'`);
  });

  it("serve nothing outside the font folders", () => {
    expect(fontAsset(["..", "package.json"])).toBeNull();
    expect(fontAsset(["noto-serif-sc", "../../package.json"])).toBeNull();
    expect(fontAsset(["noto-serif-sc", "..%2f400.css"])).toBeNull();
    expect(fontAsset(["constructor", "x.woff2"])).toBeNull();
    expect(fontAsset(["fonts.css", "x"])).toBeNull();
  });
});

describe("print HTML: page 1", () => {
  it("gives the masthead and highlights page 1 to themselves, and lets the body follow a masthead without highlights", () => {
    expect(bulletinToPrintHtml(doc)).toContain('<header class="front break">');
    expect(bulletinToPrintHtml({ ...doc, toc: [] })).toContain('<header class="front">');
    expect(bulletinToPrintHtml({ ...doc, toc: [] })).not.toContain('class="toc"');
  });

  it("keeps each word of a 目录提要 line whole: the browser may wrap it only between words", () => {
    const entry = "中国制冷学会、北京制冷学会与北京市科学技术协会联合举办制冷空调行业科技成果对接会";
    const out = bulletinToPrintHtml({ ...doc, toc: [entry] });
    const li = /<section class="toc">.*?<li>(.*?)<\/li>/s.exec(out)![1];
    // The words as they stand, and only tags between them.
    expect(li.replace(/<[^>]+>/g, "")).toBe(entry);
    expect(li).toContain('<span class="w">举办</span>');
    expect(li).toContain('<span class="w">与北京市</span>');
    expect(li).toContain('<span class="w">对接会</span>');
    expect(out).toContain(".toc li .w { white-space: nowrap; }");
    // A preposition starts the word after it: 「…企业 / 向灾区捐款」, not 「…企业向 / 灾区捐款」.
    const li2 = /<li>(.*?)<\/li>/s.exec(bulletinToPrintHtml({ ...doc, toc: ["门头沟区科协积极参与防汛抢险救灾工作并组织科技企业向灾区捐款"] }))![1];
    expect(li2).toContain('<span class="w">向灾区</span>');
    expect(li2).toContain('<span class="w">并组织</span>');
  });
});

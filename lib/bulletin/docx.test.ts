import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chineseDate } from "./dates";
import type { BulletinDocument } from "./document";
import { bulletinToDocx } from "./docx";
import { parseBulletinText } from "./parse-text";

const dir = mkdtempSync(path.join(tmpdir(), "bulletin-docx-"));
const sample = (name: string) => readFileSync(path.resolve(__dirname, "../../db/samples", `${name}.txt`), "utf8");

async function unzip(doc: BulletinDocument, name: string): Promise<(part: string) => string> {
  const file = path.join(dir, `${name}.docx`);
  writeFileSync(file, await bulletinToDocx(doc));
  const parts = execFileSync("unzip", ["-Z1", file], { encoding: "utf8" }).split("\n").filter(Boolean);
  return (part) => (parts.includes(part) ? execFileSync("unzip", ["-p", file, part], { encoding: "utf8", maxBuffer: 32 << 20 }) : "");
}

const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

interface WordParagraph {
  xml: string;
  text: string;
}
function paragraphs(xml: string): WordParagraph[] {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => ({
    xml: m[1],
    text: [...m[1].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((t) => (t[1] === undefined ? "\t" : decode(t[1]))).join(""),
  }));
}
/** The East Asian face each run of the paragraph names. */
const faces = (p: WordParagraph) => [...p.xml.matchAll(/w:eastAsia="([^"]+)"/g)].map((m) => m[1]);

function largestIssue(): BulletinDocument {
  const doc = parseBulletinText(sample("2023-21"));
  doc.footer = { ...parseBulletinText(sample("2023-20")).footer, printedBy: "北京市科协办公室", printedDate: "2023-08-11", printRun: 120 };
  return doc;
}

describe("Word export", () => {
  it("is A4 with the GB/T 9704 margins and a 22 × 28 document grid", async () => {
    const part = await unzip(largestIssue(), "geometry");
    const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(part("word/document.xml"))?.[0] ?? "";
    expect(sect).toContain('<w:pgSz w:w="11906" w:h="16838"');
    // 37 mm top, 26 right, 35 bottom, 28 left, in twips.
    expect(sect).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(sect).toContain('<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-842"/>');
    // Twips are integers: Word refuses a file with 289.5 in it.
    expect(part("word/document.xml")).not.toMatch(/w:(before|after|line|left|right|firstLine|hanging)="-?\d+\.\d+"/);
  });

  it("has the structure of the print, in order, each part in its face", async () => {
    const doc = largestIssue();
    const xml = (await unzip(doc, "structure"))("word/document.xml");
    const ps = paragraphs(xml);
    let at = 0;
    const next = (text: string, face?: string) => {
      const p = ps[at++];
      expect(p?.text, `paragraph ${at}`).toBe(text);
      if (face) expect(new Set(faces(p)), text).toEqual(new Set([face]));
      return p;
    };
    const m = doc.masthead;
    const title = next(m.title, "方正小标宋简体");
    expect(title.xml).toContain('<w:color w:val="D40000"/>');
    next(`${m.year}年 第${m.number}期`, "仿宋_GB2312");
    next(`（总第${m.totalNumber}期）`, "仿宋_GB2312");
    expect(next(`${m.office}\t${chineseDate(m.date)}`).xml).toMatch(/<w:bottom [^>]*w:color="D40000"/);
    next("目录提要", "黑体");
    for (const t of doc.toc) next(`●\t${t}`, "楷体_GB2312");
    let first = true;
    for (const section of doc.sections) {
      if (section.title !== null) next(`【${section.title}】`, "黑体");
      for (const item of section.items) {
        const t = next(item.title, "方正小标宋简体");
        expect(t.xml).toContain('<w:jc w:val="center"/>');
        expect(t.xml).toContain("<w:b/>");
        // The body starts on the page after the masthead and highlights, as in print.
        expect(t.xml.includes("<w:pageBreakBefore/>")).toBe(first);
        first = false;
        item.paragraphs.forEach((p, i) => {
          const text = p.map((r) => r.text).join("") + (i === item.paragraphs.length - 1 && item.source ? `（${item.source}）` : "");
          const para = next(text, "仿宋_GB2312");
          expect(para.xml).toContain('<w:jc w:val="both"/>');
          expect(para.xml).toMatch(/<w:ind w:firstLine="\d+"\/>/);
        });
      }
    }
    const f = doc.footer;
    const banji = [`信息报送邮箱：${f.mailbox}`, `编辑：${f.editor}`, `审核：${f.reviewer}`, `分送：${f.distribution[0]}`, ...f.distribution.slice(1), `${f.printedBy}\t2023年8月11日印发`, `（共印${f.printRun}份）`];
    for (const line of banji) next(line, "仿宋_GB2312");
    // The 版记 is a table floated to the foot of the type area, like the print's, ruled thick
    // above and below and thin between its three groups.
    const table = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(xml)?.[0] ?? "";
    expect(table).toMatch(/<w:tblpPr [^>]*w:vertAnchor="margin"[^>]*w:tblpYSpec="bottom"|<w:tblpPr [^>]*w:tblpYSpec="bottom"[^>]*w:vertAnchor="margin"/);
    expect(table).toMatch(/<w:top w:val="single"[^>]*w:sz="8"/);
    expect(table).toMatch(/<w:bottom w:val="single"[^>]*w:sz="8"/);
    expect(table).toMatch(/<w:insideH w:val="single"[^>]*w:sz="5"/);
    expect(table.match(/<w:tr>|<w:tr /g)?.length).toBe(3);
    for (const line of banji) expect(table).toContain(line.split("\t")[0]);
    // Then the one empty paragraph Word ends a body with.
    expect(ps[at++].text).toBe("");
    expect(at).toBe(ps.length);
  });

  it("numbers pages 「— N —」 with a PAGE field, odd pages right and even pages left", async () => {
    const part = await unzip(largestIssue(), "numbers");
    expect(part("word/settings.xml")).toContain("<w:evenAndOddHeaders/>");
    const rels = part("word/_rels/document.xml.rels");
    const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(part("word/document.xml"))?.[0] ?? "";
    const footerFile = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"`).exec(sect)?.[1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
      return part(`word/${target}`);
    };
    const odd = footerFile("default");
    const even = footerFile("even");
    for (const footer of [odd, even]) {
      const [p] = paragraphs(footer);
      expect(p.text).toBe("—  —");
      expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(footer).toContain('<w:sz w:val="28"/>');
    }
    expect(odd).toContain('<w:jc w:val="right"/>');
    expect(even).toContain('<w:jc w:val="left"/>');
  });

  it("watermarks a draft 草稿 on every page and leaves a final clean", async () => {
    const draft = await unzip({ ...largestIssue(), draft: true }, "draft");
    const headers = ["word/header1.xml", "word/header2.xml"].map(draft);
    for (const h of headers) expect(paragraphs(h).map((p) => p.text)).toContain("草稿");
    expect(draft("word/document.xml")).toMatch(/<w:headerReference w:type="default"/);
    expect(draft("word/document.xml")).toMatch(/<w:headerReference w:type="even"/);
    const final = await unzip(largestIssue(), "final");
    expect(final("word/document.xml")).not.toContain("headerReference");
    expect(final("word/document.xml")).not.toContain("草稿");
  });

  it("renders every run type: plain, bold, italic (楷体), bold italic; markup stays text", async () => {
    const doc: BulletinDocument = {
      ...largestIssue(),
      toc: [],
      sections: [
        {
          title: "科普工作",
          items: [
            {
              title: "<b>标题</b>",
              paragraphs: [[{ text: "普通" }, { text: "加粗", bold: true }, { text: "倾斜", italic: true }, { text: "加粗倾斜", bold: true, italic: true }]],
              source: null,
            },
          ],
        },
      ],
    };
    const xml = (await unzip(doc, "runs"))("word/document.xml");
    const runs = [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => m[1]);
    const runOf = (text: string) => runs.find((r) => r.includes(`>${text}</w:t>`)) ?? "";
    expect(runOf("普通")).not.toMatch(/<w:b\/>|<w:i\/>/);
    expect(runOf("普通")).toContain('w:eastAsia="仿宋_GB2312"');
    expect(runOf("加粗")).toContain("<w:b/>");
    expect(runOf("加粗")).not.toContain("<w:i/>");
    expect(runOf("倾斜")).toContain("<w:i/>");
    expect(runOf("倾斜")).toContain('w:eastAsia="楷体_GB2312"');
    expect(runOf("加粗倾斜")).toMatch(/<w:b\/>[\s\S]*<w:i\/>/);
    expect(xml).toContain("&lt;b&gt;标题&lt;/b&gt;");
  });
});

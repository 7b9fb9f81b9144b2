import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { displayWidth, pdfLines, squash, type PdfLine, type PdfPage } from "@/lib/testing/pdf-lines";
import type { BulletinDocument } from "./document";
import { parseBulletinText } from "./parse-text";
import { closeBrowser, PdfUnavailableError, renderBulletinPdf } from "./pdf";
import { chineseDate } from "./dates";

// GB/T 9704-2012 as SPEC.md §4 gives it, in millimetres.
const PAGE = { width: 210, height: 297 };
const AREA = { top: 37, left: 28, width: 156, height: 225 };
const RIGHT = AREA.left + AREA.width;
const BOTTOM = AREA.top + AREA.height;
const LINE = AREA.height / 22;
const CELL = AREA.width / 28;
/** 14 pt, the page number's size: it sits one such character in from the type area's edge. */
const NUMBER_CHAR = 14 / (72 / 25.4);
const TOLERANCE = 1;

const dir = mkdtempSync(path.join(tmpdir(), "bulletin-pdf-"));
const sample = (name: string) => readFileSync(path.resolve(__dirname, "../../db/samples", `${name}.txt`), "utf8");

/** The largest sample issue, with the publication's 版记 (2023-21 was extracted without one) and an 印发 line. */
function largestIssue(): BulletinDocument {
  const doc = parseBulletinText(sample("2023-21"));
  doc.footer = { ...parseBulletinText(sample("2023-20")).footer, printedBy: "北京市科协办公室", printedDate: "2023-08-11", printRun: 120 };
  return doc;
}

async function render(doc: BulletinDocument, name: string): Promise<{ file: string; pages: PdfPage[] }> {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, await renderBulletinPdf(doc));
  return { file, pages: pdfLines(file) };
}

const isPageNumber = (l: PdfLine) => /^—\s*\d+\s*—$/.test(l.text.trim());
/** Body text is 16 pt: poppler's box is 16 pt × (ascent + descent) ≈ 23 pt; the 版记 is 14 pt, the masthead 40. */
const isBodySize = (l: PdfLine) => l.height > 21.5 && l.height < 24.5;
const centre = (l: PdfLine) => (l.y0 + l.y1) / 2;

afterAll(closeBrowser);

describe("print PDF of the largest sample issue (2023-21)", () => {
  const doc = largestIssue();
  let pages: PdfPage[];
  let file: string;

  beforeAll(async () => {
    ({ file, pages } = await render(doc, "2023-21"));
  });

  it("is A4, several pages long", () => {
    expect(pages.length).toBeGreaterThanOrEqual(8);
    for (const p of pages) {
      expect(Math.abs(p.widthMm - PAGE.width)).toBeLessThan(TOLERANCE);
      expect(Math.abs(p.heightMm - PAGE.height)).toBeLessThan(TOLERANCE);
    }
  });

  it("numbers every page 「— N —」 in the foot margin, odd pages on the right and even on the left", () => {
    for (const p of pages) {
      const numbers = p.lines.filter(isPageNumber);
      expect(numbers.map((l) => squash(l.text)), `page ${p.page}`).toEqual([`—${p.page}—`]);
      const n = numbers[0];
      // 7 mm below the type area (the line of the number, at 14 pt).
      expect(n.y0).toBeGreaterThan(BOTTOM + 5);
      expect(Math.abs(centre(n) - (BOTTOM + 7 + NUMBER_CHAR / 2)), `page ${p.page} number height`).toBeLessThan(TOLERANCE * 1.5);
      if (p.page % 2 === 1) expect(Math.abs(n.x1 - (RIGHT - NUMBER_CHAR)), `page ${p.page} right`).toBeLessThan(TOLERANCE);
      else expect(Math.abs(n.x0 - (AREA.left + NUMBER_CHAR)), `page ${p.page} left`).toBeLessThan(TOLERANCE);
    }
  });

  it("sets the body on a grid of 22 lines a page: no page has more, full pages have exactly 22", () => {
    const counts = pages.map((p) => p.lines.filter((l) => isBodySize(l) && !isPageNumber(l)).length);
    for (const [i, n] of counts.entries()) expect(n, `page ${i + 1}`).toBeLessThanOrEqual(22);
    expect(counts.filter((n) => n === 22).length).toBeGreaterThanOrEqual(2);
    // After the masthead page every body line sits on one of the 22 grid lines (blank lines
    // before titles and sections are whole lines, never half).
    for (const p of pages.slice(1)) {
      for (const l of p.lines.filter((x) => isBodySize(x) && !isPageNumber(x))) {
        const k = (centre(l) - AREA.top) / LINE - 0.5;
        expect(Math.abs(k - Math.round(k)) * LINE, `page ${p.page}: ${l.text}`).toBeLessThan(TOLERANCE);
        expect(Math.round(k)).toBeGreaterThanOrEqual(0);
        expect(Math.round(k)).toBeLessThanOrEqual(21);
      }
    }
  });

  it("keeps the text inside the type area, with margins within 1 mm of 37 / 28 / 26 / 35 mm", () => {
    const body = pages.slice(1).flatMap((p) => p.lines.filter((l) => isBodySize(l) && !isPageNumber(l)));
    const left = Math.min(...body.map((l) => l.x0));
    const right = Math.max(...body.map((l) => l.x1));
    expect(Math.abs(left - AREA.left)).toBeLessThan(TOLERANCE);
    expect(Math.abs(right - RIGHT)).toBeLessThan(TOLERANCE);
    for (const p of pages.slice(1)) {
      const lines = p.lines.filter((l) => isBodySize(l) && !isPageNumber(l));
      if (!lines.length) continue; // a last page holding only the 版记
      // The first line of every page after the first sits in the first line of the type area…
      expect(Math.abs(centre(lines[0]) - (AREA.top + LINE / 2)), `page ${p.page} top`).toBeLessThan(TOLERANCE);
      // …and no line reaches below its last.
      expect(Math.max(...lines.map(centre)), `page ${p.page} bottom`).toBeLessThan(BOTTOM - LINE / 2 + TOLERANCE);
      if (lines.length === 22) expect(Math.abs(centre(lines[21]) - (BOTTOM - LINE / 2)), `page ${p.page} last line`).toBeLessThan(TOLERANCE);
    }
  });

  it("prints every title and paragraph in order, 28 characters a line, with the line-breaking rules", () => {
    const flow = pages.flatMap((p) => p.lines.filter((l) => !isPageNumber(l)));
    let at = 0;
    /** Consumes the lines that make up one block of text and returns them. */
    const take = (expected: string, what: string): PdfLine[] => {
      const want = squash(expected);
      const taken: PdfLine[] = [];
      let got = "";
      while (got.length < want.length && at < flow.length) {
        taken.push(flow[at]);
        got += squash(flow[at++].text);
      }
      expect(got, what).toBe(want);
      return taken;
    };
    const m = doc.masthead;
    take(m.title, "masthead title");
    take(`${m.year}年第${m.number}期`, "issue line");
    take(`（总第${m.totalNumber}期）`, "running number");
    take(m.office + chineseDate(m.date), "office and date");
    take("目录提要", "toc heading");
    for (const t of doc.toc) take(`●${t}`, "toc entry");

    const paragraphLines: PdfLine[][] = [];
    for (const section of doc.sections) {
      if (section.title !== null) take(`【${section.title}】`, "section heading");
      for (const item of section.items) {
        const titleLines = take(item.title, "title");
        for (const l of titleLines) expect(Math.abs((l.x0 + l.x1) / 2 - (AREA.left + AREA.width / 2)), `centred: ${item.title}`).toBeLessThan(TOLERANCE);
        item.paragraphs.forEach((p, i) => {
          const text = p.map((r) => r.text).join("") + (i === item.paragraphs.length - 1 && item.source ? `（${item.source}）` : "");
          paragraphLines.push(take(text, `paragraph of ${item.title}`));
        });
      }
    }
    const f = doc.footer;
    take(`信息报送邮箱：${f.mailbox}`, "mailbox");
    take(`编辑：${f.editor}`, "editor");
    take(`审核：${f.reviewer}`, "reviewer");
    take(`分送：${f.distribution.join("")}`, "distribution");
    take(`${f.printedBy}${chineseDate(f.printedDate ?? "")}印发`, "印发 line");
    take(`（共印${f.printRun}份）`, "print run");
    expect(at, "nothing printed after the 版记").toBe(flow.length);

    const all = paragraphLines.flat();
    const full = paragraphLines.flatMap((lines) => lines.slice(0, -1));
    expect(full.length).toBeGreaterThan(100);
    for (const l of all) {
      const text = squash(l.text);
      expect(Math.round((l.x0 - AREA.left) / CELL) + displayWidth(text), text).toBeLessThanOrEqual(28);
      expect(l.x1, text).toBeLessThanOrEqual(RIGHT + 0.3);
      // 禁则: no closing punctuation starts a line, no opening one ends it.
      expect(text, "line start").not.toMatch(/^[。，、”’：；？！）》」]/);
      expect(text, "line end").not.toMatch(/[“‘（《「]$/);
    }
    // A full line is 28 characters (a line with Latin digits holds a few more, narrower ones);
    // one a character short is the line-breaking rules at work, and must stay rare.
    const exact = full.filter((l) => {
      const text = squash(l.text);
      const indent = Math.round((l.x0 - AREA.left) / CELL); // 2 on a paragraph's first line
      return /^[^\x00-\x7f]+$/.test(text) ? indent + [...text].length === 28 : l.x1 - AREA.left > AREA.width - CELL / 2;
    });
    expect(exact.length / full.length).toBeGreaterThan(0.85);
  });

  it("sets the 版记 at the foot of the last page", () => {
    const last = pages[pages.length - 1];
    const run = last.lines.find((l) => squash(l.text) === `（共印${doc.footer.printRun}份）`);
    expect(run).toBeDefined();
    // Its last line (the print run) ends within a line of the type area's foot.
    expect(BOTTOM - (run?.y1 ?? 0)).toBeLessThan(LINE);
    expect(BOTTOM - (run?.y1 ?? 0)).toBeGreaterThan(-TOLERANCE);
  });

  it("embeds the bundled faces (no dependence on the server's fonts)", () => {
    const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" });
    expect(fonts).toMatch(/NotoSerifSC/);
    expect(fonts).toMatch(/NotoSansSC/);
    for (const line of fonts.split("\n").slice(2).filter(Boolean)) expect(line, "embedded").toMatch(/\s+yes\s+yes\s+yes\s+/);
  });
});

describe("print PDF: drafts, run types, escaping", () => {
  function small(draft: boolean): BulletinDocument {
    return {
      masthead: { title: "科协每周动态", year: 2026, number: 3, totalNumber: 90, office: "某市科协办公室", date: "2026-03-06" },
      toc: ["测试稿件<b>标题</b>"],
      sections: [
        {
          title: "科普工作",
          items: [
            {
              title: "测试稿件<b>标题</b>",
              paragraphs: [
                [{ text: "普通文字，" }, { text: "加粗文字", bold: true }, { text: "，" }, { text: "倾斜文字", italic: true }, { text: "，" }, { text: "加粗倾斜", bold: true, italic: true }, { text: "。" }],
                [{ text: "<script>alert(1)</script>" }],
              ],
              source: "某区科协",
            },
          ],
        },
      ],
      footer: { mailbox: "a@b.cn", editor: "张三", reviewer: "李四", distribution: ["市科协驻会领导"] },
      draft,
    };
  }

  it("marks every page of a draft 草稿 and no page of a final", async () => {
    const draft = await render(small(true), "draft");
    // The watermark is set large and turned, so poppler reads its two characters as lines of their own.
    const big = (p: PdfPage, ch: string) => p.lines.some((l) => squash(l.text) === ch && l.height > 60);
    for (const p of draft.pages) expect(big(p, "草") && big(p, "稿"), `page ${p.page}`).toBe(true);
    const final = await render(small(false), "final");
    for (const p of final.pages) expect(p.lines.some((l) => l.text.includes("草"))).toBe(false);
  });

  it("prints plain, bold, italic and bold-italic runs, bold in the bold face and italic in 楷体", async () => {
    const { file, pages } = await render(small(false), "runs");
    const text = squash(pages.flatMap((p) => p.lines.map((l) => l.text)).join(""));
    // The attribution closes the last paragraph.
    expect(text).toContain("普通文字，加粗文字，倾斜文字，加粗倾斜。<script>alert(1)</script>（某区科协）");
    // Markup in the text is text: printed as typed, never interpreted.
    expect(text).toContain("测试稿件<b>标题</b>");
    expect(text).toContain("<script>alert(1)</script>");
    const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" });
    expect(fonts).toMatch(/NotoSerifSC[^\n]*-Bold/);
    expect(fonts).toMatch(/LXGWWenKai/);
  });

  it("says clearly, in Chinese, when there is no Chromium", async () => {
    await expect(renderBulletinPdf(small(false), { executablePath: path.join(dir, "no-chromium") })).rejects.toThrow(PdfUnavailableError);
    await expect(renderBulletinPdf(small(false), { executablePath: path.join(dir, "no-chromium") })).rejects.toThrow(/找不到 Chromium/);
  });

  it("renders many exports at once in one browser", async () => {
    const docs = Array.from({ length: 6 }, (_, i) => ({ ...small(false), masthead: { ...small(false).masthead, number: i + 1 } }));
    const pdfs = await Promise.all(docs.map((d) => renderBulletinPdf(d)));
    for (const [i, pdf] of pdfs.entries()) {
      const f = path.join(dir, `many-${i}.pdf`);
      writeFileSync(f, pdf);
      expect(squash(execFileSync("pdftotext", [f, "-"], { encoding: "utf8" }))).toContain(`2026年第${i + 1}期`);
    }
    const browsers = execFileSync("pgrep", ["-c", "-P", String(process.pid)], { encoding: "utf8" }).trim();
    expect(Number(browsers)).toBeLessThanOrEqual(1);
  });
});

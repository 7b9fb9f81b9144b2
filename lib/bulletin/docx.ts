import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  FrameAnchorType,
  Header,
  HorizontalPositionAlign,
  LineRuleType,
  Packer,
  OverlapType,
  PageNumber,
  Paragraph,
  RelativeHorizontalPosition,
  RelativeVerticalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalPositionAlign,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from "docx";
import type { Paragraph as RunParagraph } from "@/lib/editor/schema";
import { formatAttribution } from "./attribution";
import { chineseDate } from "./dates";
import { issueLabel, issueLine, totalLine } from "./numbering";
import type { BulletinDocument, Footer as BulletinFooter } from "./document";
import { WORD_FONTS } from "./fonts";
import { printTitleLines } from "./print-html";

/**
 * The bulletin as a Word file with the print's structure, for offices that finish in Word or WPS:
 * A4 with the GB/T 9704 margins, a 22-line × 28-character document grid, the faces an office PC
 * has (仿宋_GB2312 body, 方正小标宋简体 titles, 黑体 headings, 楷体_GB2312), 「— N —」 page numbers on
 * the outer side, the 版记 floated to the foot of the last page, and a 草稿 watermark on drafts.
 */

// Twips (1/20 pt); 1 mm = 56.69 twips.
const mm = (v: number) => Math.round(v * 56.6929);
const TYPE_WIDTH = mm(156);
/** 225 mm / 22 lines. */
const LINE = 579;
/** One character of the 28-character line: 156 mm / 28 = 15.79 pt. */
const CELL = Math.round(TYPE_WIDTH / 28);
const BODY = 32; // half-points: 16 pt (三号)
const FOOT = 28; // 14 pt (四号)
const RED = "D40000";

type Face = keyof typeof WORD_FONTS;
function font(face: Face) {
  const name = WORD_FONTS[face];
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

function run(text: string, face: Face, extra: IRunOptions = {}): TextRun {
  return new TextRun({ text, font: font(face), size: BODY, ...extra });
}

function para(children: TextRun[], options: Omit<IParagraphOptions, "children"> = {}): Paragraph {
  return new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, ...options, children });
}

/** Every run type the editor stores: plain, bold, italic (set in 楷体, as the print does), both. */
function bodyRuns(paragraph: RunParagraph): TextRun[] {
  return paragraph.map((r) => (r.italic ? run(r.text, "kaiti", { bold: r.bold, italics: true }) : run(r.text, "fangsong", { bold: r.bold })));
}

export async function bulletinToDocx(doc: BulletinDocument): Promise<Buffer> {
  const m = doc.masthead;
  const children: Paragraph[] = [
    para([run(m.title, "xiaobiaosong", { size: 80, bold: true, color: RED, characterSpacing: 160 })], { alignment: AlignmentType.CENTER, spacing: { line: LINE * 2, lineRule: LineRuleType.EXACT, before: Math.round(LINE / 2) } }),
    para([run(issueLine(m), "fangsong")], { alignment: AlignmentType.CENTER }),
    ...(totalLine(m) ? [para([run(totalLine(m, "（", "）"), "fangsong")], { alignment: AlignmentType.CENTER })] : []),
    para([run(m.office, "fangsong"), run(`\t${m.date ? chineseDate(m.date) : ""}`, "fangsong")], {
      indent: { left: CELL, right: CELL },
      tabStops: [{ type: TabStopType.RIGHT, position: TYPE_WIDTH - CELL }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 4 } },
      spacing: { line: LINE, lineRule: LineRuleType.EXACT, after: Math.round(LINE * 0.75) },
    }),
  ];
  if (doc.toc.length) {
    children.push(para([run("目录提要", "heiti", { characterSpacing: 160 })], { alignment: AlignmentType.CENTER }));
    for (const t of doc.toc) children.push(para([run("●", "kaiti", { size: 20 }), run(`\t${t}`, "kaiti")], { indent: { left: 2 * CELL, hanging: CELL }, tabStops: [{ type: TabStopType.LEFT, position: 2 * CELL }] }));
  }

  let firstBody = true;
  const sections = doc.sections.filter((s) => s.items.length);
  sections.forEach((section, si) => {
    if (section.title !== null) {
      children.push(para([run(`【${section.title}】`, "heiti")], { pageBreakBefore: firstBody && doc.toc.length > 0, keepNext: true, spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: si === 0 ? 0 : LINE } }));
      firstBody = false;
    }
    section.items.forEach((item, ii) => {
      const before = firstBody ? 0 : ii === 0 && section.title !== null ? 0 : LINE;
      // The title's printed lines (words whole, balanced, the editor's breaks), joined by line
      // breaks inside one paragraph: Word would otherwise break it anywhere between characters.
      if (item.title) children.push(
        para(printTitleLines(item).map((l, i) => run(l, "xiaobiaosong", { bold: true, ...(i > 0 ? { break: 1 } : {}) })), {
          alignment: AlignmentType.CENTER,
          keepNext: true,
          keepLines: true,
          pageBreakBefore: firstBody && doc.toc.length > 0,
          indent: { left: 2 * CELL, right: 2 * CELL },
          spacing: { line: LINE, lineRule: LineRuleType.EXACT, before },
        }),
      );
      firstBody = false;
      const paras = item.paragraphs.map(bodyRuns);
      const attribution = formatAttribution(item.source, item.author);
      if (attribution) {
        const source = run(`（${attribution}）`, "fangsong");
        if (paras.length) paras[paras.length - 1].push(source);
        else paras.push([source]);
      }
      for (const p of paras) children.push(para(p, { alignment: AlignmentType.BOTH, indent: { firstLine: 2 * CELL } }));
    });
  });
  const body: (Paragraph | Table)[] = [...children, ...footerTable(doc.footer)];

  const document = new Document({
    creator: m.office || "简报编发",
    title: `${m.title} ${issueLabel(m)}${doc.draft ? "（草稿）" : ""}`,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font("fangsong"), size: BODY } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(21) },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE, charSpace: -842 },
        },
        headers: doc.draft ? { default: watermarkHeader(), even: watermarkHeader() } : undefined,
        footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** 「— N —」 in 14 pt 宋体, one character in from the outer edge of the type area. */
function pageNumberFooter(side: "odd" | "even"): Footer {
  const r = (text: string | string[]) => new TextRun({ children: Array.isArray(text) ? text : [text], font: { ascii: "宋体", hAnsi: "宋体", eastAsia: "宋体" }, size: FOOT });
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: 280 } : { left: 280 },
        children: [r("— "), r([PageNumber.CURRENT]), r(" —")],
      }),
    ],
  });
}

/** A large pale 草稿 across the middle of every page (header content draws behind the body). */
function watermarkHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        frame: {
          type: "alignment",
          alignment: { x: HorizontalPositionAlign.CENTER, y: VerticalPositionAlign.CENTER },
          anchor: { horizontal: FrameAnchorType.PAGE, vertical: FrameAnchorType.PAGE },
          width: mm(150),
          height: mm(70),
        },
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: "草稿", font: font("heiti"), size: 240, color: "F3C6C6", characterSpacing: 600 })],
      }),
    ],
  });
}

/**
 * The 版记 as a table floated to the foot of the type area (Word and WPS keep a floating table
 * there; paragraph frames do not survive LibreOffice): thick rules first and last, thin rules
 * between its groups, one character in on each side.
 */
function footerTable(f: BulletinFooter): (Table | Paragraph)[] {
  const r = (text: string) => new TextRun({ text, font: font("fangsong"), size: FOOT });
  const line = (children: TextRun[], options: Omit<IParagraphOptions, "children"> = {}) =>
    new Paragraph({ indent: { left: 280, right: 280 }, ...options, spacing: { line: Math.round(LINE * 0.8), lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children });
  const groups: Paragraph[][] = [];
  const head = [f.mailbox && `信息报送邮箱：${f.mailbox}`, f.editor && `编辑：${f.editor}`, f.reviewer && `审核：${f.reviewer}`, f.signer && `签发：${f.signer}`].filter(Boolean) as string[];
  if (head.length) groups.push(head.map((t) => line([r(t)])));
  const colon = 3 * 280;
  if (f.distribution.length) groups.push(f.distribution.map((g, i) => line([r(i === 0 ? `分送：${g}` : g)], { indent: { left: 280 + colon, hanging: i === 0 ? colon : 0, right: 280 } })));
  const last: Paragraph[] = [];
  if (f.printedBy || f.printedDate) {
    last.push(line([r(f.printedBy ?? ""), r(`\t${f.printedDate ? `${chineseDate(f.printedDate)}印发` : ""}`)], { tabStops: [{ type: TabStopType.RIGHT, position: TYPE_WIDTH - 280 }] }));
  }
  if (f.printRun) last.push(line([r(`（共印${f.printRun}份）`)], { alignment: AlignmentType.RIGHT }));
  if (last.length) groups.push(last);
  if (!groups.length) return [];

  const thick = { style: BorderStyle.SINGLE, size: 8, color: "000000" } as const;
  const thin = { style: BorderStyle.SINGLE, size: 5, color: "000000" } as const;
  const none = { style: BorderStyle.NONE, size: 0, color: "auto" } as const;
  const table = new Table({
    width: { size: TYPE_WIDTH, type: WidthType.DXA },
    columnWidths: [TYPE_WIDTH],
    layout: TableLayoutType.FIXED,
    float: {
      horizontalAnchor: TableAnchorType.MARGIN,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeHorizontalPosition: RelativeHorizontalPosition.LEFT,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      overlap: OverlapType.NEVER,
    },
    borders: { top: thick, bottom: thick, left: none, right: none, insideHorizontal: thin, insideVertical: none },
    rows: groups.map((children) => new TableRow({ cantSplit: true, children: [new TableCell({ width: { size: TYPE_WIDTH, type: WidthType.DXA }, margins: { top: 60, bottom: 60, left: 0, right: 0 }, children })] })),
  });
  // Word ends a body with a paragraph, and anchors the floating table to it.
  return [table, new Paragraph({ spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [] })];
}

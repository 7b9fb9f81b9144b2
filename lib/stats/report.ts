import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import ExcelJS from "exceljs";
import type { UnitKind } from "@/db/schema";
import { chineseDate } from "@/lib/bulletin/dates";
import { titleLines } from "@/lib/bulletin/title-lines";
import { titleWords } from "@/lib/bulletin/title-words";
import { labelIsTheDates } from "./period-label";
import { DEFAULT_FONT_BASE_URL, FONT_STACKS, FONT_STYLESHEET, WORD_FONTS } from "@/lib/bulletin/fonts";
import type { RuleVersion } from "@/lib/data/scoring-rules";
import type { StatsResult, UnitFigures } from "@/lib/data/stats";
import { bookTitle } from "@/lib/text/book-title";

/**
 * The exports of the adoption statistics: the ranking table as .xlsx, and the 通报 (the periodic
 * report the office sends every unit) as print HTML (printed to PDF by the bulletin's Chromium
 * path) and as .docx. Pure functions of a computed StatsResult: no database, no React.
 */

export const KIND_LABELS: Record<UnitKind, string> = {
  office: "办公室",
  district: "区科协",
  society: "学会",
  grassroots: "基层组织",
  department: "部门",
  institution: "直属单位",
  other: "其他",
};

/** The table's columns, in order: header (zh-CN) and the value of a row. */
export const STATS_COLUMNS: { key: string; header: string; value: (r: UnitFigures) => string | number }[] = [
  { key: "rank", header: "排名", value: (r) => r.rank },
  { key: "unit", header: "单位", value: (r) => r.unit },
  { key: "kind", header: "类别", value: (r) => KIND_LABELS[r.kind] },
  { key: "submitted", header: "报送", value: (r) => r.submitted },
  { key: "accepted", header: "录用", value: (r) => r.accepted },
  { key: "returned", header: "退回", value: (r) => r.returned },
  { key: "declined", header: "不予采用", value: (r) => r.declined },
  { key: "adopted", header: "刊发", value: (r) => r.adopted },
  { key: "lead", header: "其中头条", value: (r) => r.lead },
  { key: "highlight", header: "其中目录提要", value: (r) => r.highlight },
  { key: "rate", header: "采用率", value: (r) => (r.rate === null ? "" : `${Math.round(r.rate * 100)}%`) },
  { key: "instructions", header: "领导批示", value: (r) => r.instructions },
  { key: "forwardsUsed", header: "上级采用", value: (r) => r.forwardsUsed },
  { key: "callsAnswered", header: "约稿按时", value: (r) => r.callsAnswered },
  { key: "callsLate", header: "约稿逾期", value: (r) => r.callsLate },
  { key: "callsMissed", header: "约稿未报", value: (r) => r.callsMissed },
  { key: "score", header: "得分", value: (r) => r.score },
  { key: "kindRank", header: "类内排名", value: (r) => `${r.kindRank}/${r.kindSize}` },
];

/** The workbook: a title row, the header, one row per unit in rank order, a totals row. */
export async function statsWorkbook(stats: StatsResult, publicationTitle = "科协每周动态"): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "简报编发";
  const ws = wb.addWorksheet("采用统计", { views: [{ state: "frozen", ySplit: 2 }] });
  ws.addRow([`${publicationTitle} 采用统计（${stats.period.label}）`]);
  ws.mergeCells(1, 1, 1, STATS_COLUMNS.length);
  ws.getCell("A1").font = { bold: true, size: 14 };
  const header = ws.addRow(STATS_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  // The rate as a number formatted as a percentage, so it sorts and sums in Excel.
  for (const r of stats.rows) ws.addRow(STATS_COLUMNS.map((c) => (c.key === "rate" ? (r.rate ?? "") : c.value(r))));
  ws.getColumn(STATS_COLUMNS.findIndex((c) => c.key === "rate") + 1).numFmt = "0%";
  const t = stats.totals;
  const totals: Record<string, string | number> = { rank: "合计", ...t };
  ws.addRow(STATS_COLUMNS.map((c) => totals[c.key] ?? "")).font = { bold: true };
  ws.getColumn(2).width = 28;
  for (let i = 3; i <= STATS_COLUMNS.length; i++) ws.getColumn(i).width = 10;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The 通报's text, shared by its HTML and its Word file. */
export interface ReportModel {
  title: string;
  office: string;
  date: string; // yyyy-mm-dd
  intro: string;
  rows: UnitFigures[];
  byKind: { kind: string; line: string }[];
  rules: string[];
  closing: string;
}

const num = (x: number) => String(x);

function rulesLine(r: RuleVersion, when: string): string {
  const co = r.coUnitShare < 1 ? "；合作单位第二家起按一半计" : "";
  return (
    `${when}：报送每篇${num(r.perSubmission)}分；刊发头条${num(r.perLead)}分、目录提要${num(r.perHighlight)}分、其他${num(r.perOrdinary)}分；` +
    `领导批示（国家级${num(r.perInstructionCentral)}、省部级${num(r.perInstructionProvincial)}、厅局级${num(r.perInstructionBureau)}、其他${num(r.perInstructionOther)}分）；` +
    `被上级采用${num(r.perForwardUsed)}分；按时响应约稿${num(r.perCallAnswered)}分，未报送扣${num(r.perCallMissed)}分${co}。`
  );
}

/** Builds the 通报 from the figures: intro with the totals, the table, the leaders per kind, the rules. */
export function reportModel(stats: StatsResult, opts: { publicationTitle: string; office: string; date: string }): ReportModel {
  const t = stats.totals;
  const active = stats.rows.filter((r) => r.submitted > 0 || r.adopted > 0).length;
  const intro =
    `${labelIsTheDates(stats.period) ? stats.period.label : `${stats.period.label}（${chineseDate(stats.period.from)}至${chineseDate(stats.period.to)}）`}，共有${active}个单位报送信息${num(t.submitted)}篇，` +
    `${bookTitle(opts.publicationTitle)}刊发${num(t.adopted)}篇，其中头条${num(t.lead)}篇、目录提要${num(t.highlight)}篇；` +
    `获领导批示${num(t.instructions)}次，被上级刊物采用${num(t.forwardsUsed)}篇。现将各单位信息报送采用情况通报如下。`;
  const byKind: ReportModel["byKind"] = [];
  for (const kind of Object.keys(KIND_LABELS) as UnitKind[]) {
    const top = stats.rows.filter((r) => r.kind === kind && r.score > 0).slice(0, 5);
    if (top.length) byKind.push({ kind: KIND_LABELS[kind], line: top.map((r) => `${r.unit}（${num(r.score)}分）`).join("、") });
  }
  return {
    title: `关于${stats.period.label}各单位信息报送采用情况的通报`,
    office: opts.office,
    date: opts.date,
    intro,
    rows: stats.rows,
    byKind,
    rules: stats.rules.map((r) => rulesLine(r, r.id === null ? "默认办法" : `${chineseDate(r.effectiveFrom)}起`)),
    closing: "希望各单位进一步提高信息报送的时效性和质量，及时反映本单位、本领域的新情况、新经验、新成效。",
  };
}

const REPORT_COLUMNS = ["rank", "unit", "submitted", "adopted", "lead", "highlight", "instructions", "forwardsUsed", "score"];
// Shorter headers where the printed table is narrow.
const REPORT_HEADERS: Record<string, string> = { lead: "头条", highlight: "目录提要", instructions: "批示", forwardsUsed: "上级采用" };
const reportColumns = () =>
  REPORT_COLUMNS.map((k) => STATS_COLUMNS.find((c) => c.key === k))
    .filter((c) => c !== undefined)
    .map((c) => ({ ...c, header: REPORT_HEADERS[c.key] ?? c.header }));

/**
 * Characters a line of the 通报's title holds: 二号 (22 pt) 小标宋 across the 156 mm type area
 * (442 pt), so 20 full-width characters.
 */
export const REPORT_TITLE_CELLS = 20;

/**
 * The 通报's title as printed lines, broken as the bulletin's own titles are (GB/T 9704-2012
 * §7.3.1: the fewest lines, about equal in length, words whole — never a lone 「通报」 line).
 */
export function reportTitleLines(title: string): string[] {
  return titleLines(title, REPORT_TITLE_CELLS, { words: titleWords(title) });
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** The 通报 as a self-contained A4 page (GB/T 9704 margins, the bulletin's faces), for print and PDF. */
export function reportToPrintHtml(m: ReportModel, options: { fontBaseUrl?: string } = {}): string {
  const base = (options.fontBaseUrl ?? DEFAULT_FONT_BASE_URL).replace(/\/+$/, "");
  const cols = reportColumns();
  const table =
    `<table><thead><tr>${cols.map((c) => `<th>${esc(c.header)}</th>`).join("")}</tr></thead><tbody>` +
    m.rows.map((r) => `<tr>${cols.map((c) => `<td${c.key === "unit" ? ' class="unit"' : ""}>${esc(String(c.value(r)))}</td>`).join("")}</tr>`).join("") +
    `</tbody></table>`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(m.title)}</title>
<link rel="stylesheet" href="${esc(`${base}/${FONT_STYLESHEET}`)}">
<style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page :right { @bottom-right { content: "— " counter(page) " —"; font: 14pt/1 "宋体", "SimSun", "Noto Serif SC", serif; vertical-align: top; text-align: right; padding: 7mm 14pt 0 0; } }
@page :left { @bottom-left { content: "— " counter(page) " —"; font: 14pt/1 "宋体", "SimSun", "Noto Serif SC", serif; vertical-align: top; text-align: left; padding: 7mm 0 0 14pt; } }
html { font-family: ${FONT_STACKS.fangsong}; font-size: 16pt; line-height: 28.9pt; color: #000; }
body { margin: 0; }
.sheet { max-width: 156mm; margin: 0 auto; }
h1 { font-family: ${FONT_STACKS.xiaobiaosong}; font-size: 22pt; line-height: 1.5; text-align: center; font-weight: normal; margin: 0 0 14pt; }
h1 .title-line { display: block; white-space: nowrap; }
h2 { font-family: ${FONT_STACKS.heiti}; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
table { width: 100%; border-collapse: collapse; font-size: 11pt; line-height: 1.5; margin: 6pt 0 10pt; }
th, td { border: 0.6pt solid #000; padding: 1pt 2pt; text-align: center; }
th { font-size: 10pt; white-space: nowrap; }
td.unit, th:nth-child(2) { width: 34%; }
th { font-family: ${FONT_STACKS.heiti}; font-weight: normal; }
td.unit { text-align: left; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.sign { text-align: right; text-indent: 0; margin-top: 24pt; }
@media screen { body { background: #eee; } .sheet { background: #fff; padding: 37mm 26mm 35mm 28mm; max-width: 156mm; box-sizing: content-box; } }
</style>
</head>
<body><div class="sheet">
<h1>${reportTitleLines(m.title).map((l) => `<span class="title-line">${esc(l)}</span>`).join("")}</h1>
<p>${esc(m.intro)}</p>
<h2>一、各单位报送采用情况</h2>
${table}
<h2>二、分类排名</h2>
${m.byKind.length ? m.byKind.map((k) => `<p>${esc(k.kind)}：${esc(k.line)}。</p>`).join("\n") : "<p>本期间各类单位均无得分。</p>"}
<h2>三、计分办法</h2>
${m.rules.map((r) => `<p>${esc(r)}</p>`).join("\n")}
<p>${esc(m.closing)}</p>
<p class="sign">${esc(m.office)}<br>${esc(chineseDate(m.date))}</p>
</div></body>
</html>`;
}

function wordFont(face: keyof typeof WORD_FONTS) {
  const name = WORD_FONTS[face];
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

const LINE = 579; // 28.95 pt: 22 lines in the 225 mm type area, as the bulletin's Word file

function wpara(text: string, face: keyof typeof WORD_FONTS = "fangsong", opts: { center?: boolean; right?: boolean; size?: number; indent?: boolean } = {}) {
  return new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : opts.right ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
    indent: opts.indent === false || opts.center || opts.right ? undefined : { firstLine: 632 },
    spacing: { line: opts.size ? undefined : LINE, lineRule: opts.size ? undefined : LineRuleType.EXACT, before: 0, after: 0 },
    children: [new TextRun({ text, font: wordFont(face), size: opts.size ?? 32 })],
  });
}

/** The 通报 as a Word file: A4 with the GB/T 9704 margins, 仿宋 body, 黑体 headings, a bordered table. */
export async function reportToDocx(m: ReportModel): Promise<Buffer> {
  const cols = reportColumns();
  const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  const cell = (text: string, head = false) =>
    new TableCell({
      borders: { top: border, bottom: border, left: border, right: border },
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, font: wordFont(head ? "heiti" : "fangsong"), size: 21 })] })],
    });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.AUTOFIT,
    rows: [
      new TableRow({ tableHeader: true, children: cols.map((c) => cell(c.header, true)) }),
      ...m.rows.map((r) => new TableRow({ cantSplit: true, children: cols.map((c) => cell(String(c.value(r)))) })),
    ],
  });
  const mm = (v: number) => Math.round(v * 56.6929);
  const doc = new Document({
    creator: "简报编发",
    title: m.title,
    sections: [
      {
        properties: { page: { size: { width: mm(210), height: mm(297) }, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: { ascii: "宋体", hAnsi: "宋体", eastAsia: "宋体" }, size: 28 })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 0, after: 0 },
            children: reportTitleLines(m.title).map((l, i) => new TextRun({ text: l, font: wordFont("xiaobiaosong"), size: 44, ...(i > 0 ? { break: 1 } : {}) })),
          }),
          wpara(""),
          wpara(m.intro),
          wpara("一、各单位报送采用情况", "heiti"),
          table,
          wpara("二、分类排名", "heiti"),
          ...(m.byKind.length ? m.byKind.map((k) => wpara(`${k.kind}：${k.line}。`)) : [wpara("本期间各类单位均无得分。")]),
          wpara("三、计分办法", "heiti"),
          ...m.rules.map((r) => wpara(r)),
          wpara(m.closing),
          wpara(""),
          wpara(m.office, "fangsong", { right: true }),
          wpara(chineseDate(m.date), "fangsong", { right: true }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The table as CSV (UTF-8, header first), for the command line. */
export function statsCsv(stats: StatsResult): string {
  const cell = (v: string | number) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return [STATS_COLUMNS.map((c) => c.header), ...stats.rows.map((r) => STATS_COLUMNS.map((c) => c.value(r)))].map((row) => row.map(cell).join(",")).join("\n") + "\n";
}

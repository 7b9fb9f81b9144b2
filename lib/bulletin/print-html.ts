import type { Paragraph } from "@/lib/editor/schema";
import { formatAttribution } from "./attribution";
import { chineseDate } from "./dates";
import { issueLabel, issueLine, totalLine } from "./numbering";
import type { BulletinDocument, BulletinItem, Footer } from "./document";
import { DEFAULT_FONT_BASE_URL, FONT_STACKS, FONT_STYLESHEET } from "./fonts";
import { titleLines } from "./title-lines";
import { titleWords } from "./title-words";

export interface PrintHtmlOptions {
  /** Where the bundled faces are served: `${fontBaseUrl}/fonts.css`. Default /fonts/bulletin. */
  fontBaseUrl?: string;
}

/**
 * The bulletin as one self-contained HTML page laid out after GB/T 9704-2012: the server prints
 * it to PDF with Chromium, the office prints it from the browser, and the desk and review preview
 * it in an iframe (srcDoc). Pure: no Node, no React, every string from the document escaped.
 *
 * Geometry: A4, type area 156 × 225 mm at 37 mm from the top and 28 mm from the left; 16 pt body,
 * 28 characters a line, 22 lines a page. 16 pt is 5.64 mm, a hair wider than 156/28 = 5.57 mm, so a
 * small negative letter-spacing puts exactly 28 on a line, and indents are counted in those cells.
 */
export function bulletinToPrintHtml(doc: BulletinDocument, options: PrintHtmlOptions = {}): string {
  const base = (options.fontBaseUrl ?? DEFAULT_FONT_BASE_URL).replace(/\/+$/, "");
  const m = doc.masthead;
  const title = `${m.title} ${issueLabel(m)}${doc.draft ? "（草稿）" : ""}`;
  const total = totalLine(m, "（", "）");
  const toc = doc.toc.length ? tocHtml(doc.toc) : "";
  const sections = doc.sections
    .filter((s) => s.items.length)
    .map(
      (s) =>
        `<section class="section${s.title === null ? " lead" : ""}">` +
        (s.title === null ? "" : `<h2 class="section-title">【${esc(s.title)}】</h2>`) +
        s.items.map(itemHtml).join("") +
        `</section>`,
    )
    .join("\n");
  const body = sections ? `<div class="body">\n${sections}\n</div>` : "";
  // As in the samples' print, the masthead and highlights have page 1 to themselves; without
  // highlights the body follows the masthead.
  return `<!DOCTYPE html>
<html lang="zh-CN"${doc.draft ? ' data-draft="1"' : ""}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="stylesheet" href="${esc(`${base}/${FONT_STYLESHEET}`)}">
<style>${CSS}</style>
</head>
<body>
${doc.draft ? '<div class="watermark" aria-hidden="true">草稿</div>\n' : ""}<div class="sheet"><div class="flow">
<header class="front${body && toc ? " break" : ""}">
<div class="masthead">
<h1 class="masthead-title">${esc(m.title)}</h1>
<p class="masthead-issue">${esc(issueLine(m))}</p>
${total ? `<p class="masthead-total">${esc(total)}</p>\n` : ""}
<p class="masthead-line"><span class="office">${esc(m.office)}</span><span class="date">${esc(m.date ? chineseDate(m.date) : "")}</span></p>
</div>
${toc}</header>
${body}
${footerHtml(doc.footer)}
</div></div>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function tocHtml(toc: string[]): string {
  return `<section class="toc"><h2 class="toc-title">目录提要</h2><ul>${toc.map((t) => `<li>${tocWordsHtml(t)}</li>`).join("")}</ul></section>\n`;
}

/**
 * A 目录提要 line wraps in the browser (its width depends on the bullet and the hanging indent), so
 * each word of two or more characters (jieba's words, as for titles) is one unbreakable span: the
 * line breaks between words, never inside one (「联合举 / 办」 before).
 */
function tocWordsHtml(entry: string): string {
  // jieba leaves one-character words (对接|会, 学会|与, 企业|向|灾区): a lone Han character joins the
  // word before it, except a conjunction or preposition (与 暨 并 向 …, jieba's c and p, or one of
  // 与暨和及 when there is no tag), which starts the next word, where a break reads best.
  const groups: string[] = [];
  let lead = "";
  for (const { text, tag } of titleWords(entry)) {
    const han = /^\p{Script=Han}$/u.test(text);
    const leads = han && (tag ? /^[cp]$/.test(tag) : /^[与暨和及]$/.test(text));
    if (leads) lead += text;
    else if (han && !lead && groups.length && /\p{Script=Han}$/u.test(groups[groups.length - 1])) groups[groups.length - 1] += text;
    else {
      groups.push(lead + text);
      lead = "";
    }
  }
  if (lead) groups.push(lead);
  return groups.map((g) => ([...g].length > 1 ? `<span class="w">${escText(g)}</span>` : escText(g))).join("");
}

function itemHtml(item: BulletinItem): string {
  const paras = item.paragraphs.map(runsHtml);
  // The attribution closes the item's last paragraph, as the samples print it.
  const attribution = formatAttribution(item.source, item.author);
  const source = attribution ? `<span class="source">（${escText(attribution)}）</span>` : "";
  if (source) {
    if (paras.length) paras[paras.length - 1] += source;
    else paras.push(source);
  }
  const id = item.id === undefined ? "" : ` id="item-${item.id}" data-item-id="${item.id}"`;
  // A brief (简讯) prints without a title. A title is set line by line (printTitleLines), each line
  // kept whole, so the browser never re-breaks it inside a word.
  const title = item.title
    ? `<h3 class="item-title">${printTitleLines(item).map((l) => `<span class="title-line">${escText(l)}</span>`).join("")}</h3>`
    : "";
  return `<article class="item${item.title ? "" : " brief"}"${id}>${title}${paras.map((p) => `<p>${p}</p>`).join("")}</article>`;
}

/** Every run type the editor stores renders: plain, bold, italic, and both. */
/**
 * Characters a title line holds in print: the 28-cell line less two cells on each side (the title's
 * padding below), at the body's 16 pt and letter-spacing, so 24 full-width characters.
 */
export const TITLE_LINE_CELLS = 24;

/**
 * An item title's printed lines (GB/T 9704-2012 §7.3.1: words whole, lines balanced): the
 * editor's manual breaks, and elsewhere jieba's words laid out by titleLines.
 */
export function printTitleLines(item: Pick<BulletinItem, "title" | "titleBreaks">): string[] {
  return titleLines(item.title, TITLE_LINE_CELLS, { words: titleWords(item.title), breaks: item.titleBreaks });
}

function runsHtml(paragraph: Paragraph): string {
  return paragraph
    .map((run) => {
      let html = escText(run.text);
      if (run.italic) html = `<em>${html}</em>`;
      if (run.bold) html = `<strong>${html}</strong>`;
      return html;
    })
    .join("");
}

function footerHtml(f: Footer): string {
  const head = [
    f.mailbox ? `<p>信息报送邮箱：${esc(f.mailbox)}</p>` : "",
    f.editor ? `<p>编辑：${esc(f.editor)}</p>` : "",
    f.reviewer ? `<p>审核：${esc(f.reviewer)}</p>` : "",
    f.signer ? `<p>签发：${esc(f.signer)}</p>` : "",
  ].join("");
  const groups = f.distribution.length
    ? `<div class="distribution"><span class="label">分送：</span><div class="groups">${f.distribution.map((g) => `<p>${esc(g)}</p>`).join("")}</div></div>`
    : "";
  const printed =
    f.printedBy || f.printedDate
      ? `<p class="printed"><span>${esc(f.printedBy ?? "")}</span><span>${f.printedDate ? `${esc(chineseDate(f.printedDate))}印发` : ""}</span></p>`
      : "";
  const run = f.printRun ? `<p class="run">（共印${f.printRun}份）</p>` : "";
  const blocks = [head, groups, printed + run].filter(Boolean);
  if (!blocks.length) return "";
  // A wrapper whose top padding the script sets so that the 版记 ends at the foot of the last page.
  return `<div class="banji-wrap"><footer class="banji">${blocks.map((b) => `<div class="banji-block">${b}</div>`).join("")}</footer></div>`;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * Printed text: escaped, and the 间隔号 (·, and the look-alikes people type for it) held to the
 * character before it, so it never starts a line (热合曼·艾力 breaks before 热 or after ·, never
 * before ·). Only for element content, never for attributes or <title>.
 */
function escText(s: string): string {
  return esc(s).replace(/(\S)([·・‧•])/gu, '<span class="nb">$1$2</span>');
}

// 225 mm / 22 = 10.227 mm; 10.22 mm keeps 22 lines inside the type area after Chromium rounds
// lengths to 1/64 px. A cell is one character of the 28-character line.
const CSS = `
:root {
  --line: 10.22mm;
  --cell: calc(156mm / 28);
  --fangsong: ${FONT_STACKS.fangsong};
  --xbs: ${FONT_STACKS.xiaobiaosong};
  --heiti: ${FONT_STACKS.heiti};
  --kaiti: ${FONT_STACKS.kaiti};
  --red: #d40000;
}
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page :right { @bottom-right { content: "— " counter(page) " —"; font: 14pt/1 "宋体", "SimSun", "Noto Serif SC", serif; vertical-align: top; text-align: right; padding: 7mm 14pt 0 0; } }
@page :left { @bottom-left { content: "— " counter(page) " —"; font: 14pt/1 "宋体", "SimSun", "Noto Serif SC", serif; vertical-align: top; text-align: left; padding: 7mm 0 0 14pt; } }
@page :blank { @bottom-left { content: none; } @bottom-right { content: none; } }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; }
.flow {
  width: 156mm;
  font-family: var(--fangsong);
  font-size: 16pt;
  line-height: var(--line);
  letter-spacing: -0.285px;
  text-align: justify;
  line-break: strict;
  word-break: normal;
  overflow-wrap: break-word;
  text-spacing-trim: space-all;
  text-autospace: no-autospace;
  font-kerning: none;
  orphans: 1;
  widows: 1;
}
p, h1, h2, h3, ul { margin: 0; padding: 0; font-weight: normal; font-size: inherit; }
strong { font-weight: 700; }
.nb { white-space: nowrap; }
em { font-style: normal; font-family: var(--kaiti); }

.masthead { text-align: center; }
.masthead-title { font-family: var(--xbs); font-weight: 900; color: var(--red); font-size: 40pt; line-height: calc(2 * var(--line)); letter-spacing: 0.2em; text-indent: 0.2em; padding-top: calc(0.5 * var(--line)); }
.masthead-issue, .masthead-total { letter-spacing: 0; }
.masthead-line { display: flex; justify-content: space-between; padding: 0 var(--cell); letter-spacing: 0; }
.masthead { border-bottom: 0.75mm solid var(--red); padding-bottom: calc(0.25 * var(--line)); margin-bottom: calc(0.75 * var(--line)); }
.toc-title { font-family: var(--heiti); font-weight: 500; text-align: center; letter-spacing: 0.5em; text-indent: 0.5em; }
.toc ul { list-style: none; font-family: var(--kaiti); }
.toc li { padding-left: calc(2 * var(--cell)); text-indent: calc(-1 * var(--cell)); }
.toc li .w { white-space: nowrap; }
.toc li::before { content: "●"; display: inline-block; width: var(--cell); text-indent: 0; font-size: 0.6em; vertical-align: 0.2em; text-align: left; }
.front.break { break-after: page; }

.section { margin-top: var(--line); }
.body > .section:first-child { margin-top: 0; }
.section-title { font-family: var(--heiti); font-weight: 500; break-after: avoid; }
.item { margin-top: var(--line); }
/* Whole lines only, so every line of every page sits on the 22-line grid. */
.section-title + .item, .lead > .item:first-child { margin-top: 0; }
.item-title { font-family: var(--xbs); font-weight: 700; text-align: center; padding: 0 calc(2 * var(--cell)); break-after: avoid; break-inside: avoid; }
/* One printed line per span, laid out by the server (lib/bulletin/title-lines): 24 cells at the body's letter-spacing. */
.item-title .title-line { display: block; white-space: nowrap; }
.item p { text-indent: calc(2 * var(--cell)); }

.banji-wrap { break-inside: avoid; padding-top: var(--line); }
.banji { font-size: 14pt; letter-spacing: 0; line-height: calc(0.8 * var(--line)); border-top: 0.35mm solid #000; border-bottom: 0.35mm solid #000; text-align: left; }
.banji-block { padding: calc(0.1 * var(--line)) 14pt; }
.banji-block + .banji-block { border-top: 0.25mm solid #000; }
.distribution { display: grid; grid-template-columns: auto 1fr; }
.printed { display: flex; justify-content: space-between; }
.run { text-align: right; }

.watermark { position: fixed; top: 50%; left: 50%; transform: translate(-50%, -50%) rotate(-30deg); font-family: var(--heiti); font-size: 120pt; letter-spacing: 0.3em; color: rgba(180, 0, 0, 0.13); pointer-events: none; z-index: 10; white-space: nowrap; }

@media screen {
  body { background: #e8e8e8; padding: 12px 0; }
  /* On screen the flow is one long sheet: mark where print starts page 2 (not while measuring). */
  .flow:not(.measuring) .front.break { padding-bottom: var(--line); margin-bottom: var(--line); border-bottom: 1px dashed #bbb; }
  .sheet { width: 210mm; min-height: 297mm; margin: 0 auto; padding: 37mm 26mm 35mm 28mm; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); overflow: hidden; }
}
/* The script lays the flow out as 225 mm columns, which break exactly as print pages do, to measure where the 版记 lands. */
.flow.measuring { height: 225mm; column-width: 156mm; column-gap: 0; column-fill: auto; }
.flow.measuring .front.break { break-after: column; }
`;

// Puts the 版记 at the foot of the last page (GB/T 9704 prints it there). The flow is laid out in
// 225 mm columns, which Chromium fragments like pages, to see where the 版记 lands; its wrapper
// then gets the rest of that page as top padding. Sets data-ready when the faces have loaded and
// the 版记 is in place: the PDF renderer waits for it.
const SCRIPT = `
(function () {
  var root = document.documentElement;
  function place() {
    var flow = document.querySelector(".flow"), wrap = document.querySelector(".banji-wrap");
    if (flow && wrap) {
      wrap.style.paddingTop = "0px";
      flow.classList.add("measuring");
      var f = flow.getBoundingClientRect(), w = wrap.getBoundingClientRect();
      var free = f.height - (w.top - f.top) - w.height;
      flow.classList.remove("measuring");
      wrap.style.paddingTop = Math.max(0, free - 2) + "px";
    }
    root.setAttribute("data-ready", "1");
  }
  function start() {
    void document.body.offsetHeight;
    (document.fonts ? document.fonts.ready : Promise.resolve()).then(place, place);
  }
  if (document.readyState === "complete") start(); else window.addEventListener("load", start);
})();
`;

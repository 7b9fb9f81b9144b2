import type { BulletinDocument } from "./document";
import { CN_NUMERAL_CHARS, fromChineseNumeral, type NumberingStyle, type SupplementLabel } from "./numbering";
import { readAttribution } from "./attribution";
import { DRAFT_LINE } from "./text";
import { BRIEF_SECTION } from "./brief";
import { isWebPageLine } from "./web-noise";

/**
 * Plain text of a past issue → the bulletin document. Pure: no I/O, no database.
 *
 * Reads the shapes past issues come in (see samples/bulletins): one paragraph a line (the text
 * export, 2023-20); text extracted from the printed PDF, hard-wrapped at 28 characters with
 * page numbers, stray links and spaces around digits (2023-21); Markdown-like headings (2023-25);
 * and fragments of any of them. Blank lines carry no meaning in any of these shapes (every line
 * is followed by one), so structure comes from the lines themselves: markers (【】, #, **, bullets,
 * footer labels), punctuation, and — in hard-wrapped text — how wide each line is.
 */

// ───────────────────────────── public shape ─────────────────────────────

/** The masthead as read; a field the text does not give is null. */
export interface ParsedMasthead {
  title: string | null;
  year: number | null;
  number: number | null;
  totalNumber: number | null;
  office: string | null;
  /** ISO yyyy-mm-dd. */
  date: string | null;
  /** Set only for a double issue (第3-4期, 第3、4期合刊) or a supplement (增刊, 专刊, 特刊). */
  kind?: "double" | "supplement";
  /** The last number a double issue covers (第3-4期 → 4), and its last running number. */
  numberEnd?: number;
  totalNumberEnd?: number;
  supplementLabel?: SupplementLabel;
  /** Set only when the issue line is not the default style (Chinese numerals, year in 〔〕). */
  numbering?: NumberingStyle;
}

export interface ParsedItem {
  /** "" for paragraphs that came before any title (a fragment that starts mid-item). */
  title: string;
  paragraphs: string[];
  /** The attribution without its brackets; null when the item names no unit. */
  source: string | null;
  /** Persons the attribution names (（通讯员 张三）, （市科协 张三）), joined by 、; absent when none. */
  author?: string;
}

/** A line of the input the parse left out, and why (the import screen lists them). */
export interface DroppedLine {
  text: string;
  reason: "page_number" | "link" | "rule" | "web_page" | "caption" | "classification" | "empty_title";
}

/** Chinese labels for DroppedLine reasons. */
export const DROPPED_REASONS: Record<DroppedLine["reason"], string> = {
  page_number: "页码",
  link: "链接",
  rule: "分隔线或符号",
  web_page: "网页栏目（位置、发布信息、按钮、分享）",
  caption: "图片说明",
  classification: "密级标注",
  empty_title: "没有正文的标题",
};

export interface ParsedSection {
  /** Without 【】; null for the lead items printed before the first heading. */
  title: string | null;
  items: ParsedItem[];
}

export interface ParsedFooter {
  mailbox: string | null;
  editor: string | null;
  reviewer: string | null;
  /** 分送 groups, one printed line each. */
  distribution: string[];
  printedBy: string | null;
  printedDate: string | null;
  printRun: number | null;
}

/** What the text says, with null wherever a part is missing (the `parse` command prints this). */
export interface ParsedBulletin {
  masthead: ParsedMasthead | null;
  toc: string[];
  sections: ParsedSection[];
  footer: ParsedFooter | null;
  /** The text carries the export's draft line 「【草稿】未经审核批准，不得印发」. */
  draft: boolean;
  /** Every non-blank input line that is in none of the above. */
  dropped: DroppedLine[];
}

export class BulletinParseError extends Error {
  constructor(
    readonly code: "empty" | "binary" | "no_item",
    message: string,
  ) {
    super(message);
    this.name = "BulletinParseError";
  }
}

/** Parses the text; throws BulletinParseError for empty or binary input and text with no item in it. */
export function parseBulletin(text: string): ParsedBulletin {
  assertReadable(text);
  if (!HAN.test(text)) throw new BulletinParseError("no_item", "没有中文内容，看起来不是简报文本");
  const dropped: DroppedLine[] = [];
  const all = toLines(text, dropped);
  const draft = all.some(isDraftLine);
  const lines = all.filter((l) => !isDraftLine(l));
  const wrap = detectWrapWidth(lines);

  const head = takeMasthead(lines, dropped);
  const toc = takeToc(lines, head.end, head.masthead !== null, wrap);
  const foot = takeFooter(lines, toc.end);
  const sections = assembleSections(readBlocks(lines.slice(toc.end, foot.start), wrap, dropped), dropped);

  if (!sections.some((s) => s.items.some((i) => (i.title || BRIEF_ITEMS.has(i)) && i.paragraphs.length))) {
    throw new BulletinParseError("no_item", "没有识别出任何稿件：至少要有一个标题和它的正文段落");
  }
  return { masthead: head.masthead, toc: toc.entries, sections, footer: foot.footer, draft, dropped };
}

/**
 * The parsed text as a BulletinDocument. The document type has no nulls, so a missing masthead
 * field becomes "" or 0 (which the archive import refuses and the upload page asks for) and a
 * missing footer is empty.
 */
export function parseBulletinText(text: string): BulletinDocument {
  return documentFromParsed(parseBulletin(text));
}

export function documentFromParsed(parsed: ParsedBulletin): BulletinDocument {
  const m = parsed.masthead;
  const f = parsed.footer;
  return {
    masthead: {
      title: m?.title ?? "",
      year: m?.year ?? 0,
      number: m?.number ?? 0,
      totalNumber: m?.totalNumber ?? 0,
      office: m?.office ?? "",
      date: m?.date ?? "",
      ...(m?.kind ? { kind: m.kind } : {}),
      ...(m?.numberEnd ? { numberEnd: m.numberEnd } : {}),
      ...(m?.totalNumberEnd ? { totalNumberEnd: m.totalNumberEnd } : {}),
      ...(m?.supplementLabel ? { supplementLabel: m.supplementLabel } : {}),
      ...(m?.numbering ? { numbering: { ...m.numbering } } : {}),
    },
    toc: [...parsed.toc],
    sections: parsed.sections.map((s) => ({
      title: s.title,
      items: s.items.map((i) => ({
        title: i.title,
        paragraphs: i.paragraphs.map((p) => [{ text: p }]),
        source: i.source,
        ...(i.author ? { author: i.author } : {}),
      })),
    })),
    footer: {
      mailbox: f?.mailbox ?? "",
      editor: f?.editor ?? "",
      reviewer: f?.reviewer ?? "",
      distribution: [...(f?.distribution ?? [])],
      printedBy: f?.printedBy ?? null,
      printedDate: f?.printedDate ?? null,
      printRun: f?.printRun ?? null,
    },
    draft: parsed.draft,
  };
}

// ───────────────────────────── characters and widths ─────────────────────────────

const HAN = /\p{Script=Han}/u;

/**
 * Characters a Chinese font sets a full em wide: Han, CJK and full-width punctuation, and the
 * general punctuation Chinese text uses (“”‘’—…·). ASCII letters and digits are half as wide.
 */
function isWide(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0x2000 || c === 0xb7;
}

/** Printed width in em. Whitespace counts nothing: PDF extraction adds it around digits. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    if (ch === " ") continue;
    w += isWide(ch) ? 1 : 0.5;
  }
  return w;
}

/** Sentence-final marks, after which a line may end a paragraph. ： ends a lead-in to a list. */
const SENTENCE_END = /[。！？!?…；;：:.]$/u;
/** Closing quotes may follow the sentence-final mark: 「……。”」. */
const TRAILING_CLOSERS = /[”’」』"']+$/u;
const TRAILING_PAREN = /[（(]\s*([^（）()]{1,60}?)\s*[）)]$/u;

/** Whether a paragraph may end after this text: a finished sentence, or an attribution after one. */
function endsSentence(text: string): boolean {
  const t = text.trimEnd();
  const paren = TRAILING_PAREN.exec(t);
  if (paren) {
    const before = t.slice(0, paren.index).trimEnd();
    return before === "" || endsSentence(before);
  }
  return SENTENCE_END.test(t.replace(TRAILING_CLOSERS, ""));
}

// ───────────────────────────── spaces ─────────────────────────────

/** The space to keep between two whitespace-separated pieces of text, if any. */
function spaceBetween(left: string, right: string, keepBetweenHan: boolean): string {
  const l = left.slice(-1);
  const r = right[0];
  const lWide = isWide(l);
  const rWide = isWide(r);
  // Latin words and numbers keep their spaces.
  if (!lWide && !rWide) return " ";
  // Between two Chinese characters a space is an extraction gap or a wrapped line in a title,
  // but in running text it is usually deliberate (《坚持党建引领 创建一流学会》).
  if (lWide && rWide) return keepBetweenHan && HAN.test(l) && HAN.test(r) ? " " : "";
  // Chinese next to ASCII: extraction sets numbers, letters and acronyms apart (8 月 9 日, 特征 X
  // 射线, PPT 讲稿), which Chinese typesetting runs in; a Latin word keeps its spaces (思想 and 党的).
  const run = lWide ? /^[\x21-\x7e]+/.exec(right)?.[0] : /[\x21-\x7e]+$/.exec(left)?.[0];
  return run && /[a-z]/.test(run) ? " " : "";
}

function tidySpaces(s: string, keepBetweenHan: boolean): string {
  const parts = s.split(/\s+/).filter(Boolean);
  let out = parts[0] ?? "";
  // Asking about the previous piece, not the text so far, keeps a long paragraph linear.
  for (let k = 1; k < parts.length; k++) out += spaceBetween(parts[k - 1], parts[k], keepBetweenHan) + parts[k];
  return out;
}

/** Running text: extraction spaces go, meaningful ones stay. */
function tidyProse(s: string): string {
  return tidySpaces(s, true);
}

/** Titles, headings and names: any space next to a Chinese character is noise (科 协 每 周 动 态, 培训班暨 科技社团). */
function tidyCompact(s: string): string {
  return tidySpaces(s, false);
}

/**
 * Re-joins lines that were one line before wrapping. The line break is read like an extraction
 * gap: a wrapped Chinese line joins with nothing between, a Latin word gets its space back. A
 * number or a hyphenated word is not split by a space.
 */
function joinLines(texts: string[]): string {
  let out = texts[0] ?? "";
  for (let k = 1; k < texts.length; k++) {
    const [prev, t] = [texts[k - 1], texts[k]];
    const l = prev.slice(-1);
    const unbroken = l === "-" || (/\d/.test(l) && /\d/.test(t[0]));
    out += (unbroken ? "" : spaceBetween(prev, t, false)) + t;
  }
  return out;
}

// ───────────────────────────── lines ─────────────────────────────

interface Line {
  /** The text without its markup (#, **, bullet) and outer whitespace. */
  text: string;
  /** Display width of `text` in em. */
  width: number;
  /** Markdown heading level; 0 when the line is not a heading. */
  heading: number;
  /** The whole line was **bold** — how Markdown conversions mark a title. */
  bold: boolean;
  bullet: boolean;
  /** The line started with ■ ◆ ▌ █ — how some offices mark a section heading. */
  boxed: boolean;
}

const PAGE_NUMBER = /^[-—–－―~·\s]*(?:第\s*)?\d{1,3}(?:\s*页)?(?:\s*[/／,，]?\s*共\s*\d{1,3}\s*页)?[-—–－―~·\s]*$/u;
const LINK = /^(?:https?:\/\/|www\.)\S*$/i;
const RULE = /^(?:[-*_=—━─]\s*){3,}$/u;
const LONE_MARK = /^[●•·▪■◆◇○◎□*\-–—]+$/u;
const BULLET = /^(?:[●•·▪■◆◇○◎□]\s*|[-–*+]\s+)/u;

/** Lines a PDF extraction, a Markdown conversion or a copied web page adds that are not the bulletin's text. */
function noiseOf(t: string): DroppedLine["reason"] | null {
  if (PAGE_NUMBER.test(t)) return "page_number";
  if (LINK.test(t)) return "link";
  if (RULE.test(t) || LONE_MARK.test(t)) return "rule";
  if (isWebPageLine(t)) return "web_page";
  return null;
}

function assertReadable(text: string): void {
  if (!text || !text.trim()) throw new BulletinParseError("empty", "文件是空的，没有可以识别的内容");
  let odd = 0;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c === 0) throw new BulletinParseError("binary", "这不是文本文件（含有二进制内容），请提供 UTF-8 编码的 .txt 文本");
    // Controls other than tab, newlines and form feed, and U+FFFD (what a wrong encoding decodes to).
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) odd++;
  }
  if (odd > Math.max(8, text.length / 100)) {
    throw new BulletinParseError("binary", "文件含有大量无法识别的字符，可能不是文本文件或不是 UTF-8 编码");
  }
}

function toLines(text: string, dropped: DroppedLine[]): Line[] {
  const lines: Line[] = [];
  const normalized = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?|[\f\u2028\u2029]/g, "\n")
    // Full-width spaces indent paragraphs; tabs and no-break spaces are spaces.
    .replace(/[\t\u00a0\u3000]/g, " ")
    .replace(/[\u0000-\u0008\u000b\u000e-\u001f\ufffd]/g, "");
  for (const raw of normalized.split("\n")) {
    const t = raw.trim();
    const noise = t ? noiseOf(t) : null;
    if (noise) dropped.push({ text: t, reason: noise });
    const line = noise ? null : toLine(t);
    if (line) lines.push(line);
  }
  return lines;
}

function toLine(raw: string): Line | null {
  if (!raw) return null;
  let t = raw;
  let heading = 0;
  const h = /^(#{1,6})\s+(.*?)(?:\s+#+)?$/.exec(t);
  if (h) [heading, t] = [h[1].length, h[2]];
  let bullet = false;
  const boxed = !heading && /^[■◆▌█]/u.test(t);
  if (!heading && BULLET.test(t)) [bullet, t] = [true, t.replace(BULLET, "")];
  let bold = false;
  const b = /^(?:\*\*|__)(.+?)(?:\*\*|__)$/.exec(t);
  if (b && !/\*\*|__/.test(b[1])) [bold, t] = [true, b[1]];
  // Inline bold would print as plain runs anyway.
  t = t.replace(/\*\*(.+?)\*\*/g, "$1").trim();
  if (!t) return null;
  return { text: t, width: displayWidth(t), heading, bold, bullet, boxed };
}

/** 「【草稿】」, how the draft line starts. */
const DRAFT_MARK = DRAFT_LINE.slice(0, DRAFT_LINE.indexOf("】") + 1);

function isDraftLine(line: Line): boolean {
  return line.text.startsWith("【") && tidyCompact(line.text).startsWith(DRAFT_MARK);
}

/**
 * The width text was hard-wrapped at, or null when it was not (one paragraph a line). Wrapped text
 * has most long lines at one width, and many of them break mid-sentence; text with one paragraph
 * a line has lines of every length, ending at the end of a sentence.
 */
function detectWrapWidth(lines: Line[]): number | null {
  const body = lines.filter((l) => l.width >= 16 && !l.heading && !l.bullet);
  if (body.length < 4) return null;
  const counts = new Map<number, number>();
  for (const l of body) counts.set(Math.round(l.width), (counts.get(Math.round(l.width)) ?? 0) + 1);
  let mode = 0;
  for (const [w, n] of counts) if (n > (counts.get(mode) ?? 0) || (n === counts.get(mode) && w > mode)) mode = w;
  const atMode = body.filter((l) => Math.abs(l.width - mode) <= 1);
  const withinMode = body.filter((l) => l.width <= mode + 2).length;
  const midSentence = atMode.filter((l) => !endsSentence(l.text)).length;
  const wrapped = atMode.length >= 3 && withinMode / body.length >= 0.85 && midSentence / atMode.length >= 0.4;
  return wrapped ? mode : null;
}

/** First lines of paragraphs are indented two characters, so they hold two fewer. */
const INDENT = 2;

/** A line that reached the right margin (allowing for a first line's indent and a little slack). */
function isFull(line: Line, wrap: number): boolean {
  return line.width >= wrap - INDENT - 1;
}

/** Punctuation a typesetter lets hang past the margin at a line's end. */
const HANGING = /[，。、；：？！,.;:?!”’」』）)》…]$/u;

/**
 * Wider than an indented first line can be: the line continues a paragraph. A hanging
 * punctuation mark does not count, or a first line ending in 「，」 would look 27 wide.
 */
function isContinuationWide(line: Line, wrap: number): boolean {
  const hanging = HANGING.exec(line.text);
  return line.width - (hanging ? displayWidth(hanging[0]) : 0) > wrap - INDENT;
}

// ───────────────────────────── recognising lines ─────────────────────────────

/**
 * Widest a title can be: the form takes titles of up to 80 characters (lib/data/items.ts
 * TITLE_MAX), and the text export writes each on one line, so a title of 57 characters must read
 * back as a title (at 45 it came back glued to its first paragraph). A printed line holds ~28.
 */
const MAX_TITLE_WIDTH = 80;
/** A title wraps onto two printed lines, rarely three. */
const MAX_TITLE_LINES = 3;

/**
 * The section heading's name: 【主题教育】, 【 科创工作 】, ## 【基层动态】, 「工作动态」, ■ 基层动态.
 * (一、X and a bare short line above a title are headings only in context: see readBlocks.)
 */
function sectionTitleOf(line: Line): string | null {
  const m = /^(?:【([^【】]{1,30})】|「([^「」]{1,20})」|〖([^〖〗]{1,20})〗)$/u.exec(line.text);
  if (m) return tidyCompact(m[1] ?? m[2] ?? m[3]) || null;
  if (line.boxed && line.width <= 12 && !/[，。、；：！？,.;:!?（）()]/u.test(line.text)) return tidyCompact(line.text) || null;
  return null;
}

/** 一、工作动态: a numbered heading, a section when a title follows it (else an item's sub-heading). */
const NUMBERED_HEADING = /^[一二三四五六七八九十]{1,3}\s*[、.．]\s*([^，。；：！？,;:!?]{1,14})$/u;

/**
 * Lines that open a point inside an item — 一、… （一）… 一是… 1.… ①… — and are never an item title.
 * 「1.5倍」 and 「2024年」 are not: the mark is not followed by a digit.
 */
const SUBHEAD = /^(?:[一二三四五六七八九十]{1,3}\s*[、.．](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]是|(?:第[一二三四五六七八九十]{1,3}[，,、])|\d{1,2}\s*[.、．](?!\d)|[①-⑳])/u;

/** A list line inside an item: a bullet or a sub-heading. */
function isListLine(line: Line): boolean {
  return line.bullet || SUBHEAD.test(line.text);
}


/** Photo captions: 图为…, 图：…, ▲…, 活动现场, 与会人员合影. */
const CAPTION = /^(?:图为|图片为|图[：:]|图\d+[：:\s]|图片[：:]|▲|△|↑|【图】|（图[^）]*）$)|(?:现场|合影|留影|剪影|掠影|照片|供图|[（(][^（）()]{0,10}摄[）)])$/u;

function isCaption(line: Line): boolean {
  return line.width <= 30 && !/[。；！？!?]/u.test(line.text) && CAPTION.test(line.text);
}

/**
 * 「【基层动态】石景山区科协第九次代表大会召开」: a section heading with the first title run in.
 * Only when the rest is a title; 「【编者按】……。」 is a paragraph.
 */
function splitRunInHeading(line: Line): [section: string, title: Line] | null {
  const m = /^【([^【】]{1,12})】\s*(.+)$/u.exec(line.text);
  if (!m) return null;
  const title = { ...line, text: m[2], width: displayWidth(m[2]) };
  return isTitleLike(title) ? [tidyCompact(m[1]), title] : null;
}

const TOC_HEADER = /^(?:目录提要|目录|本期目录|本期要目|要目|本期导读|内容提要)$/u;

function isTocHeader(line: Line): boolean {
  return TOC_HEADER.test(tidyCompact(line.text).replace(/^【(.*)】$/u, "$1"));
}

type FooterField = "mailbox" | "editor" | "reviewer" | "distribution";

const FOOTER_LABELS: Record<string, FooterField> = {
  信息报送邮箱: "mailbox",
  报送邮箱: "mailbox",
  投稿邮箱: "mailbox",
  来稿邮箱: "mailbox",
  电子邮箱: "mailbox",
  邮箱: "mailbox",
  编辑: "editor",
  责任编辑: "editor",
  责编: "editor",
  审核: "reviewer",
  审稿: "reviewer",
  审签: "reviewer",
  签发: "reviewer",
  分送: "distribution",
  报送: "distribution",
  发送: "distribution",
  抄送: "distribution",
  抄报: "distribution",
  报: "distribution",
  送: "distribution",
  发: "distribution",
};
/** Distribution labels that say who is who (报 superiors, 送 peers, 发 below): kept in the printed group. */
const KEEP_DISTRIBUTION_LABEL = new Set(["报", "送", "发", "抄报"]);
const LABELLED = /^([\p{Script=Han}\s]{1,12}?)\s*[：:]\s*(.*)$/u;
const PRINTED_LINE = /^(.*?)\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*印\s*发$/u;
const PRINT_RUN = /^[（(]?\s*共\s*印\s*(\d+)\s*份\s*[）)]?$/u;

function footerLabelOf(line: Line): { field: FooterField; value: string } | null {
  // Cheap test first: this is asked of every line, most of them long paragraphs.
  if (!/[：:]/u.test(line.text.slice(0, 14))) return null;
  const m = LABELLED.exec(line.text);
  const field = m ? FOOTER_LABELS[m[1].replace(/\s/g, "")] : undefined;
  return m && field ? { field, value: m[2].trim() } : null;
}

function isFooterLine(line: Line): boolean {
  const t = line.text;
  return footerLabelOf(line) !== null || (t.endsWith("发") && PRINTED_LINE.test(t)) || (t.length <= 16 && PRINT_RUN.test(t));
}

/** A whole line in **bold** is a title, unless it is a sentence someone emphasised. */
function isBoldTitle(line: Line): boolean {
  return line.bold && isTitleLike(line);
}

/** Lines whose markup says what they are: they never continue a paragraph or title. */
function isMarked(line: Line): boolean {
  return line.heading > 0 || isBoldTitle(line) || line.bullet || sectionTitleOf(line) !== null || splitRunInHeading(line) !== null || isFooterLine(line);
}

/** A line that is nothing but an attribution: （石景山区科协）（通讯员 张三）——密云区科协. */
function isAttributionOnly(line: Line): boolean {
  const m = /^[（(]([^（）()]+)[）)]$/u.exec(line.text) ?? DASH_ATTRIBUTION.exec(line.text);
  return m !== null && readAttribution(m[1]) !== null;
}

/** 「——密云区科协」 on a line of its own: a dash, then the unit(s). */
const DASH_ATTRIBUTION = /^(?:——|—|－－|--)\s*([^—－\-，。；！？,.;!?（）()“”\s][^—－，。；！？,.;!?（）()“”]{1,39})$/u;

/** Where a title may break onto its next line but never end: 「中国制冷学会、|北京制冷学会…」「对接会——|高端装备…」. */
const TITLE_BREAK = /(?:、|——)$/u;

/**
 * Could this line be (part of) an item title? Titles are short, carry no sentence punctuation and
 * do not end in punctuation; a comma is allowed only in a short one, since a line of running text
 * nearly always has one. An `open` line may stop where a title breaks onto its next line.
 */
function isTitleLike(line: Line, open = false): boolean {
  let t = open ? line.text.replace(TITLE_BREAK, "") : line.text;
  if (!t || line.bullet || line.width > MAX_TITLE_WIDTH) return false;
  if (/[。；;！？!?]/u.test(t) || SUBHEAD.test(t) || isCaption(line)) return false;
  // A title may end in a bracket that is not an attribution: 沙龙举办（第二期）, 纲要（2021—2035年）.
  const paren = /[）)]$/u.test(t) ? TRAILING_PAREN.exec(t) : null;
  if (paren && paren.index > 0 && !readAttribution(paren[1])) t = t.slice(0, paren.index).trimEnd();
  if (/[，,、：:…—\-）)（(【「『“‘《]$/u.test(t) || /^[（(]/u.test(t)) return false;
  if (/[，,]/u.test(t) && line.width > 20) return false;
  return !isFooterLine(line) && !isTocHeader(line);
}

/** In wrapped text, a full line that the next one continues is a paragraph's first line, however title-like. */
function isParagraphFirstLine(lines: Line[], k: number, wrap: number | null): boolean {
  const [line, next] = [lines[k], lines[k + 1]];
  return wrap !== null && isFull(line, wrap) && next !== undefined && !isMarked(next) && isContinuationWide(next, wrap);
}

/** Does a paragraph start at lines[k]? */
function opensParagraph(lines: Line[], k: number, wrap: number | null): boolean {
  const line = lines[k];
  if (!line || isMarked(line)) return false;
  return !isTitleLike(line) || isParagraphFirstLine(lines, k, wrap);
}

/** Words that introduce a statement or a list, not a title: 会议指出：, 具体如下：. */
const INTRODUCES = /(?:指出|要求|强调|表示|认为|如下|提出|介绍|说|称|包括|为|是|有|明确|部署|通知|倡议)[：:]$/u;

/** 「科技赋能乡村振兴：」 printed above a title: it joins the title (the caller checks a title follows). */
function isLeadIn(line: Line): boolean {
  return /[：:]$/u.test(line.text) && line.width <= 20 && !/[，,。；;]/u.test(line.text) && !INTRODUCES.test(line.text) && !SUBHEAD.test(line.text) && !line.bullet;
}

/** Paragraphs so often open on the date (6月28日上午，…) that a title never wraps onto one. */
const OPENS_ON_DATE = /^\d{1,2}\s*月\s*\d{1,2}\s*日/u;

/**
 * How many lines the item title starting at lines[i] takes, 0 if none starts there. A title
 * printed over several lines is a run of title-like lines with a paragraph under it; without a
 * paragraph under the run (another title, a heading, the end), only a complete first line is one.
 */
function titleAt(lines: Line[], i: number, wrap: number | null): number {
  // 「——密云区科协」 after a finished sentence closes that item; it does not open the next one. (A
  // wrapped title's second line may also start with ——, but never after a sentence.)
  if (i > 0 && isAttributionOnly(lines[i]) && endsSentence(lines[i - 1].text)) return 0;
  let width = 0;
  for (let n = 0; n < MAX_TITLE_LINES; n++) {
    const line = lines[i + n];
    if (!line || isMarked(line) || isParagraphFirstLine(lines, i + n, wrap)) break;
    if (!isTitleLike(line, true) && !(n === 0 && isLeadIn(line))) break;
    if (n > 0 && OPENS_ON_DATE.test(line.text)) break;
    width += line.width;
    if (width > MAX_TITLE_WIDTH) break;
    if (isTitleLike(line) && opensParagraph(lines, i + n + 1, wrap)) return n + 1;
  }
  return isTitleLike(lines[i]) && !isParagraphFirstLine(lines, i, wrap) ? 1 : 0;
}

// ───────────────────────────── masthead ─────────────────────────────

const OFFICE_NAME = /(?:办公室|办|厅|局|处|部|委员会|科协|协会|学会|中心|研究会|研究院|研究所|学院|大学|学校|党校|编辑部|秘书处|联合会|促进会)$/u;
/** Lines printed above a masthead title that are not its title. */
const CLASSIFICATION = /^(?:(?:内部资料|注意保存|内部刊物|内部参考|仅供参考|内部交流|请勿外传|秘密|机密|绝密)[，,、\s]*)+$|^★/u;
const MASTHEAD_WINDOW = 12;
/** Between the two numbers of a double issue: 第3-4期, 第3～4期, 第3、4期. */
const RANGE = "[-－～~〜—–、至到]";
const CN = `[${CN_NUMERAL_CHARS}]`;
const CN_ISSUE = new RegExp(`第(${CN}+)(?:(${RANGE})(${CN}+))?期`, "gu");
const CN_DATE = /([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/u;
const BRACKET_YEAR = /[〔﹝[［](\d{4})[〕﹞\]］]\s*|[（(](\d{4})[）)](?=第|增刊|专刊|特刊)/u;
const TOTAL_TOKEN = new RegExp(`[（(]?总第(\\d{1,5})(?:${RANGE}(\\d{1,5}))?期[）)]?`, "u");
const DATE_TOKEN = /(\d{4})年(\d{1,2})月(\d{1,2})日|(\d{4})[.\-/／．](\d{1,2})[.\-/／．](\d{1,2})日?/u;
const ISSUE_TOKEN = new RegExp(`(?:(\\d{4})年)?(增刊|专刊|特刊)?[（(]?第(\\d{1,4})(?:${RANGE}(\\d{1,4}))?期[）)]?(?:[（(]?(合刊)[）)]?)?`, "u");
const SUPPLEMENT_TOKEN = /(?:(\d{4})年)?(增刊|专刊|特刊)/u;
const YEAR_ONLY = /^(\d{4})年$/u;
const OFFICE_PREFIX = /^(?:主办单位|编印单位|主办|编印|编发|承办|主编|编辑|出品)[：:]/u;
const OFFICE_SUFFIX = /(?:编印|主办|编发|承办|印发|编)$/u;

function isoDate(y: string, m: string, d: string): string | null {
  const [month, day] = [Number(m), Number(d)];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** A line of the masthead: short, no sentence in it. */
function fitsMasthead(line: Line): boolean {
  return line.width <= 36 && !line.bullet && !/[，。；！？,;!?]/u.test(line.text);
}

/**
 * Masthead text as the patterns read it: no spaces, ASCII digits (some offices type ２０２３),
 * Chinese numerals in the issue and total numbers and the date as digits, a bracketed year as
 * 2024年. Says which of those styles the line used.
 */
function mastheadText(line: Line): { text: string; chinese: boolean; brackets: boolean } {
  let chinese = false;
  let brackets = false;
  let t = tidyCompact(line.text)
    .replace(/[０-９]/gu, (d) => String(d.charCodeAt(0) - 0xff10))
    .replace(/[○Ｏ]/gu, "〇");
  t = t.replace(CN_DATE, (all, y: string, m: string, d: string) => {
    const [yy, mm, dd] = [fromChineseNumeral(y), fromChineseNumeral(m), fromChineseNumeral(d)];
    return yy && mm && dd ? `${yy}年${mm}月${dd}日` : all;
  });
  t = t.replace(CN_ISSUE, (all, a: string, sep: string | undefined, b: string | undefined) => {
    const [x, y] = [fromChineseNumeral(a), b ? fromChineseNumeral(b) : null];
    if (x === null || (b && y === null)) return all;
    chinese = true;
    return `第${x}${b ? `${sep}${y}` : ""}期`;
  });
  const year = BRACKET_YEAR.exec(t);
  if (year) {
    brackets = true;
    t = t.replace(BRACKET_YEAR, `${year[1] ?? year[2]}年`);
  }
  return { text: t, chinese, brackets };
}

/** The office named by what is left of a masthead line: 「主办：X」「X编印」「发展研究中心编」 → X. */
function officeOf(rest: string): string | null {
  const t = rest.replace(/^[\s·|｜/、，,：:（）()]+|[\s·|｜/、，,：:（）()]+$/gu, "");
  if (!t) return null;
  const name = t.replace(OFFICE_PREFIX, "").replace(OFFICE_SUFFIX, "");
  return name && name.length <= 40 && (OFFICE_NAME.test(name) || name !== t) ? name : null;
}

interface MastheadTokens {
  year?: number;
  number?: number;
  numberEnd?: number;
  double?: boolean;
  supplement?: SupplementLabel;
  total?: number;
  totalEnd?: number;
  date?: string | null;
  office?: string | null;
  chinese: boolean;
  brackets: boolean;
}

/**
 * What one masthead line holds — issue number (or a range, or a supplement), running number, date
 * and office, in any order — or null when it holds no issue data or has other words beside it
 * (「市科协召开2024年第1期学术沙龙」 is a title).
 */
function readMastheadLine(line: Line): MastheadTokens | null {
  const norm = mastheadText(line);
  let t = norm.text;
  const out: MastheadTokens = { chinese: norm.chinese, brackets: norm.brackets };
  let found = false;
  const total = TOTAL_TOKEN.exec(t);
  if (total) {
    [found, out.total] = [true, Number(total[1])];
    if (total[2]) out.totalEnd = Number(total[2]);
    t = t.replace(total[0], " ");
  }
  const date = DATE_TOKEN.exec(t);
  if (date) {
    found = true;
    out.date = date[1] ? isoDate(date[1], date[2], date[3]) : isoDate(date[4], date[5], date[6]);
    t = t.replace(date[0], " ");
  }
  const issue = ISSUE_TOKEN.exec(t);
  const supplement = issue ? null : SUPPLEMENT_TOKEN.exec(t);
  if (issue) {
    found = true;
    if (issue[1]) out.year = Number(issue[1]);
    if (issue[2]) out.supplement = issue[2] as SupplementLabel;
    out.number = Number(issue[3]);
    if (issue[4] && Number(issue[4]) > out.number) [out.numberEnd, out.double] = [Number(issue[4]), true];
    t = t.replace(issue[0], " ");
  } else if (supplement) {
    found = true;
    if (supplement[1]) out.year = Number(supplement[1]);
    out.supplement = supplement[2] as SupplementLabel;
    t = t.replace(supplement[0], " ");
  }
  const yearOnly = YEAR_ONLY.exec(t.trim());
  if (yearOnly && found) [out.year, t] = [Number(yearOnly[1]), ""];
  if (!found) {
    if (!YEAR_ONLY.test(norm.text)) return null;
    return { ...out, year: Number(norm.text.slice(0, 4)) };
  }
  const rest = t.replace(/[\s（）()]+/gu, " ").trim();
  if (rest) {
    // An office shares a line with the date, not with a bare issue number (沙龙举办（第二期） is a title).
    if (out.date === undefined) return null;
    // Beside a date, whatever short name is there is the office (北京市科协办公室 2023年7月7日).
    out.office = officeOf(rest) ?? (out.date !== undefined && displayWidth(rest) <= 30 && HAN.test(rest) ? rest.replace(/\s/gu, "") : null);
    if (!out.office) return null;
  }
  return out;
}

/**
 * The masthead is the run of short lines at the top that holds the issue line (2023年 第20期,
 * 〔2022〕第九期, 第3-4期合刊, 2024年增刊), the running number (（总第73期）) or the issue date,
 * in any combination on a line. A fragment has none, and its first title — even one with a year
 * in it — must not be taken for one.
 */
const ISSUE_IN_TITLE = /(?:\d{4}\s*年|[〔［\[]\d{4}[〕］\]])\s*(?:第\s*[\d一二三四五六七八九十〇零百]+\s*期|增刊|专刊|特刊)/u;

function takeMasthead(lines: Line[], dropped: DroppedLine[]): { masthead: ParsedMasthead | null; end: number } {
  let last = -1;
  for (let i = 0; i < Math.min(lines.length, MASTHEAD_WINDOW); i++) {
    const line = lines[i];
    if (isTocHeader(line) || sectionTitleOf(line) !== null || isFooterLine(line) || !fitsMasthead(line)) break;
    if (readMastheadLine(line) || (last >= 0 && officeOf(mastheadText(line).text))) last = i;
  }
  if (last < 0) return { masthead: null, end: 0 };

  const m: ParsedMasthead = { title: null, year: null, number: null, totalNumber: null, office: null, date: null };
  let seenData = false;
  const titles: string[] = [];
  const leftovers: string[] = [];
  let [chinese, brackets] = [false, false];
  for (const line of lines.slice(0, last + 1)) {
    const tokens = readMastheadLine(line);
    const text = tidyCompact(line.text);
    if (tokens) {
      if (tokens.year) m.year = tokens.year;
      if (tokens.number !== undefined) m.number = tokens.number;
      if (tokens.numberEnd) [m.numberEnd, m.kind] = [tokens.numberEnd, "double"];
      if (tokens.supplement) [m.supplementLabel, m.kind] = [tokens.supplement, "supplement"];
      if (tokens.total !== undefined) m.totalNumber = tokens.total;
      if (tokens.totalEnd) m.totalNumberEnd = tokens.totalEnd;
      if (tokens.date !== undefined) m.date = tokens.date;
      if (tokens.office && !m.office) m.office = tokens.office;
      chinese ||= tokens.chinese;
      brackets ||= tokens.brackets;
      seenData = true;
    } else if (!seenData) {
      if (CLASSIFICATION.test(text)) dropped.push({ text, reason: "classification" });
      else titles.push(text);
    } else {
      leftovers.push(text);
    }
  }
  // A copied web page repeats the masthead in its own heading (市科协工作简报 2024年第6期) above the
  // printed title: that line is the page's, not part of the title.
  const pageHeadings = titles.filter((t) => ISSUE_IN_TITLE.test(t));
  if (pageHeadings.length && pageHeadings.length < titles.length) {
    for (const t of pageHeadings) dropped.push({ text: t, reason: "web_page" });
    titles.splice(0, titles.length, ...titles.filter((t) => !ISSUE_IN_TITLE.test(t)));
  }
  // The title may be printed over lines (北京市老科协 / 简  报); spaces in it were letter-spacing.
  const joined = titles.join("");
  m.title = (joined.length <= 40 ? joined : titles[titles.length - 1]) || null;
  for (const left of leftovers) {
    const office = officeOf(left) ?? left;
    if (!m.office) m.office = office;
  }
  if (m.kind === "double" && m.totalNumber !== null && !m.totalNumberEnd && m.numberEnd && m.number) {
    m.totalNumberEnd = m.totalNumber + (m.numberEnd - m.number);
  }
  if (chinese || brackets) m.numbering = { numerals: chinese ? "chinese" : "arabic", yearBrackets: brackets };
  // 第N期 counts within the year, so a masthead without the year is of the issue date's year.
  if (m.year === null && m.date) m.year = Number(m.date.slice(0, 4));
  return { masthead: m, end: last + 1 };
}

// ───────────────────────────── 目录提要 ─────────────────────────────

/** The number of a contents entry: 1. 1、 1． （1） ① — stripped from the entry. */
const TOC_NUMBER = /^(?:\d{1,2}\s*[.、．](?!\d)|[（(]\d{1,2}[）)]|[①-⑳])\s*/u;

/** A numbered contents list with no header right under the masthead: at least two entries numbered 1, 2, …. */
function isNumberedToc(lines: Line[], i: number): boolean {
  const [a, b] = [lines[i], lines[i + 1]];
  return a !== undefined && b !== undefined && TOC_NUMBER.test(a.text) && TOC_NUMBER.test(b.text) && /^(?:1|（1）|\(1\)|①)/u.test(a.text) && !/[。；]$/u.test(a.text);
}

/** A highlight marked with a star or a triangle: ★县科协召开…, ▲县科协召开…. */
const TOC_STAR = /^([★☆▲△►▶▸✦❖])\s*/u;

/**
 * The 目录提要 list: after its header, or bulleted right under the masthead. Without bullets it is
 * the run of title-like lines, less the last one when a paragraph follows (that is the first
 * item's title).
 */
function takeToc(lines: Line[], start: number, afterMasthead: boolean, wrap: number | null): { entries: string[]; end: number } {
  let i = start;
  const hasHeader = lines[i] !== undefined && isTocHeader(lines[i]);
  if (hasHeader) i++;
  // ■ 重点工作 right after the masthead is the first section's heading, not a contents list.
  else if (!(afterMasthead && ((lines[i]?.bullet && !lines[i].boxed) || isNumberedToc(lines, i)))) return { entries: [], end: start };

  const entries: string[] = [];
  // ★ / ☆ / ▲ / ► before each highlight under a 本期要目 header: the mark of the list, not of a
  // caption or a section (those marks mean that elsewhere, so only here, and only the header's run).
  const starred = hasHeader ? TOC_STAR.exec(lines[i]?.text ?? "") : null;
  if (starred) {
    while (i < lines.length && TOC_STAR.test(lines[i].text) && displayWidth(lines[i].text) <= MAX_TITLE_WIDTH + 2 && !/[。；]$/u.test(lines[i].text)) {
      entries.push(lines[i].text.replace(TOC_STAR, ""));
      i++;
    }
  } else if (lines[i] && TOC_NUMBER.test(lines[i].text)) {
    // 1. … 2. … (or ①②, （1）): numbered, with or without a header; the marks are not the highlight's text.
    while (i < lines.length && TOC_NUMBER.test(lines[i].text) && displayWidth(lines[i].text) <= MAX_TITLE_WIDTH + 4 && !/[。；]$/u.test(lines[i].text)) {
      entries.push(lines[i].text.replace(TOC_NUMBER, ""));
      i++;
    }
  } else if (lines[i]?.bullet) {
    while (i < lines.length) {
      const line = lines[i];
      if (line.bullet) entries.push(line.text);
      // A highlight too long for the line wraps onto an unbulleted one.
      else if (wrap !== null && entries.length && isFull(lines[i - 1], wrap) && !isMarked(line)) entries[entries.length - 1] += line.text;
      else break;
      i++;
    }
  } else {
    const first = i;
    while (i < lines.length && !isMarked(lines[i]) && isTitleLike(lines[i]) && !opensParagraph(lines, i, wrap)) i++;
    if (i > first && opensParagraph(lines, i, wrap)) i--;
    for (const line of lines.slice(first, i)) entries.push(line.text);
  }
  return { entries: entries.map(tidyCompact).filter(Boolean), end: i };
}

// ───────────────────────────── footer (版记) ─────────────────────────────

/** What a footer line can be: labelled, or a short distribution group — never a sentence or a heading. */
function fitsFooter(line: Line): boolean {
  return isFooterLine(line) || (line.width <= 60 && !line.heading && sectionTitleOf(line) === null && !/[。！？；]/u.test(line.text));
}

/**
 * The footer (版记) closes the issue: it starts at the first labelled line of the run of
 * footer-shaped lines at the end. An item's own 「邮箱：…」 earlier in the text is not it.
 */
function takeFooter(lines: Line[], from: number): { footer: ParsedFooter | null; start: number } {
  let start = lines.length;
  for (let i = lines.length - 1; i >= from && fitsFooter(lines[i]); i--) if (isFooterLine(lines[i])) start = i;
  if (start === lines.length) return { footer: null, start };
  const footer: ParsedFooter = { mailbox: null, editor: null, reviewer: null, distribution: [], printedBy: null, printedDate: null, printRun: null };
  let inDistribution = false;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i];
    const labelled = footerLabelOf(line);
    const printed = PRINTED_LINE.exec(line.text);
    const run = PRINT_RUN.exec(line.text);
    inDistribution = labelled?.field === "distribution" || (inDistribution && !labelled && !printed && !run);
    if (labelled?.field === "mailbox") footer.mailbox = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(labelled.value)?.[0] ?? (labelled.value || null);
    else if (labelled?.field === "editor") footer.editor = tidyCompact(labelled.value) || null;
    else if (labelled?.field === "reviewer") footer.reviewer = tidyCompact(labelled.value) || null;
    else if (printed) {
      footer.printedBy = tidyCompact(printed[1]) || null;
      footer.printedDate = isoDate(printed[2], printed[3], printed[4]);
    } else if (run) footer.printRun = Number(run[1]);
    else if (inDistribution) {
      const label = labelled ? (LABELLED.exec(line.text)?.[1] ?? "").replace(/\s/g, "") : "";
      const group = tidyProse(labelled ? (KEEP_DISTRIBUTION_LABEL.has(label) ? `${label}：${labelled.value}` : labelled.value) : line.text);
      const prev = lines[i - 1];
      // One group wrapped over two printed lines is still one group when the line before stopped
      // mid-list. (Width says nothing here: a group that fills the line is as likely as one that wraps.)
      if (!labelled && /[、，,]$/u.test(prev.text) && footer.distribution.length) footer.distribution[footer.distribution.length - 1] += group;
      else if (group) footer.distribution.push(group);
    }
  }
  return { footer, start };
}

// ───────────────────────────── body ─────────────────────────────

type Block = { kind: "section"; title: string } | { kind: "title"; text: string } | { kind: "paragraph"; text: string };

/**
 * Body lines → section headings, titles and paragraphs. A title opens every item; what follows a
 * title is its first paragraph, whatever it looks like, which is how a page break that leaves a
 * short, comma-less start of a paragraph on its own line is still read as text.
 */
function readBlocks(lines: Line[], wrap: number | null, dropped: DroppedLine[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const afterTitle = blocks[blocks.length - 1]?.kind === "title";
    const section =
      sectionTitleOf(line) ??
      (line.heading && (lines[i + 1]?.heading ?? 0) > line.heading ? tidyCompact(line.text) : null) ??
      (afterTitle ? null : headingAbove(lines, i, wrap)) ??
      // 简讯 / 简  讯 / 短讯 on a bare line: a brief column's heading, though no title follows it.
      (!afterTitle && !line.bullet && line.width <= 12 && BRIEF_SECTION.test(line.text.replace(/[\s\u3000]/gu, "")) ? line.text.replace(/[\s\u3000]/gu, "") : null);
    const runIn = section === null ? splitRunInHeading(line) : null;
    if (section === null && !afterTitle && blocks.length > 0 && isCaption(line)) {
      dropped.push({ text: line.text, reason: "caption" });
      i++;
    } else if (runIn) {
      blocks.push({ kind: "section", title: runIn[0] }, { kind: "title", text: runIn[1].text });
      i++;
    } else if (section !== null) {
      blocks.push({ kind: "section", title: section });
      i++;
    } else if (line.heading || isBoldTitle(line)) {
      blocks.push({ kind: "title", text: line.text });
      i++;
    } else if (blocks[blocks.length - 1]?.kind !== "title" && titleAt(lines, i, wrap) > 0) {
      const n = titleAt(lines, i, wrap);
      blocks.push({ kind: "title", text: joinLines(lines.slice(i, i + n).map((l) => l.text)) });
      i += n;
    } else {
      const parts = [line.text];
      let end = i + 1;
      // A sub-heading or list line that stops short is a paragraph of its own: 「一、加强组织领导」.
      const standalone = isListLine(line) && !endsSentence(line.text) && (wrap === null || !isFull(line, wrap));
      // The last few lines are all continuesParagraph needs to see (an attribution may wrap).
      while (!standalone && end < lines.length && continuesParagraph(lines, end, joinLines(parts.slice(-3)), wrap)) parts.push(lines[end++].text);
      blocks.push({ kind: "paragraph", text: joinLines(parts) });
      i = end;
    }
  }
  return blocks;
}

/**
 * A heading known only from context: 「一、工作动态」 or a short bare line (one paragraph a line)
 * right above an item's title and its first paragraph. Elsewhere 一、… is an item's sub-heading.
 */
function headingAbove(lines: Line[], i: number, wrap: number | null): string | null {
  const line = lines[i];
  const next = lines[i + 1];
  if (!next || isMarked(next)) return null;
  const numbered = NUMBERED_HEADING.exec(line.text);
  // ▲协会动态 / ▶ 会员风采: a marked short name over a title (a ▲ caption sits over a paragraph).
  const marked = /^[▲▶►★☆]\s*([^，。、；：！？,.;:!?（）()\s]{2,10})$/u.exec(line.text);
  const bare = wrap === null && !numbered && !marked && line.width <= 10 && isTitleLike(line) && !isAttributionOnly(line) && !TITLE_BREAK.test(line.text) && next.width > line.width;
  if (!numbered && !bare && !marked) return null;
  const n = titleAt(lines, i + 1, wrap);
  if (n === 0 || !opensParagraph(lines, i + 1 + n, wrap)) return null;
  return tidyCompact(numbered ? numbered[1] : marked ? marked[1] : line.text) || null;
}

/**
 * Does the next item's title, with a paragraph under it, start at lines[k]? Asked of a line after
 * a paragraph that lost its final stop; a full line there is the paragraph going on.
 */
function startsItem(lines: Line[], k: number, wrap: number | null): boolean {
  if (wrap !== null && isFull(lines[k], wrap)) return false;
  const n = titleAt(lines, k, wrap);
  return n > 0 && opensParagraph(lines, k + n, wrap);
}

/**
 * Does lines[k] go on the paragraph `text`? It does when the text stops mid-sentence (a wrap, or
 * a page break in one-paragraph-a-line text), unless the line is the next item's title; and, in
 * wrapped text, when the sentence ended exactly at the margin and this line is too wide to be an
 * indented first line.
 */
function continuesParagraph(lines: Line[], k: number, text: string, wrap: number | null): boolean {
  const line = lines[k];
  if (isMarked(line) || isAttributionOnly(line) || isCaption(line)) return false;
  if (SUBHEAD.test(line.text) && (wrap === null || !isFull(lines[k - 1], wrap))) return false;
  if (!endsSentence(text)) return !startsItem(lines, k, wrap);
  return wrap !== null && isFull(lines[k - 1], wrap) && isContinuationWide(line, wrap);
}

/** Untitled one-paragraph items of a brief column (简讯): a parse keeps them though they have no title. */
const BRIEF_ITEMS = new WeakSet<ParsedItem>();

function isAttributionText(text: string): boolean {
  const m = /^[（(]([^（）()]+)[）)]$/u.exec(text);
  return m !== null && readAttribution(m[1]) !== null;
}

function assembleSections(blocks: Block[], dropped: DroppedLine[]): ParsedSection[] {
  const sections: ParsedSection[] = [];
  let section: ParsedSection | null = null;
  let item: ParsedItem | null = null;
  for (const block of blocks) {
    // A title with no paragraph under it: at the very end of a fragment it is the last line of
    // the item before; elsewhere it is left out (and listed). Never an empty item.
    if (item && item.title && !item.paragraphs.length && block.kind !== "paragraph" && section) {
      section.items.pop();
      dropped.push({ text: item.title, reason: "empty_title" });
      item = section.items[section.items.length - 1] ?? null;
    }
    if (block.kind === "section") {
      section = { title: block.title, items: [] };
      sections.push(section);
      item = null;
      continue;
    }
    if (!section) {
      section = { title: null, items: [] };
      sections.push(section);
    }
    if (block.kind === "title") {
      item = { title: tidyCompact(block.text), paragraphs: [], source: null };
      section.items.push(item);
      continue;
    }
    const text = tidyProse(block.text);
    if (!text) continue;
    const brief = section.title !== null && BRIEF_SECTION.test(section.title);
    // In a brief column every paragraph is an item of its own; an attribution line closes the one before.
    const newBrief = brief && item !== null && item.paragraphs.length > 0 && !isAttributionText(text);
    if (!item || newBrief) {
      item = { title: "", paragraphs: [], source: null };
      if (brief) BRIEF_ITEMS.add(item);
      section.items.push(item);
    }
    item.paragraphs.push(text);
  }
  if (item && item.title && !item.paragraphs.length && section) {
    section.items.pop();
    const before = section.items[section.items.length - 1];
    if (before?.paragraphs.length) before.paragraphs.push(item.title);
    else dropped.push({ text: item.title, reason: "empty_title" });
  }
  for (const s of sections) for (const it of s.items) takeAttribution(it);
  return sections;
}

/** 「——县教育局」 closing an item: a dash, then a unit (or units) and nothing after. */
const TRAILING_DASH = /(?:——|—|－－|--)\s*([^—－\-，。；！？,.;!?（）()“”\s][^—－，。；！？,.;!?（）()“”]{1,39})$/u;

/**
 * Moves the attribution at the very end of the item's last paragraph into `source` (units, all
 * of them, joined by 、) and `author` (persons). Only a bracket that follows the end of a sentence
 * and reads as an attribution counts: （扩大） and 中心（市科协党校）开班 are part of the sentence.
 * A dash before the unit (「——县教育局」, on its own line or after the last sentence) is an
 * attribution as well.
 */
function takeAttribution(item: ParsedItem): void {
  const last = item.paragraphs[item.paragraphs.length - 1];
  if (last === undefined) return;
  const m = TRAILING_PAREN.exec(last) ?? TRAILING_DASH.exec(last);
  const attribution = m ? readAttribution(m[1]) : null;
  if (!m || !attribution) return;
  const before = last.slice(0, m.index).trimEnd();
  if (before && !endsSentence(before)) return;
  item.source = attribution.units.length ? tidyCompact(attribution.units.join("、")) : null;
  if (attribution.persons.length) item.author = attribution.persons.join("、");
  if (before) item.paragraphs[item.paragraphs.length - 1] = before;
  else item.paragraphs.pop();
}

import { type WordLists, wordListFindings } from "./word-lists";
import { type Hunk, zhlintHunks } from "./zhlint";

/**
 * Copy checks an office applies before a 简报 item goes out (GB/T 15834 punctuation and the house
 * style of the samples). Width of punctuation and stray spaces come from zhlint, configured to
 * government style; what zhlint does not check — doubled punctuation, unbalanced or back-to-front
 * quotes and brackets, the final 。, date forms, full-width digits — is checked here. Every finding
 * carries its own fix; none blocks submission.
 */
export const COPY_RULES = [
  "halfwidth_punct",
  "halfwidth_quote",
  "quote_style",
  "quote_direction",
  "quote_unbalanced",
  "bracket_unbalanced",
  "bracket_mismatch",
  "space_cjk",
  "space_number",
  "space_date",
  "space_mixed",
  "indent",
  "doubled_punct",
  "ellipsis",
  "missing_period",
  "para_end_comma",
  "title_period",
  "date_format",
  "date_zero",
  "fullwidth_alnum",
  "attribution_in_body",
  "format",
  "standard_wording",
  "sensitive_word",
] as const;
export type CopyRule = (typeof COPY_RULES)[number];

export interface Finding {
  rule: CopyRule;
  /** [start, end) in the checked text; start === end for an insertion. */
  start: number;
  end: number;
  original: string;
  replacement: string;
  /** A few characters either side, for showing the finding in context. */
  prefix: string;
  suffix: string;
  /** Flagged for a person to decide (a 敏感词): no automatic fix, and applyFindings leaves it. */
  flagOnly?: true;
}

export type { WordLists } from "./word-lists";
export { wordListFindings } from "./word-lists";

export interface CheckOptions {
  kind: "title" | "body";
  /** For a body paragraph: whether it is the last one (the attribution would follow it). */
  last?: boolean;
  /** The item's attribution, to spot it repeated at the end of the body. */
  source?: string | null;
  /**
   * The paragraph is one of a quotation that runs over several paragraphs and is not its last: it
   * opens with “ and does not close it (GB/T 15834 4.1.3.2 — each paragraph opens, only the last closes).
   */
  quotationContinues?: boolean;
  /** The admin's 规范表述 and 敏感词 lists, when the caller has them. */
  wordLists?: WordLists | null;
}

/**
 * A numbering marker at the start of a paragraph or after a colon or semicolon: 一、 （一） 1. 1．
 * 1） (1) ① 第一条 1.1 a) Ⅲ. …  No finding ever touches one: 「1.」 is not 「1。」, 「1）」 is not an
 * unbalanced bracket.
 */
const MARKER =
  /(?<=^[\s\u3000]*|[：:；;。，,！？\s\u3000])(?:[一二三四五六七八九十百零〇]+[、.．]|[（(][一二三四五六七八九十百零〇\d]{1,3}[）)]|\d{1,3}(?:[.．]\d{1,3})*[.．、)）](?!\d)|\d{1,3}(?:[.．]\d{1,3})+|[①-⑳㉑-㉟㊱-㊿⑴-⒇⒈-⒛]|第[一二三四五六七八九十百零〇\d]+[条章节款项部分篇]|[a-zA-Z][.)）](?![a-zA-Z])|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹ]+[.、．]?|(?:[IVX]{1,4})[.、．])/g;

/** [start, end) of every numbering marker in the text. */
export function numberingMarkers(text: string): [number, number][] {
  return [...text.matchAll(MARKER)].map((m) => [m.index, m.index + m[0].length]);
}

/**
 * Which paragraphs continue a quotation into the next one: the paragraph opens with “, leaves more
 * “ than ” open, and the next paragraph opens with “ too.
 */
export function quotationContinuations(paragraphs: string[]): boolean[] {
  const opens = (t: string) => /^[\s\u3000]*“/.test(t);
  const unclosed = (t: string) => (t.match(/“/g)?.length ?? 0) > (t.match(/”/g)?.length ?? 0);
  return paragraphs.map((t, i) => opens(t) && unclosed(t) && i + 1 < paragraphs.length && opens(paragraphs[i + 1]));
}

/**
 * Checks an item's body paragraphs together: the last one knows the attribution, and a quotation
 * running over several paragraphs is not flagged. Findings per paragraph, in order.
 */
export function checkParagraphs(paragraphs: string[], opts: { source?: string | null; wordLists?: WordLists | null } = {}): Finding[][] {
  const continues = quotationContinuations(paragraphs);
  let last = -1;
  paragraphs.forEach((t, i) => {
    if (t.trim()) last = i;
  });
  return paragraphs.map((t, i) => checkText(t, { kind: "body", last: i === last, source: opts.source, quotationContinues: continues[i], wordLists: opts.wordLists }));
}

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const FULLWIDTH_PUNCT = "，。、；：？！“”‘’（）《》【】〈〉「」『』—…·～";
export const isHan = (c: string | undefined) => !!c && HAN.test(c);
const isCjk = (c: string | undefined) => !!c && (HAN.test(c) || FULLWIDTH_PUNCT.includes(c));
const isDigit = (c: string | undefined) => !!c && c >= "0" && c <= "9";
const CONTEXT = 6;

function finding(text: string, rule: CopyRule, start: number, end: number, replacement: string): Finding {
  return {
    rule,
    start,
    end,
    original: text.slice(start, end),
    replacement,
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
  };
}

/** Checks one paragraph (or a title). Findings never overlap and are in text order. */
export function checkText(text: string, opts: CheckOptions): Finding[] {
  if (!text.trim()) return [];
  const hunks = zhlintHunks(text);
  const own = [
    ...indent(text),
    ...ellipsis(text),
    ...doubled(text),
    ...quotes(text, "\"“”", "“", "”", !!opts.quotationContinues),
    ...quotes(text, "‘’", "‘", "’"),
    ...brackets(text),
    ...dates(text),
    ...fullwidthAlnum(text),
    ...(opts.kind === "title" ? titlePeriod(text) : [...attribution(text, opts), ...finalPeriod(text)]),
  ];
  // Where zhlint fails on a paragraph, our own width and space rules stand in for it.
  const fromLinter = hunks ? groupHunks(text, hunks.filter((h) => !/["“”‘’']/.test(h.original))) : [...halfwidthFallback(text), ...spaceFallback(text)];
  const markers = numberingMarkers(text);
  // Web addresses, e-mail addresses and sentences in a Latin-script language are written by their
  // own rules: 2024/3/15 in a link is not a date, the 「.」 ending an English sentence is not 。.
  const shielded = [...markers, ...latinSpans(text)];
  const touchesMarker = (f: Finding) => shielded.some(([a, b]) => f.start < b && f.end > a);
  // The admin's lists come first: on the same stretch their finding is the one shown.
  const listed = wordListFindings(text, opts.wordLists);
  const all = [...listed, ...[...own, ...fromLinter].filter((f) => !touchesMarker(f))].sort((a, b) => a.start - b.start || a.end - b.end || rank(a) - rank(b));
  // One finding per stretch of text: a later one touching an earlier one waits until that is fixed.
  const out: Finding[] = [];
  for (const f of all) {
    const prev = out[out.length - 1];
    if (prev && (f.start < prev.end || (f.start === prev.start && f.end === prev.end) || (f.start === f.end && f.start === prev.end && prev.start !== prev.end && !prev.flagOnly))) continue;
    out.push(f);
  }
  return out;
}

/** Applies one finding to the text it was found in. */
export function applyFinding(text: string, f: Finding): string {
  return text.slice(0, f.start) + f.replacement + text.slice(f.end);
}

/** Applies several findings of the same text, last first so earlier offsets stay valid; flag-only findings are left. */
export function applyFindings(text: string, findings: Finding[]): string {
  return [...findings]
    .filter((f) => !f.flagOnly)
    .sort((a, b) => b.start - a.start)
    .reduce((t, f) => applyFinding(t, f), text);
}

const rank = (f: Finding) => (f.rule === "sensitive_word" || f.rule === "standard_wording" ? 0 : 1);

// --- rules ---------------------------------------------------------------------------------

function indent(text: string): Finding[] {
  const m = /^[\s\u3000\u00a0]+/.exec(text);
  return m ? [finding(text, "indent", 0, m[0].length, "")] : [];
}

function ellipsis(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(/\.{3,}|。{3,}|…+/g)) {
    if (m[0] === "……") continue;
    const i = m.index;
    if (m[0].startsWith(".") && !isCjk(text[i - 1]) && !isCjk(text[i + m[0].length])) continue;
    out.push(finding(text, "ellipsis", i, i + m[0].length, "……"));
  }
  return out;
}

const PUNCT_RUN = /[，。、；：？！,;:]{2,}/g;
const FULL: Record<string, string> = { ",": "，", ";": "；", ":": "：", "?": "？", "!": "！" };

function doubled(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(PUNCT_RUN)) {
    const run = m[0];
    if (run === "？！" || run === "！？" || /^。{3,}$/.test(run)) continue;
    // Digits with separators ("1,000", "9:30") are not punctuation runs; an ASCII run needs Chinese nearby.
    const i = m.index;
    if (/^[,;:]+$/.test(run) && !isCjk(text[i - 1]) && !isCjk(text[i + run.length])) continue;
    const chars = [...run].map((c) => FULL[c] ?? c);
    const last = chars[chars.length - 1];
    const keep = chars.every((c) => c === chars[0]) ? chars[0] : "。？！".includes(last) ? last : chars[0];
    out.push(finding(text, "doubled_punct", i, i + run.length, keep));
  }
  return out;
}

/**
 * Quotes pair up in order: the 1st, 3rd, … open and the 2nd, 4th, … close. A straight quote or one
 * the wrong way round is turned the right way; an odd one out at the end is unpaired.
 */
function quotes(text: string, chars: string, openQ: string, closeQ: string, continues = false): Finding[] {
  const out: Finding[] = [];
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) if (chars.includes(text[i])) at.push(i);
  // A paragraph inside a multi-paragraph quotation: its opening “ belongs to the whole quotation.
  if (continues && at.length && text[at[0]] === openQ && !text.slice(0, at[0]).trim()) at.shift();
  if (!at.length) return out;
  // A straight quote in a text without Chinese is someone else's business (an English title).
  if (![...text].some((c) => isHan(c))) return out;
  const paired = at.length % 2 === 0 ? at : at.slice(0, -1);
  paired.forEach((i, n) => {
    const want = n % 2 === 0 ? openQ : closeQ;
    if (text[i] !== want) out.push(finding(text, text[i] === "\"" ? "halfwidth_quote" : "quote_direction", i, i + 1, want));
  });
  if (at.length % 2 === 1) {
    const i = at[at.length - 1];
    out.push(finding(text, "quote_unbalanced", i, i + 1, ""));
  }
  return out;
}

const OPENERS: Record<string, string> = { "（": "）", "(": "）", "《": "》", "【": "】", "〈": "〉" };
const CLOSERS: Record<string, string> = { "）": "（", ")": "（", "》": "《", "】": "【", "〉": "〈" };
const family = (c: string) => (c === "(" ? "（" : c === ")" ? "）" : c);

function brackets(text: string): Finding[] {
  const out: Finding[] = [];
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c in OPENERS) stack.push(i);
    else if (c in CLOSERS) {
      const open = stack.pop();
      if (open === undefined) out.push(finding(text, "bracket_unbalanced", i, i + 1, ""));
      else if (OPENERS[text[open]] !== family(c) && CLOSERS[family(c)] !== family(text[open])) out.push(finding(text, "bracket_mismatch", i, i + 1, OPENERS[text[open]]));
    }
  }
  for (const i of stack) out.push(finding(text, "bracket_unbalanced", i, i + 1, ""));
  return out;
}

function dates(text: string): Finding[] {
  const out: Finding[] = [];
  // 2023-07-07, 2023.7.7, 2023/7/7 in Chinese text → 2023年7月7日
  for (const m of text.matchAll(/(?<![\d.])(\d{4})([-./])(\d{1,2})\2(\d{1,2})(?![\d.]*\d)/g)) {
    const [all, y, , mo, d] = m;
    const month = Number(mo);
    const day = Number(d);
    const i = m.index;
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    if (!isCjk(text[i - 1]) && !isCjk(text[i + all.length]) && ![...text].some(isHan)) continue;
    const end = i + all.length + (text[i + all.length] === "日" ? 1 : 0);
    out.push(finding(text, "date_format", i, end, `${y}年${month}月${day}日`));
  }
  // 07月 / 07日 → 7月 / 7日
  for (const m of text.matchAll(/(?<!\d)0(\d)(?=[月日])/g)) out.push(finding(text, "date_zero", m.index, m.index + 2, m[1]));
  return out;
}

function fullwidthAlnum(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(/[０-９Ａ-Ｚａ-ｚ]+/g)) {
    const half = [...m[0]].map((c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).join("");
    out.push(finding(text, "fullwidth_alnum", m.index, m.index + m[0].length, half));
  }
  return out;
}

function titlePeriod(text: string): Finding[] {
  const m = /[。.]+\s*$/.exec(text);
  return m && !text.endsWith("……") ? [finding(text, "title_period", m.index, text.length, "")] : [];
}

/** 一、二、 and （一） headings, and 附件 lines, do not end with 。 */
const HEADING = /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+(?:[.．]\d+)*[.、．)）](?!\d)|\d+(?:[.．]\d+)+(?=[^\d.．])|[①-⑳]|[a-zA-Z][.)）]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+[.、．]|第[一二三四五六七八九十\d]+[章节部分条]|附件)/;
const TERMINAL = "。！？…";
const CLOSING = "”’）》】";

const URL_SPAN = /(?:https?:\/\/|ftp:\/\/|www\.)[!-~]+?(?=[,.;:!?)\]'"]*(?:[^!-~]|$))/giu;
const EMAIL_SPAN = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu;
// Three or more Latin words in a row, with the punctuation that ends the sentence: 「Science is a way of thinking.」
const LATIN_SENTENCE = /[A-Za-z][A-Za-z'’-]*(?:[ ,;:]+[A-Za-z][A-Za-z'’-]*){2,}[.!?]?/gu;

/** [start, end) of the web addresses, e-mail addresses and Latin-script sentences of a text. */
export function latinSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const re of [URL_SPAN, EMAIL_SPAN, LATIN_SENTENCE]) for (const m of text.matchAll(re)) out.push([m.index, m.index + m[0].length]);
  return out;
}

function finalPeriod(text: string): Finding[] {
  const trimmed = text.replace(/[\s\u3000]+$/, "");
  if (!trimmed || ![...trimmed].some(isHan)) return [];
  if (HEADING.test(trimmed) && trimmed.length <= 40 && !trimmed.includes("。")) return [];
  const end = trimmed.length;
  const last = trimmed[end - 1];
  if (TERMINAL.includes(last) || last === "：" || last === "；") return [];
  if (last === "，" || last === "、" || last === "," || last === "." ) return [finding(text, "para_end_comma", end - 1, end, "。")];
  if (CLOSING.includes(last)) {
    // “……。” is a complete sentence; “……” alone still needs its 。
    const inner = trimmed.replace(/[”’）》】]+$/, "");
    // A half-width 「.」「!」「?」 there is made 。！？ by its own finding: the sentence ends inside.
    if (TERMINAL.includes(inner[inner.length - 1] ?? "") || /[.!?]/.test(inner[inner.length - 1] ?? "")) return [];
    // A bracketed note after a finished sentence: 「……。（图为活动现场）」
    if (last === "）") {
      const open = trimmed.lastIndexOf("（");
      if (open > 0 && TERMINAL.includes(trimmed[open - 1])) return [];
    }
  }
  if (!isCjk(last) && !/[\w%℃)]/.test(last)) return [];
  return [finding(text, "missing_period", end, end, "。")];
}

function attribution(text: string, opts: CheckOptions): Finding[] {
  if (!opts.last || !opts.source?.trim()) return [];
  const m = /[（(]([^（）()]{2,60})[）)]\s*$/.exec(text);
  if (!m) return [];
  const named = m[1].split(/[、,，]/).map((s) => s.trim());
  const source = opts.source.split("、").map((s) => s.trim());
  if (!named.some((n) => source.includes(n))) return [];
  return [finding(text, "attribution_in_body", m.index, text.length, "")];
}

// --- stand-ins for zhlint, on a paragraph it fails on ----------------------------------------

const HALF_TO_FULL: Record<string, string> = { ",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）", ".": "。" };

/** Half-width , ; : ? ! ( ) . touching Chinese text → full width (a full stop only before Chinese or at the end). */
function halfwidthFallback(text: string): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (!(c in HALF_TO_FULL)) continue;
    const before = text[i - 1];
    const after = text[i + 1];
    if (isDigit(before) && isDigit(after)) continue; // 9:30, 1,000, 3.5
    if (c === "." && !(isCjk(after) || (after === undefined && isCjk(before)) || (isCjk(before) && isCjk(after)))) continue;
    if (!isCjk(before) && !isCjk(after)) continue;
    out.push(finding(text, "halfwidth_punct", i, i + 1, HALF_TO_FULL[c]));
  }
  return out;
}

/** Spaces between two Chinese characters (or Chinese punctuation). */
function spaceFallback(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(/(?<=\S)[ \u00a0\u3000]+(?=\S)/g)) {
    if (isCjk(text[m.index - 1]) && isCjk(text[m.index + m[0].length])) out.push(finding(text, "space_cjk", m.index, m.index + m[0].length, ""));
  }
  return out;
}

// --- zhlint hunks ----------------------------------------------------------------------------

const DATE_UNITS = "年月日时分秒号期";

function classify(text: string, h: Hunk): CopyRule {
  const before = text[h.start - 1];
  const after = text[h.end];
  if (/^[\s\u3000\u00a0]+$/.test(h.original) && h.replacement === "") {
    if (h.start === 0 || h.end === text.length) return "indent";
    if ((isDigit(before) && DATE_UNITS.includes(after ?? "")) || (DATE_UNITS.includes(before ?? "") && isDigit(after))) return "space_date";
    if (isDigit(before) || isDigit(after)) return "space_number";
    if (isCjk(before) && isCjk(after)) return "space_cjk";
    return "space_mixed";
  }
  if (/^[,.;:?!()]+$/.test(h.original.trim()) && /^[，。；：？！（）]+$/.test(h.replacement.trim())) return "halfwidth_punct";
  if (/[「」『』]/.test(h.original)) return "quote_style";
  if (/^[\s\u3000]*$/.test(h.replacement) && /^[\s\u3000]+$/.test(h.original)) return "space_mixed";
  return "format";
}

/** Neighbouring hunks of one kind read as one finding: 「6 月 20 日」 is one date, not three spaces. */
function groupHunks(text: string, hunks: Hunk[]): Finding[] {
  const out: Finding[] = [];
  let cur: { rule: CopyRule; start: number; end: number; replacement: string } | null = null;
  for (const h of hunks) {
    let rule = classify(text, h);
    if (cur && h.start - cur.end <= 2 && !/[\s，。、；：？！]/.test(text.slice(cur.end, h.start))) {
      const sameKind = rule === cur.rule || (rule.startsWith("space_") && cur.rule.startsWith("space_"));
      if (sameKind) {
        if (rule === "space_date" || cur.rule === "space_date") rule = "space_date";
        cur = { rule, start: cur.start, end: h.end, replacement: cur.replacement + text.slice(cur.end, h.start) + h.replacement };
        continue;
      }
    }
    if (cur) out.push(finding(text, cur.rule, cur.start, cur.end, cur.replacement));
    cur = { rule, start: h.start, end: h.end, replacement: h.replacement };
  }
  if (cur) out.push(finding(text, cur.rule, cur.start, cur.end, cur.replacement));
  return out;
}

/**
 * How an item title is broken into printed lines. Pure: no Node, no React, usable in the browser
 * (the desk's break editor previews with it) and on the server (print HTML, docx).
 *
 * GB/T 9704-2012 §7.3.1 on a title over several lines: 「回行时，要做到词意完整，排列对称，长短适宜，
 * 间距恰当」 — a line never ends inside a word, the lines are about as long as each other, and a
 * break falls where the phrase breaks (after 、，：, before 与/和/及 …). GB/T 15834-2011 §5 and the
 * usual 避头尾 rule: closing punctuation (、，。：；！？）》” …) never starts a line, opening
 * punctuation (（《“ …) never ends one, and —— / …… are never split.
 */

/** A word of the title as a segmenter gives it; `tag` is a part-of-speech tag (jieba's ICTCLAS set) when known. */
export interface TitleWord {
  text: string;
  tag?: string;
}

export interface TitleLineOptions {
  /**
   * The title's words in order; their texts must join to the title (otherwise they are ignored).
   * Absent: words from `Intl.Segmenter('zh', { granularity: 'word' })`.
   */
  words?: readonly TitleWord[];
  /** Manual breaks: offsets (UTF-16 code units) into the title where a new line starts. */
  breaks?: readonly number[];
}

/** Characters that never start a line (GB/T 15834 点号, closing brackets and quotes, 间隔号, …). */
export const NO_LINE_START = new Set([..."、，。．：；！？）］〕】》〉」』”’…—·・‧～％‰°℃,.;:!?)]}%"]);
/** Characters that never end a line (opening brackets and quotes, currency signs). */
export const NO_LINE_END = new Set([..."（［〔【《〈「『“‘([{￥$¥"]);
const PHRASE_END = new Set([..."、，：；"]);
const JOINERS = new Set(["与", "和", "及", "暨", "并", "同", "跟", "以及", "并且"]);
/** One-character words that end a name or a number (对接会, 2023年, 海淀区): never a line's first word if it can be helped. */
const SUFFIXES = new Set([..."会年月日号区市县镇乡村届期次型式性化者家员长部局处室站馆院所厂业界组队团节展赛奖课班类等们方处"]);
const NOMINAL = /^(n|ns|nt|nz|nr|nrt|nrfg|j|l)$/;
const VERBAL = /^(v|vd|vi|vl|vg)$/;
const OPEN_QUOTES: Record<string, string> = { "《": "》", "“": "”", "「": "」", "『": "』", "（": "）", "(": ")" };
const BLANK = /^[\s\u3000]+$/u;

/**
 * Width of a text in print cells: a CJK character, a full-width form or punctuation is one cell;
 * ASCII letters, digits and spaces are half a cell (as they set in 小标宋/仿宋).
 */
export function titleWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    w += c < 0x1100 || (c >= 0xff61 && c <= 0xffdc) ? 0.5 : 1;
  }
  return w;
}

/** Words from Intl.Segmenter (ICU's dictionary), the fallback when no better segmenter is given. */
export function intlWords(title: string): TitleWord[] {
  const seg = new Intl.Segmenter("zh", { granularity: "word" });
  return [...seg.segment(title)].map((s) => ({ text: s.segment }));
}

/**
 * Is `at` a place where a manual break may go? Inside the title (not at either end), not inside a
 * surrogate pair, not before a character that never starts a line nor after one that never ends
 * one. Spaces at the break are allowed (they are dropped from the printed lines).
 */
export function isBreakableOffset(title: string, at: number): boolean {
  if (!Number.isInteger(at) || at <= 0 || at >= title.length) return false;
  const before = title.charCodeAt(at - 1);
  if (before >= 0xd800 && before <= 0xdbff) return false;
  const next = String.fromCodePoint(title.codePointAt(at) ?? 0);
  const prev = [...title.slice(0, at)].pop() ?? "";
  return !NO_LINE_START.has(next) && !NO_LINE_END.has(prev);
}

/**
 * Why a set of manual breaks cannot be used with this title, in Chinese, or null when they can:
 * strictly increasing, each a breakable offset (isBreakableOffset), at most 10. With `words` (the
 * title's words, as titleLines gets them), each break must also be one of titleBreakPoints: not
 * inside a quoted name nor inside a short compound (在|京, 市|科协, 对接|会, 2024|年度).
 * `maxWidth`: cells of a printed line (a quoted name wider than that may be broken inside).
 */
export function titleBreaksProblem(title: string, breaks: readonly number[], words?: readonly TitleWord[], maxWidth = Number.POSITIVE_INFINITY): string | null {
  if (breaks.length > 10) return "换行不能超过 10 处";
  for (let i = 0; i < breaks.length; i++) {
    const at = breaks[i];
    if (!Number.isInteger(at) || at <= 0 || at >= title.length) return `换行位置 ${at} 不在标题之内（标题共 ${title.length} 个字符）`;
    if (i > 0 && at <= breaks[i - 1]) return "换行位置应从前往后排列，且不能重复";
    if (!isBreakableOffset(title, at)) return `不能在“${title.slice(Math.max(0, at - 4), at)}”后换行：标点不能放在行首或行尾`;
  }
  if (!words || !breaks.length) return null;
  const places = new Map(titleBreakPlaces(title, words, maxWidth).map((p) => [p.at, p]));
  for (const at of breaks) {
    const place = places.get(at);
    const before = title.slice(Math.max(0, at - 4), at);
    if (!place) return `不能在“${before}”后换行：这里在一个词的中间，回行要词意完整`;
    if (place.problem === "quoted") return `不能在“${before}”后换行：书名号、引号或括号里的名称不能拆开`;
    if (place.problem === "word") return `不能在“${before}”后换行：“${place.word}”是一个词，回行要词意完整`;
  }
  return null;
}

/**
 * A place between two words of a title where a line could start, and whether the line breaker
 * takes it as a word boundary: `problem` "quoted" inside a matched pair of 《》“”「」『』（）【】〔〕
 * (unless the quoted text is wider than a line), "word" inside a short compound, with `word` the
 * compound (在京, 市科协, 对接会, 2024年度); null when a break may go there.
 */
export interface TitleBreakPlace {
  /** Offset (UTF-16 code units) where the next line would start. */
  at: number;
  problem: "quoted" | "word" | null;
  word?: string;
}

/**
 * Every place between the title's words where a line may start as far as 避头尾 goes (punctuation
 * stays glued to its word), each judged as the line breaker judges it (see TitleBreakPlace).
 * `words` as for titleLines (absent or not joining to the title: Intl.Segmenter's); `maxWidth` the
 * cells of a line. Pure; the desk's break toggles and the server's check both use it.
 */
export function titleBreakPlaces(title: string, words?: readonly TitleWord[], maxWidth = Number.POSITIVE_INFINITY): TitleBreakPlace[] {
  if (!title) return [];
  const ws = words && words.map((w) => w.text).join("") === title ? words : intlWords(title);
  const units = unitsOf(ws, Number.POSITIVE_INFINITY);
  const spans = bracketSpans(title);
  const out: TitleBreakPlace[] = [];
  for (let i = 1; i < units.length; i++) {
    const at = units[i].start;
    if (!isBreakableOffset(title, at)) continue;
    const quoted = spans.some(([o, c]) => o < at && at <= c && titleWidth(title.slice(o, c + 1)) <= maxWidth);
    const word = quoted ? null : compoundAcross(units, i);
    out.push({ at, problem: quoted ? "quoted" : word ? "word" : null, ...(word ? { word } : {}) });
  }
  return out;
}

/** The offsets of titleBreakPlaces where a break may go (problem null). */
export function titleBreakPoints(title: string, words?: readonly TitleWord[], maxWidth = Number.POSITIVE_INFINITY): number[] {
  return titleBreakPlaces(title, words, maxWidth)
    .filter((p) => !p.problem)
    .map((p) => p.at);
}

const PAIRS: Record<string, string> = { ...OPEN_QUOTES, "〈": "〉", "【": "】", "〔": "〕", "［": "］", "‘": "’" };

/** Matched bracket and quote pairs of a text, as [open, close] offsets; an unmatched mark opens nothing. */
function bracketSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const stack: { close: string; at: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    let k = stack.length - 1;
    while (k >= 0 && stack[k].close !== c) k--;
    if (k >= 0) {
      spans.push([stack[k].at, i]);
      stack.length = k;
    } else if (PAIRS[c]) stack.push({ close: PAIRS[c], at: i });
  }
  return spans;
}

/**
 * The short compound a break before units[i] would split, or null: a one-character word leans on
 * a neighbour — a suffix (会, 年, 区, 月 …) on the word before it (对接|会, 服务|月), any other
 * one-character Han word, or a suffix with nothing before it (a title's first 市), on the word
 * after it (在|京, 市|科协, 与|北京) — and a number holds to what follows it (2024|年度). Never
 * with punctuation or a space at the place.
 */
function compoundAcross(units: readonly Unit[], i: number): string | null {
  const a = units[i - 1];
  const b = units[i];
  if (a.tail || b.lead) return null;
  const prev = a.last.text;
  const next = b.first.text;
  const han = (s: string) => [...s].length === 1 && /\p{Script=Han}/u.test(s);
  const leansBack = (k: number) => SUFFIXES.has(units[k].first.text) && k > 0 && !units[k - 1].tail && !units[k].lead;
  if (han(next) && leansBack(i)) return prev + next;
  if (han(prev) && !leansBack(i - 1)) return prev + next;
  if (/\d$/.test(prev) && /^[\d\p{Script=Han}]/u.test(next)) return prev + next;
  return null;
}

/**
 * Maps manual breaks set for an earlier text of the title onto its present text: a break survives
 * when the characters on both sides of it are unchanged and still adjacent; otherwise it is
 * dropped. `diff` is a character diff from the old title to the new one (lib/editor/diff charDiff).
 * Returns the breaks that survive (offsets into the new title) and those dropped (offsets into the old).
 */
export function carryTitleBreaks(
  diff: readonly { kind: "same" | "added" | "removed"; text: string }[],
  breaks: readonly number[],
): { kept: number[]; dropped: number[] } {
  // For every old offset inside an unchanged run (not at its edges), its new offset.
  const map = new Map<number, number>();
  let oldAt = 0;
  let newAt = 0;
  for (const part of diff) {
    if (part.kind === "same") {
      for (let k = 1; k < part.text.length; k++) map.set(oldAt + k, newAt + k);
      oldAt += part.text.length;
      newAt += part.text.length;
    } else if (part.kind === "removed") oldAt += part.text.length;
    else newAt += part.text.length;
  }
  const kept: number[] = [];
  const dropped: number[] = [];
  for (const b of breaks) {
    const to = map.get(b);
    if (to === undefined) dropped.push(b);
    else kept.push(to);
  }
  return { kept, dropped };
}

interface Unit {
  text: string;
  width: number;
  /** The first and last word of the unit (punctuation glued on), for judging the break before/after it. */
  first: TitleWord;
  last: TitleWord;
  /** The unit's text before and after its punctuation. */
  lead: string;
  tail: string;
  /** Offset of the unit in the text laid out. */
  start: number;
  /** Inside 《》 or “” (a break here splits a name or a quotation). */
  quoted: boolean;
  /** Part of a word split because it is wider than a line. */
  forced: boolean;
}

const isPunct = (s: string) => [...s].every((c) => NO_LINE_START.has(c) || NO_LINE_END.has(c));

/** Glue punctuation to its neighbours so a unit boundary is always a legal break. */
function unitsOf(words: readonly TitleWord[], max: number): Unit[] {
  const units: Unit[] = [];
  let pendingOpen = "";
  let depth = 0;
  const closers: string[] = [];
  let at = 0;
  for (const w of words) {
    if (!w.text) continue;
    const wordStart = at;
    at += w.text.length;
    const chars = [...w.text];
    const startsClosed = NO_LINE_START.has(chars[0]);
    const allOpen = chars.every((c) => NO_LINE_END.has(c));
    for (const c of chars) {
      if (OPEN_QUOTES[c]) closers.push(OPEN_QUOTES[c]);
      else if (closers.length && closers[closers.length - 1] === c) closers.pop();
    }
    const quotedBefore = depth > 0;
    depth = closers.length;
    if (allOpen) {
      pendingOpen += w.text;
      continue;
    }
    if ((startsClosed || BLANK.test(w.text)) && units.length && !pendingOpen) {
      const u = units[units.length - 1];
      u.text += w.text;
      u.width += titleWidth(w.text);
      u.tail += w.text;
      continue;
    }
    const text = pendingOpen + w.text;
    units.push({ text, width: titleWidth(text), first: w, last: w, lead: pendingOpen, tail: "", start: wordStart - pendingOpen.length, quoted: quotedBefore && !pendingOpen, forced: false });
    pendingOpen = "";
  }
  if (pendingOpen) {
    if (units.length) {
      const u = units[units.length - 1];
      u.text += pendingOpen;
      u.width += titleWidth(pendingOpen);
    } else units.push({ text: pendingOpen, width: titleWidth(pendingOpen), first: { text: pendingOpen }, last: { text: pendingOpen }, lead: "", tail: "", start: at - pendingOpen.length, quoted: false, forced: false });
  }
  // A unit wider than a line cannot stay whole: split it between characters, keeping 避头尾.
  return units.flatMap((u) => (u.width <= max ? [u] : splitWide(u)));
}

function splitWide(u: Unit): Unit[] {
  const parts: Unit[] = [];
  let at = u.start;
  for (const c of u.text) {
    const start = at;
    at += c.length;
    const prev = parts[parts.length - 1];
    const prevLast = prev ? [...prev.text].pop() ?? "" : "";
    if (prev && (NO_LINE_START.has(c) || NO_LINE_END.has(prevLast))) {
      prev.text += c;
      prev.width += titleWidth(c);
    } else parts.push({ text: c, width: titleWidth(c), first: { text: c }, last: { text: c }, lead: "", tail: "", start, quoted: u.quoted, forced: true });
  }
  if (parts.length) {
    parts[0].first = u.first;
    parts[0].lead = u.lead;
    parts[0].forced = u.forced;
    parts[parts.length - 1].last = u.last;
    parts[parts.length - 1].tail = u.tail;
  }
  return parts;
}

/**
 * What a break between two units costs (negative: a good place). In print cells², on the scale of
 * the balance term, so a good break is worth a line a few characters longer than its neighbour.
 */
function breakCost(a: Unit, b: Unit): number {
  if (b.forced) return 40;
  let cost = 0;
  const tail = a.tail.trim();
  if (tail && PHRASE_END.has([...tail].pop() ?? "")) cost -= 8;
  else if (tail && isPunct(tail)) cost -= 3;
  const next = b.first;
  const prev = a.last;
  const nextLen = [...next.text].length;
  const prevLen = [...prev.text].length;
  if (JOINERS.has(next.text) || next.tag === "c" || (next.tag === "p" && nextLen === 1)) cost -= 5;
  else if (nextLen === 1 && !b.lead && SUFFIXES.has(next.text)) cost += 10; // 对接|会, 2023|年
  else if (nextLen === 1 && !b.lead && /\p{Script=Han}/u.test(next.text)) cost += 2;
  if (!tail && (JOINERS.has(prev.text) || prev.tag === "c" || prev.tag === "p")) cost += 8; // 与| at a line's end
  else if (!tail && prevLen === 1 && /\p{Script=Han}/u.test(prev.text)) cost += 4; // 市|科协
  if (!tail && !b.lead && prev.tag && next.tag) {
    if (NOMINAL.test(prev.tag) && NOMINAL.test(next.tag)) cost += 8; // inside a name: 北京市科学技术|协会
    else if (NOMINAL.test(prev.tag) && VERBAL.test(next.tag)) cost -= 3; // subject | predicate
  }
  if (!tail && /\d$/.test(prev.text) && !b.lead && /^[\d\p{Script=Han}]/u.test(next.text)) cost += 20; // 2024|年度
  if (b.quoted) cost += 6;
  return cost;
}

/**
 * A title as printed lines of at most `maxWidth` cells (titleWidth), for a title centred over
 * several lines (GB/T 9704-2012 §7.3.1).
 *
 * - Manual breaks (`options.breaks`, offsets into the title) always break; a part still wider than
 *   a line is laid out on its own as below. Invalid offsets (titleBreaksProblem) are ignored.
 * - Otherwise the fewest lines that hold the title whole-worded, and among those the break places
 *   with the lowest cost: lines as equal as possible (the sum of squared differences from the mean
 *   width), breaks after 、，：； and before 与/和/及 and verbs preferred, breaks inside a name (two
 *   nouns), before a one-character word (对接|会, 2023|年) or inside 《》“” avoided.
 * - A word wider than a line is split between characters, still never putting punctuation at the
 *   start or end of a line.
 *
 * Spaces at either end of a line are dropped. Returns [] for "".
 */
export function titleLines(title: string, maxWidth: number, options: TitleLineOptions = {}): string[] {
  if (!title) return [];
  const breaks = (options.breaks ?? []).filter((b) => isBreakableOffset(title, b));
  const cuts = [...new Set(breaks)].sort((x, y) => x - y);
  const words = options.words && options.words.map((w) => w.text).join("") === title ? options.words : intlWords(title);
  const out: string[] = [];
  let from = 0;
  let wi = 0;
  let wordAt = 0;
  for (const end of [...cuts, title.length]) {
    // The words of this part: a word crossing a manual break is cut there.
    const part: TitleWord[] = [];
    while (wi < words.length && wordAt < end) {
      const w = words[wi];
      const s = Math.max(from, wordAt);
      const e = Math.min(end, wordAt + w.text.length);
      if (e > s) part.push({ text: title.slice(s, e), tag: s === wordAt && e === wordAt + w.text.length ? w.tag : undefined });
      if (wordAt + w.text.length <= end) {
        wordAt += w.text.length;
        wi++;
      } else break;
    }
    out.push(...layout(part, maxWidth));
    from = end;
  }
  return out.map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, "")).filter(Boolean);
}

function layout(words: TitleWord[], max: number): string[] {
  const units = unitsOf(words, max);
  const n = units.length;
  if (!n) return [];
  const prefix = [0];
  for (const u of units) prefix.push(prefix[prefix.length - 1] + u.width);
  // Places the break editor does not offer (titleBreakPlaces): inside a quoted name no wider than
  // a line, inside a short compound. Taken only when no other layout fits.
  const text = units.map((u) => u.text).join("");
  const spans = bracketSpans(text).filter(([o, c]) => titleWidth(text.slice(o, c + 1)) <= max);
  const refused = (i: number) => !units[i].forced && (spans.some(([o, c]) => o < units[i].start && units[i].start <= c) || compoundAcross(units, i) !== null);
  const total = prefix[n];
  // Trailing spaces do not take room at a line's end.
  const width = (i: number, j: number) => prefix[j] - prefix[i] - (titleWidth(units[j - 1].text) - titleWidth(units[j - 1].text.trimEnd()));
  if (width(0, n) <= max) return [units.map((u) => u.text).join("")];
  // Fewest lines: greedy fill.
  let lines = 0;
  for (let i = 0; i < n; lines++) {
    let j = i + 1;
    while (j < n && width(i, j + 1) <= max) j++;
    i = j;
  }
  const mean = total / lines;
  // best[k][j]: cost of laying units[0..j) on k lines; from[k][j]: where the last of them starts.
  const INF = Number.POSITIVE_INFINITY;
  const best: number[][] = Array.from({ length: lines + 1 }, () => new Array<number>(n + 1).fill(INF));
  const back: number[][] = Array.from({ length: lines + 1 }, () => new Array<number>(n + 1).fill(-1));
  best[0][0] = 0;
  for (let k = 1; k <= lines; k++) {
    for (let j = 1; j <= n; j++) {
      for (let i = j - 1; i >= 0; i--) {
        const w = width(i, j);
        if (w > max) break;
        if (best[k - 1][i] === INF) continue;
        const dev = w - mean;
        // A first line a little longer than the next (上长下短) is the usual shape: ties go to it.
        const shape = k > 1 && dev > 0 ? 0.1 : 0;
        const c = best[k - 1][i] + (dev * dev) / 2 + shape + (i > 0 ? breakCost(units[i - 1], units[i]) + (refused(i) ? 30 : 0) : 0);
        if (c < best[k][j]) {
          best[k][j] = c;
          back[k][j] = i;
        }
      }
    }
  }
  if (best[lines][n] === INF) return [units.map((u) => u.text).join("")];
  const out: string[] = [];
  for (let k = lines, j = n; k > 0; k--) {
    const i = back[k][j];
    out.unshift(units.slice(i, j).map((u) => u.text).join(""));
    j = i;
  }
  return out;
}

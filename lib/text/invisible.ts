/**
 * Invisible and look-alike characters — one kind under the text rule (lib/text/rule.ts).
 *
 * Two groups:
 * - **invisible** (`kind: "invisible"`): characters that print nothing — zero-width space U+200B,
 *   zero-width non-joiner U+200C, zero-width joiner U+200D, word joiner U+2060 (and the invisible
 *   operators U+2061–U+2064), BOM / zero-width no-break space U+FEFF, soft hyphen U+00AD,
 *   left-to-right / right-to-left marks U+200E/U+200F, U+061C, the Mongolian vowel separator,
 *   Hangul fillers, variation selectors, tag characters and every other format character (\p{Cf}).
 * - **odd spaces** (`kind: "space"`): spaces that look like an ordinary space but are not one —
 *   no-break space U+00A0, U+1680, U+2000–U+200A (en/em/thin/hair … spaces), narrow no-break space
 *   U+202F, medium mathematical space U+205F. The full-width space U+3000 is ordinary Chinese
 *   typing and is NOT one of them.
 *
 * Legitimate uses are kept: a zero-width joiner between two emoji (👨‍👩‍👧), a variation selector
 * right after a visible character (❤️, 1️⃣, an ideographic variation sequence after a Han
 * character), and tag characters after 🏴 (a subdivision flag). Anything else in these groups is
 * found by `findInvisible` (the server refuses it, naming it) and removed / replaced by
 * `InvisibleCleaner` (the clients and importers do that, and say what they did).
 *
 * Bidi overrides/isolates (U+202A–E, U+2066–9) are not here: the rule refuses them on their own
 * (text_bidi), and cleaners drop them with the controls.
 *
 * Pure; no DOM, no database. Offsets are UTF-16 indexes into the string passed in.
 */

import { graphemes, lengthOf } from "./count";

export type InvisibleKind = "invisible" | "space";

export interface InvisibleHit {
  /** UTF-16 offset of the character in the string. */
  index: number;
  /** The character as U+XXXX. */
  char: string;
  kind: InvisibleKind;
}

const ODD_SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f]/u;
// Format characters (\p{Cf} — includes U+00AD, U+200B–U+200F, U+2060–U+2064, U+FEFF, tags) and
// the invisible letters and marks that are not Cf: CGJ, Hangul fillers, Mongolian FVS, variation selectors.
const INVISIBLE = /[\p{Cf}\u034f\u115f\u1160\u3164\uffa0\u180b-\u180d\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/u;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;
/** Any character of either group, for a quick test before walking the string. */
const ANY = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\p{Cf}\u034f\u115f\u1160\u3164\uffa0\u180b-\u180d\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/u;

const PICTO = /\p{Extended_Pictographic}/u;
const VARIATION = /[\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/u;
const EMOJI_MODIFIER = /[\u{1f3fb}-\u{1f3ff}]/u;
const TAG = /[\u{e0020}-\u{e007f}]/u;

export const hexOf = (c: string) => "U+" + (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");

function classify(c: string): InvisibleKind | null {
  if (ODD_SPACE.test(c)) return "space";
  if (BIDI_CONTROL.test(c)) return null;
  if (INVISIBLE.test(c)) return "invisible";
  return null;
}

/** The code points of `s` with their UTF-16 offsets. */
function codePoints(s: string): { c: string; i: number }[] {
  const out: { c: string; i: number }[] = [];
  let i = 0;
  for (const c of s) {
    out.push({ c, i });
    i += c.length;
  }
  return out;
}

/** True when the invisible character at `k` is part of an emoji or variation sequence (kept). */
function legitimate(cps: { c: string }[], k: number): boolean {
  const c = cps[k].c;
  const prev = cps[k - 1]?.c;
  if (VARIATION.test(c)) return prev !== undefined && !/\s/u.test(prev) && classify(prev) === null && !VARIATION.test(prev);
  if (TAG.test(c)) {
    let j = k - 1;
    while (j >= 0 && TAG.test(cps[j].c)) j--;
    return j >= 0 && cps[j].c === "\u{1f3f4}";
  }
  if (c === "\u200d") {
    let j = k - 1;
    while (j >= 0 && (VARIATION.test(cps[j].c) || EMOJI_MODIFIER.test(cps[j].c) || TAG.test(cps[j].c))) j--;
    const next = cps[k + 1]?.c;
    return j >= 0 && PICTO.test(cps[j].c) && next !== undefined && PICTO.test(next);
  }
  return false;
}

/** Every invisible or odd-space character of `s` the rule refuses, in order (emoji sequences kept). */
export function findAllInvisible(s: string): InvisibleHit[] {
  if (!ANY.test(s)) return [];
  const cps = codePoints(s);
  const out: InvisibleHit[] = [];
  cps.forEach(({ c, i }, k) => {
    const kind = classify(c);
    if (kind && !(kind === "invisible" && legitimate(cps, k))) out.push({ index: i, char: hexOf(c), kind });
  });
  return out;
}

/** The first invisible or odd-space character of `s` the rule refuses, or null. */
export function findInvisible(s: string): InvisibleHit | null {
  if (!ANY.test(s)) return null;
  return findAllInvisible(s)[0] ?? null;
}

const NAMES: Record<string, [zh: string, en: string]> = {
  "U+200B": ["零宽空格", "zero-width space"],
  "U+200C": ["零宽不连字", "zero-width non-joiner"],
  "U+200D": ["零宽连接符", "zero-width joiner"],
  "U+200E": ["从左到右标记", "left-to-right mark"],
  "U+200F": ["从右到左标记", "right-to-left mark"],
  "U+061C": ["阿拉伯字母标记", "Arabic letter mark"],
  "U+2060": ["字连接符", "word joiner"],
  "U+FEFF": ["零宽不换行空格（BOM）", "zero-width no-break space (BOM)"],
  "U+00AD": ["软连字符", "soft hyphen"],
  "U+034F": ["组合字形连接符", "combining grapheme joiner"],
  "U+180E": ["蒙古文元音分隔符", "Mongolian vowel separator"],
  "U+3164": ["韩文填充符", "Hangul filler"],
  "U+115F": ["韩文填充符", "Hangul filler"],
  "U+1160": ["韩文填充符", "Hangul filler"],
  "U+FFA0": ["韩文填充符", "Hangul filler"],
  "U+00A0": ["不间断空格", "no-break space"],
  "U+1680": ["欧甘文空格", "Ogham space"],
  "U+2000": ["En 方空格", "en quad"],
  "U+2001": ["Em 方空格", "em quad"],
  "U+2002": ["En 空格", "en space"],
  "U+2003": ["Em 空格", "em space"],
  "U+2004": ["三分之一 Em 空格", "three-per-em space"],
  "U+2005": ["四分之一 Em 空格", "four-per-em space"],
  "U+2006": ["六分之一 Em 空格", "six-per-em space"],
  "U+2007": ["数字空格", "figure space"],
  "U+2008": ["标点空格", "punctuation space"],
  "U+2009": ["窄空格", "thin space"],
  "U+200A": ["极窄空格", "hair space"],
  "U+202F": ["窄不间断空格", "narrow no-break space"],
  "U+205F": ["数学中等空格", "medium mathematical space"],
};

/** The character's name for a message, e.g. 「零宽空格」 / "zero-width space"; `char` is U+XXXX. */
export function invisibleName(char: string, locale = "zh-CN"): string {
  const zh = locale.startsWith("zh");
  const known = NAMES[char];
  if (known) return zh ? known[0] : known[1];
  const cp = parseInt(char.slice(2), 16);
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)) return zh ? "变体选择符" : "variation selector";
  if (cp >= 0xe0000 && cp <= 0xe007f) return zh ? "标签字符" : "tag character";
  if (cp >= 0x2061 && cp <= 0x2064) return zh ? "不可见运算符" : "invisible operator";
  return zh ? "不可见的格式字符" : "invisible format character";
}

/**
 * Where a character at UTF-16 offset `index` of `s` is, as the person sees it: `pos` — it comes
 * after `pos - 1` visible user-perceived characters of its line (1 = at the very start; other
 * refused invisible characters are not counted); `line` — in
 * multi-line text, the line (1-based) when it is not the first; `before` — up to six characters
 * before it on its line, refused invisible characters left out, for the message (「昌平」之后).
 */
export function positionOf(s: string, index: number): { pos: number; before: string; line?: number } {
  const all = s.slice(0, index);
  const lineStart = all.lastIndexOf("\n") + 1;
  const head = all.slice(lineStart);
  let visible = head;
  for (const h of findAllInvisible(head).reverse()) visible = visible.slice(0, h.index) + visible.slice(h.index + ((head.codePointAt(h.index) ?? 0) > 0xffff ? 2 : 1));
  const line = lineStart > 0 ? all.split("\n").length : undefined;
  return { pos: lengthOf(visible) + 1, before: lastChars(visible, 6), ...(line ? { line } : {}) };
}

/** The last `n` user-perceived characters of `s`. */
function lastChars(s: string, n: number): string {
  return graphemes(s).slice(-n).join("");
}

/**
 * Removes invisible characters and turns odd spaces into ordinary spaces, counting what it did,
 * for the paste cleaners and the importers. One cleaner may clean many strings (every run of a
 * paste); `notices()` then says, in Chinese, what was done across all of them.
 */
export class InvisibleCleaner {
  readonly removed = new Map<string, number>();
  readonly replaced = new Map<string, number>();

  /** `s` with the refused invisible characters removed and odd spaces made " ". */
  clean(s: string): string {
    const hits = findAllInvisible(s);
    if (!hits.length) return s;
    let out = "";
    let at = 0;
    for (const h of hits) {
      out += s.slice(at, h.index);
      const len = (s.codePointAt(h.index) ?? 0) > 0xffff ? 2 : 1;
      at = h.index + len;
      const map = h.kind === "space" ? this.replaced : this.removed;
      map.set(h.char, (map.get(h.char) ?? 0) + 1);
      if (h.kind === "space") out += " ";
    }
    return out + s.slice(at);
  }

  /** Adds counts made elsewhere (another cleaner's `removed` / `replaced` pairs). */
  merge(removed: Iterable<[string, number]>, replaced: Iterable<[string, number]>): this {
    for (const [c, n] of removed) this.removed.set(c, (this.removed.get(c) ?? 0) + n);
    for (const [c, n] of replaced) this.replaced.set(c, (this.replaced.get(c) ?? 0) + n);
    return this;
  }

  /** True when something was removed or replaced. */
  get changed(): boolean {
    return this.removed.size > 0 || this.replaced.size > 0;
  }

  /**
   * What was done, one sentence per group, e.g.
   * 「已删除 2 个看不见的字符：零宽空格（U+200B）2 个」,
   * 「已把 3 个特殊空格换成普通空格：不间断空格（U+00A0）3 个」. Empty when nothing changed.
   */
  notices(locale = "zh-CN"): string[] {
    const zh = locale.startsWith("zh");
    const list = (m: Map<string, number>) =>
      [...m].map(([c, n]) => (zh ? `${invisibleName(c, locale)}（${c}）${n} 个` : `${invisibleName(c, locale)} (${c}) ×${n}`)).join(zh ? "、" : ", ");
    const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    const out: string[] = [];
    if (this.removed.size) out.push(zh ? `已删除 ${total(this.removed)} 个看不见的字符：${list(this.removed)}` : `Removed ${total(this.removed)} invisible characters: ${list(this.removed)}`);
    if (this.replaced.size)
      out.push(zh ? `已把 ${total(this.replaced)} 个特殊空格换成普通空格：${list(this.replaced)}` : `Replaced ${total(this.replaced)} special spaces with ordinary spaces: ${list(this.replaced)}`);
    return out;
  }
}

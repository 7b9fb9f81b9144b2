import type { Finding } from "./index";

/**
 * The admin's lists (lib/data/word-lists.ts) as the copy checks take them: 规范表述 wrong → right,
 * and 敏感词. Kept apart from zhlint so the server (the review page's list of hits) can use it.
 */
export interface WordLists {
  standard: { wrong: string; right: string; note?: string }[];
  sensitive: { term: string; note?: string }[];
}

const CONTEXT = 6;
function hit(text: string, rule: "standard_wording" | "sensitive_word", start: number, end: number, replacement: string): Finding {
  return { rule, start, end, original: text.slice(start, end), replacement, prefix: text.slice(Math.max(0, start - CONTEXT), start), suffix: text.slice(end, end + CONTEXT) };
}

/** Every occurrence of a 规范表述's wrong form (not inside its right form) and of a 敏感词 (flag only). */
export function wordListFindings(text: string, lists: WordLists | null | undefined): Finding[] {
  if (!lists) return [];
  const out: Finding[] = [];
  const occurrences = (needle: string) => {
    const at: number[] = [];
    if (!needle) return at;
    for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) at.push(i);
    return at;
  };
  for (const { wrong, right } of lists.standard) {
    const rights = occurrences(right).map((i) => [i, i + right.length]);
    for (const i of occurrences(wrong)) {
      if (rights.some(([a, b]) => i >= a && i + wrong.length <= b)) continue;
      out.push(hit(text, "standard_wording", i, i + wrong.length, right));
    }
  }
  for (const { term } of lists.sensitive) for (const i of occurrences(term)) out.push({ ...hit(text, "sensitive_word", i, i + term.length, term), flagOnly: true });
  return out.sort((a, b) => a.start - b.start);
}

export interface WordListHit {
  kind: "standard" | "sensitive";
  term: string;
  right: string | null;
  /** Where, in Chinese: 「标题」「第2段」「署名」. */
  place: string;
}

/** The hits in one item: title, paragraphs, attribution. */
export function itemWordListHits(item: { title: string; paragraphs: string[]; source?: string | null }, lists: WordLists): WordListHit[] {
  const out: WordListHit[] = [];
  const scan = (text: string | null | undefined, place: string) => {
    for (const f of wordListFindings(text ?? "", lists)) out.push({ kind: f.rule === "sensitive_word" ? "sensitive" : "standard", term: f.original, right: f.rule === "standard_wording" ? f.replacement : null, place });
  };
  scan(item.title, "标题");
  item.paragraphs.forEach((p, i) => scan(p, `第${i + 1}段`));
  scan(item.source, "署名");
  return out;
}

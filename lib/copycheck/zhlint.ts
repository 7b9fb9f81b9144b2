import { diffChars } from "diff";
// The browser build: zhlint's lib/ reaches for Node's fs and console when bundled for a page.
import { run } from "zhlint/dist/zhlint.es.js";

/**
 * zhlint configured to the house style of Chinese government and association documents
 * (GB/T 15834 punctuation, as the samples print): full-width punctuation and brackets in Chinese
 * text, no spaces between Chinese characters nor between Chinese and digits or Latin letters
 * ("6月20日", "5G网络"), 「」 unified to “”. zhlint's default preset is the Chinese *web* style
 * (spaces around Latin words, half-width brackets), which is wrong for a 简报.
 */
const GOVERNMENT_STYLE = {
  halfwidthPunctuation: "",
  fullwidthPunctuation: "，。：；？！（）",
  adjustedFullwidthPunctuation: "",
  unifiedPunctuation: "simplified" as const,
  skipAbbrs: ["Mr.", "Mrs.", "Dr.", "Jr.", "Sr.", "vs.", "etc.", "i.e.", "e.g.", "a.k.a.", "No.", "St."],
  spaceBetweenHalfwidthContent: true,
  noSpaceBetweenFullwidthContent: true,
  spaceBetweenMixedwidthContent: false,
  skipZhUnits: "",
  noSpaceBeforePauseOrStop: true,
  spaceAfterHalfwidthPauseOrStop: false,
  noSpaceAfterFullwidthPauseOrStop: true,
  spaceOutsideHalfwidthQuotation: false,
  noSpaceOutsideFullwidthQuotation: true,
  noSpaceInsideQuotation: true,
  spaceOutsideHalfwidthBracket: false,
  noSpaceOutsideFullwidthBracket: true,
  noSpaceInsideBracket: true,
  noSpaceInsideHyperMark: true,
  trimSpace: true,
  skipPureWestern: true,
};

export interface Hunk {
  start: number;
  end: number;
  original: string;
  replacement: string;
}

const cache = new Map<string, Hunk[] | null>();

/**
 * What zhlint would change in one paragraph, as separate hunks of the original text, so each can
 * be offered (and fixed) on its own; null when zhlint fails on the paragraph.
 */
export function zhlintHunks(text: string): Hunk[] | null {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  let fixed: string;
  try {
    fixed = run(text, { rules: GOVERNMENT_STYLE, logger: silent }).result;
  } catch {
    // zhlint throws on some paragraphs (「”.」): the caller runs its own rules there instead.
    if (cache.size > 2000) cache.clear();
    cache.set(text, null);
    return null;
  }
  const hunks: Hunk[] = [];
  let pos = 0;
  let open: Hunk | null = null;
  for (const part of fixed === text ? [] : diffChars(text, fixed)) {
    if (!part.added && !part.removed) {
      if (open) hunks.push(open);
      open = null;
      pos += part.value.length;
      continue;
    }
    open ??= { start: pos, end: pos, original: "", replacement: "" };
    if (part.removed) {
      open.original += part.value;
      pos += part.value.length;
      open.end = pos;
    } else open.replacement += part.value;
  }
  if (open) hunks.push(open);
  if (cache.size > 2000) cache.clear();
  cache.set(text, hunks);
  return hunks;
}

const noop = () => {};
const silent = { log: noop, warn: noop, error: noop, info: noop, debug: noop } as unknown as Console;

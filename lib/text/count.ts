/**
 * 字数 — the one character count of the whole app (the form, the editor, the item page, the desk,
 * the audit log, the .docx import report all call these).
 *
 * What is counted, as offices count 字数: every character that is not white space, each once —
 * Han characters, Latin letters, digits and punctuation (full-width or not) alike. Not counted:
 * spaces of any kind (ASCII space, tab, the full-width space U+3000, no-break space, line breaks),
 * invisible format characters (zero-width space/joiners U+200B–U+200D, the word joiner U+2060,
 * the BOM U+FEFF, soft hyphen U+00AD), and paragraph breaks (an empty paragraph adds nothing).
 * Characters are user-perceived characters (Unicode grapheme clusters, `Intl.Segmenter`): a
 * character outside the BMP (a rare name character such as 𫖯, an emoji) counts once, not as its
 * two UTF-16 code units, and so does an emoji sequence (👨‍👩‍👧, 👍🏽, 🇨🇳) or a letter with a
 * combining accent. Pure; no locale involved.
 *
 * This is not the size limit of a stored body (`richDocLength` / MAX_BODY_CHARS in
 * lib/editor/schema.ts bound the stored text, spaces included) nor a field's length limit.
 */
export function countText(text: string): number {
  let n = 0;
  if (!CLUSTERS.test(text)) {
    for (const ch of text) if (!SKIP.test(ch)) n++;
    return n;
  }
  // A cluster counts when it has something visible (a lone zero-width character does not).
  for (const g of clusters(text)) if (VISIBLE.test(g)) n++;
  return n;
}

const SKIP = /^[\s\p{Cf}]$/u;
const VISIBLE = /[^\s\p{Cf}]/u;
/** Text that may hold a cluster of more than one code point: marks, joiners, selectors, modifiers, flags, jamo. */
const CLUSTERS = /[\p{M}\p{Cf}\u{1f3fb}-\u{1f3ff}\u{1f1e6}-\u{1f1ff}\u1100-\u11ff\ud7b0-\ud7ff\r]/u;

/** The user-perceived characters (grapheme clusters) of `text`, in order. */
export function graphemes(text: string): string[] {
  return CLUSTERS.test(text) ? [...clusters(text)] : [...text];
}

let segmenter: Intl.Segmenter | null | undefined;
function clusters(text: string): Iterable<string> {
  if (segmenter === undefined) segmenter = typeof Intl !== "undefined" && "Segmenter" in Intl ? new Intl.Segmenter("zh", { granularity: "grapheme" }) : null;
  if (!segmenter) return text;
  const seg = segmenter;
  return (function* () {
    for (const s of seg.segment(text)) yield s.segment;
  })();
}

/**
 * The length of a field as its length limit and its counter count it (the title's 80, a name's 20):
 * user-perceived characters, spaces included — 「科协 2024」 is 7, 👨‍👩‍👧 is 1, 𫖯 is 1 (not the
 * UTF-16 `.length`). The server's limit (lib/text/rule.ts) and the form's counter both call this.
 */
export function lengthOf(text: string): number {
  let n = 0;
  for (const piece of CLUSTERS.test(text) ? clusters(text) : text) if (piece) n++;
  return n;
}

/** 字数 of paragraphs of runs (the printable shape, `Paragraph[]`), paragraph breaks not counted. */
export function countParagraphs(paragraphs: readonly (readonly { text: string }[])[]): number {
  let n = 0;
  for (const p of paragraphs) for (const r of p) n += countText(r.text);
  return n;
}

/** 字数 of a stored body (Tiptap/ProseMirror JSON: a doc of paragraphs of text nodes). */
export function countDoc(doc: { content?: readonly { content?: readonly { text?: string }[] }[] } | null | undefined): number {
  let n = 0;
  for (const p of doc?.content ?? []) for (const t of p.content ?? []) n += countText(t.text ?? "");
  return n;
}

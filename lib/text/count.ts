/**
 * 字数 — the one character count of the whole app (the form, the editor, the item page, the desk,
 * the audit log, the .docx import report all call these).
 *
 * What is counted, as offices count 字数: every character that is not white space, each once —
 * Han characters, Latin letters, digits and punctuation (full-width or not) alike. Not counted:
 * spaces of any kind (ASCII space, tab, the full-width space U+3000, no-break space, line breaks),
 * invisible format characters (zero-width space/joiners U+200B–U+200D, the word joiner U+2060,
 * the BOM U+FEFF, soft hyphen U+00AD), and paragraph breaks (an empty paragraph adds nothing).
 * A character outside the BMP (a rare name character such as 𫖯, an emoji) counts once, not as its
 * two UTF-16 code units. Pure; no locale involved.
 *
 * This is not the size limit of a stored body (`richDocLength` / MAX_BODY_CHARS in
 * lib/editor/schema.ts bound the stored text, spaces included) nor a field's length limit.
 */
export function countText(text: string): number {
  let n = 0;
  for (const ch of text) if (!SKIP.test(ch)) n++;
  return n;
}

const SKIP = /^[\s\p{Cf}]$/u;

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

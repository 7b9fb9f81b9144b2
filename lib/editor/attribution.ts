import { cutRuns, docToParagraphs, paragraphsToDoc, type Paragraph, type RichDoc } from "./schema";

/**
 * An attribution typed at the end of the body — 「……取得实效。（昌平区科协）」 — belongs in the
 * attribution field: the bulletin prints it after the last paragraph itself, so left in the body it
 * prints twice. Pure (the form, the .docx import and the command line use it).
 */
export const ORG = /(科协|学会|协会|研究会|促进会|联合会|委员会|中心|办公室|大学|学院|研究院|研究所|医院|公司|集团|馆|站|局|部|院|所|社区|街道|镇|乡|村)$/;
const TRAILING = /[（(]([^（）()。，]{2,60})[）)]\s*$/;

/** The names in a trailing bracket that read as organisations, and where the bracket starts; null when there is none. */
export function trailingAttribution(text: string): { names: string[]; index: number } | null {
  const m = TRAILING.exec(text);
  if (!m) return null;
  const names = m[1].split(/[、,，]/).map((s) => s.trim());
  if (!names.length || !names.every((n) => n && ORG.test(n))) return null;
  return { names, index: m.index };
}

/**
 * Moves a trailing attribution out of the body into the attribution field, when the field is empty
 * or already names the same units. Returns null when there is nothing to move.
 */
export function moveTrailingAttribution(body: RichDoc, source: string): { body: RichDoc; source: string; moved: string } | null {
  const paras: Paragraph[] = docToParagraphs(body);
  let last = paras.length - 1;
  while (last >= 0 && !paras[last].map((r) => r.text).join("").trim()) last--;
  if (last < 0) return null;
  const text = paras[last].map((r) => r.text).join("");
  const found = trailingAttribution(text);
  if (!found) return null;
  const current = source.split("、").map((s) => s.trim()).filter(Boolean);
  if (current.length && !found.names.every((n) => current.includes(n))) return null;
  const keep = text.slice(0, found.index).trimEnd();
  const next = paras.slice(0, last + 1);
  if (keep) next[last] = cutRuns(paras[last], keep.length);
  else next.splice(last, 1);
  const moved = found.names.join("、");
  return { body: paragraphsToDoc(next), source: current.length ? source : moved, moved };
}

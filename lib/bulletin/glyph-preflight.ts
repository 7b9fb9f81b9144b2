import type { BulletinDocument } from "./document";
import { bookTitle } from "@/lib/text/book-title";

/**
 * The glyph preflight: every character of a bulletin that none of the embedded faces can print,
 * named with where it is, so the desk sees it on the board, the reviewer before approving, and the
 * export says it — instead of an empty box in the PDF. Pure: the caller passes `canPrint` (on the
 * server, lib/bulletin/font-files.ts's canPrint, which knows the bundled and fallback faces).
 */
export interface GlyphProblem {
  char: string;
  /** "U+2B5AF" */
  codePoint: string;
  /** Where it is, in Chinese: 「报头」「目录提要第2条」「《标题》第3段」「《标题》署名」「版记」… */
  places: string[];
}

/** Each unprintable character once, in order of first appearance, with every place it appears. */
export function findUnprintable(doc: BulletinDocument, canPrint: (cp: number) => boolean): GlyphProblem[] {
  const found = new Map<string, GlyphProblem>();
  const scan = (text: string | null | undefined, place: string) => {
    if (!text) return;
    for (const ch of text) {
      const cp = ch.codePointAt(0) as number;
      if (canPrint(cp)) continue;
      let p = found.get(ch);
      if (!p) found.set(ch, (p = { char: ch, codePoint: `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`, places: [] }));
      if (!p.places.includes(place)) p.places.push(place);
    }
  };
  const m = doc.masthead;
  scan(`${m.title}${m.office}`, "报头");
  doc.toc.forEach((t, i) => scan(t, `目录提要第${i + 1}条`));
  for (const s of doc.sections) {
    scan(s.title, `栏目「${s.title}」`);
    for (const item of s.items) {
      const name = bookTitle(item.title);
      scan(item.title, `${name}标题`);
      item.paragraphs.forEach((p, i) => scan(p.map((r) => r.text).join(""), `${name}第${i + 1}段`));
      scan(item.source, `${name}署名`);
    }
  }
  const f = doc.footer;
  scan([f.mailbox, f.editor, f.reviewer, ...f.distribution, f.printedBy ?? ""].join(""), "版记");
  return [...found.values()];
}

/** One Chinese line per problem: 「𰻝」(U+30EDD) 无法印出：《标题》第2段. */
export function describeUnprintable(problems: GlyphProblem[]): string[] {
  return problems.map((p) => `「${p.char}」（${p.codePoint}）没有字体能印出，位置：${p.places.join("、")}`);
}

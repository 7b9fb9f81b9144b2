import { paragraphText } from "@/lib/editor/schema";
import { formatAttribution } from "./attribution";
import { chineseDate } from "./dates";
import { issueLine, totalLine } from "./numbering";
import type { BulletinDocument } from "./document";
import { isBreakableOffset } from "./title-lines";

/** A title cut at the editor's manual breaks only (offsets that are not breakable are ignored); spaces at the cuts dropped. */
export function manualTitleLines(title: string, breaks: readonly number[] | undefined): string[] {
  const cuts = [...new Set((breaks ?? []).filter((b) => isBreakableOffset(title, b)))].sort((a, b) => a - b);
  return [0, ...cuts]
    .map((from, i) => title.slice(from, [...cuts, title.length][i]).trim())
    .filter(Boolean);
}

export const DRAFT_LINE = "【草稿】未经审核批准，不得印发";

/**
 * Plain UTF-8 text in the shape of samples/bulletins/2023-20.txt: one element a line with a blank
 * line between, masthead, 目录提要 with one highlight a line, 【section】 headings, titles, one
 * paragraph a line with the attribution in （） at the end of the last, and the footer.
 */
export function bulletinToText(doc: BulletinDocument): string {
  const m = doc.masthead;
  const lines: string[] = [];
  if (doc.draft) lines.push(DRAFT_LINE);
  // A supplement has no running number, so no total line; a double issue prints both ranges.
  lines.push(m.title, issueLine(m), ...[totalLine(m)].filter(Boolean), m.office, chineseDate(m.date));
  // The highlights sit on consecutive lines, as in the sample; everything else has a blank line between.
  if (doc.toc.length) lines.push("目录提要", doc.toc.map((t) => `- ${t}`).join("\n"));
  for (const section of doc.sections) {
    if (!section.items.length) continue;
    if (section.title !== null) lines.push(`【${section.title}】`);
    for (const item of section.items) {
      // A brief (简讯) has no title: its paragraph follows the one before. The editor's manual
      // title breaks are line breaks here too (the title's lines, as printed, with no blank line
      // between); without them a title is one line and the reader's screen wraps it.
      if (item.title) lines.push(manualTitleLines(item.title, item.titleBreaks).join("\n"));
      const paras = item.paragraphs.map(paragraphText);
      const attribution = formatAttribution(item.source, item.author);
      if (attribution) {
        if (paras.length) paras[paras.length - 1] += `（${attribution}）`;
        else paras.push(`（${attribution}）`);
      }
      lines.push(...paras);
    }
  }
  const f = doc.footer;
  if (f.mailbox) lines.push(`信息报送邮箱：${f.mailbox}`);
  if (f.editor) lines.push(`编辑：${f.editor}`);
  if (f.reviewer) lines.push(`审核：${f.reviewer}`);
  if (f.signer) lines.push(`签发：${f.signer}`);
  if (f.distribution.length) {
    lines.push(`分送：${f.distribution[0]}`);
    lines.push(...f.distribution.slice(1));
  }
  if (f.printedBy || f.printedDate) {
    lines.push(`${f.printedBy ?? ""}${f.printedBy && f.printedDate ? "  " : ""}${f.printedDate ? `${chineseDate(f.printedDate)}印发` : ""}`);
  }
  if (f.printRun) lines.push(`（共印${f.printRun}份）`);
  return "\n\n" + lines.join("\n\n") + "\n";
}

import { createHash } from "node:crypto";
import type { BulletinDocument } from "./document";

/**
 * A fingerprint of exactly what prints: masthead and numbers, TOC, sections in order, every
 * item's title, text (with its bold/italic) and attribution, and the footer. Ids and the draft
 * flag do not print, and the 审核/签发 names are the approval itself: they are left out, so the same
 * content always gives the same fingerprint.
 */
export function bulletinFingerprint(doc: BulletinDocument): string {
  const m = doc.masthead;
  const f = doc.footer;
  const printed = {
    masthead: [m.title, m.year, m.number, m.totalNumber, m.office, m.date],
    toc: doc.toc,
    sections: doc.sections
      .filter((s) => s.items.length > 0)
      .map((s) => [
        s.title,
        // Manual title breaks print, so they count; absent ones leave the fingerprint as it always was.
        s.items.map((i) => [i.title, i.paragraphs.map((p) => p.map((r) => [r.text, !!r.bold, !!r.italic])), i.source, ...(i.titleBreaks?.length ? [i.titleBreaks] : [])]),
      ]),
    // The 审核 and 签发 names are not in it: on an approved issue they are the approval itself.
    footer: [f.mailbox, f.editor, f.distribution, f.printedBy ?? null, f.printedDate ?? null, f.printRun ?? null],
  };
  return createHash("sha256").update(JSON.stringify(printed)).digest("hex");
}

import { createHash } from "node:crypto";
import type { BulletinDocument } from "./document";

/**
 * A fingerprint of exactly what prints: masthead and numbers, TOC, sections in order, every
 * item's title, text (with its bold/italic) and attribution, and the footer. Ids and the draft flag
 * do not print and are left out, so the same content always gives the same fingerprint.
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
        s.items.map((i) => [i.title, i.paragraphs.map((p) => p.map((r) => [r.text, !!r.bold, !!r.italic])), i.source]),
      ]),
    footer: [f.mailbox, f.editor, f.reviewer, f.distribution, f.printedBy ?? null, f.printedDate ?? null, f.printRun ?? null],
  };
  return createHash("sha256").update(JSON.stringify(printed)).digest("hex");
}

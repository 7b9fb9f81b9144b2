import "server-only";
import { db } from "@/db";
import { DuplicateIssueError, type ImportReport, writeImportedIssue } from "@/db/import-issue";
import type { BulletinDocument } from "@/lib/bulletin/document";
import { bulletinDocumentSchema, documentInvisibles } from "@/lib/bulletin/document-schema";
import { type Actor, requireRole } from "./actor";
import { AppError } from "./errors";
import { currentPublication } from "./publication";

/**
 * A bulletin document as it arrives from an import: the one document schema (shared limits), plus
 * what an archived issue needs — at least one item — and no invisible characters or odd spaces
 * (the text rule; the upload reader has removed them and said so). Validated before anything is written.
 */
export const importDocumentSchema = bulletinDocumentSchema
  .refine((d) => d.sections.some((x) => x.items.length > 0), { message: "no_items", path: ["sections"] })
  .superRefine((doc, ctx) => {
    // The issue's date, and the printing date, fall in the issue's year (a printing may run into
    // the first days of the next year).
    const year = doc.masthead.year;
    if (Number(doc.masthead.date.slice(0, 4)) !== year) ctx.addIssue({ code: "custom", message: "text_date", path: ["masthead", "date"], params: { field: "日期（须在本期年份内）" } });
    const printed = doc.footer.printedDate;
    if (printed && Number(printed.slice(0, 4)) !== year && Number(printed.slice(0, 4)) !== year + 1)
      ctx.addIssue({ code: "custom", message: "text_date", path: ["footer", "printedDate"], params: { field: "印发日期（须在本期年份内）" } });
    for (const found of documentInvisibles(doc)) ctx.addIssue({ code: "custom", message: found.problem.code, path: found.path, params: found.params });
  });

export { matchToc, type ImportReport } from "@/db/import-issue";

/** Imports a past issue into the archive (office or admin; null actor: the system). */
export function importBulletin(actor: Actor | null, input: BulletinDocument, origin: string, options: { acceptTitle?: boolean } = {}): ImportReport {
  if (actor) requireRole(actor, "office", "admin");
  const parsed = importDocumentSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", {}, String(parsed.error.issues[0]?.path.join(".") ?? ""));
  // Another publication's issue is not filed in this one's archive unless the office confirms it
  // is the same publication under another masthead (issue 12: a warning to confirm).
  const publication = currentPublication().title;
  const compact = (s: string) => s.replace(/\s/gu, "");
  if (!options.acceptTitle && compact(parsed.data.masthead.title) !== compact(publication))
    throw new AppError("title_mismatch", { title: parsed.data.masthead.title, publication }, "acceptTitle");
  try {
    return writeImportedIssue(db, actor, parsed.data, origin);
  } catch (e) {
    if (e instanceof DuplicateIssueError) {
      if (e.total) throw new AppError("duplicate_total", { total: e.total, year: e.year, number: e.number }, "totalNumber");
      if (e.supplementLabel) throw new AppError("duplicate_supplement", { year: e.year, label: e.supplementLabel, number: e.number });
      throw new AppError("duplicate_number", { year: e.year, number: e.number });
    }
    throw e;
  }
}

import "server-only";
import { db } from "@/db";
import { eq } from "drizzle-orm";
import { DuplicateIssueError, type ImportReport, type TotalOrderClash, writeImportedIssue } from "@/db/import-issue";
import { issues } from "@/db/schema";
import { chineseDate } from "@/lib/bulletin/dates";
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
  const order = totalNumberOrder(parsed.data.masthead);
  try {
    const report = writeImportedIssue(db, actor, parsed.data, origin);
    return order ? { ...report, totalOrder: order } : report;
  } catch (e) {
    if (e instanceof DuplicateIssueError) {
      if (e.total) throw new AppError("duplicate_total", { total: e.total, year: e.year, number: e.number }, "totalNumber");
      if (e.supplementLabel) throw new AppError("duplicate_supplement", { year: e.year, label: e.supplementLabel, number: e.number });
      throw new AppError("duplicate_number", { year: e.year, number: e.number });
    }
    throw e;
  }
}

/**
 * Whether a regular issue's (or 合刊's) running number is out of order with its date against the
 * archive: an issue dated later with a lower 总期号, or dated earlier with a higher one (the running
 * number never goes back, so one of the two is wrong — or an old run restarted). Supplements have
 * no running number and are not compared; nor are issues of the same date. Names the clashing
 * issue nearest in date; null when all is in order. A warning for the office, not a refusal.
 */
export function totalNumberOrder(m: Pick<BulletinDocument["masthead"], "kind" | "date" | "totalNumber" | "totalNumberEnd">): TotalOrderClash | null {
  if (m.kind === "supplement" || !m.totalNumber || !m.date) return null;
  const pub = currentPublication();
  const rows = db
    .select({ date: issues.date, total: issues.totalNumber, totalEnd: issues.totalNumberEnd, kind: issues.kind })
    .from(issues)
    .where(eq(issues.publicationId, pub.id))
    .all()
    .filter((r) => r.kind !== "supplement" && r.date !== m.date);
  const mine = { total: m.totalNumber, date: m.date };
  const clashes = rows
    .filter((r) => (r.date > m.date ? r.total < m.totalNumber : (r.totalEnd ?? r.total) > (m.totalNumberEnd ?? m.totalNumber)))
    .sort((a, b) => Math.abs(Date.parse(a.date) - Date.parse(m.date)) - Math.abs(Date.parse(b.date) - Date.parse(m.date)));
  const o = clashes[0];
  if (!o) return null;
  const other = { total: o.total, date: o.date };
  return o.date > m.date ? { earlier: mine, later: other, more: clashes.length - 1 } : { earlier: other, later: mine, more: clashes.length - 1 };
}

/** The warning for a 总期号 out of order with the dates, in Chinese (batch report, command line). */
export function totalOrderWarning(c: TotalOrderClash): string {
  const at = (x: { total: number; date: string }) => `总第${x.total}期（${chineseDate(x.date)}）`;
  return `${at(c.earlier)}早于${at(c.later)}，总期号却更大；总期号只增不减，请核对${c.more ? `（另有 ${c.more} 期与本期顺序不符）` : ""}`;
}

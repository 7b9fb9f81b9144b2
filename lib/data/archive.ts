import "server-only";
import { z } from "zod";
import { db } from "@/db";
import { DuplicateIssueError, type ImportReport, writeImportedIssue } from "@/db/import-issue";
import type { BulletinDocument } from "@/lib/bulletin/document";
import { type Actor, requireRole } from "./actor";
import { AppError } from "./errors";
import { isoDateSchema } from "./validation";
import { textLine } from "@/lib/text/rule";

// Every text of an imported document is held to the text rule (lib/text/rule.ts): no markup, no
// control or bidi characters, no lone surrogates; dates are real days within the issue's year.
const line = (label: string, max: number, required = false) => textLine({ label, max, required, noMarkup: true });
const runSchema = z.object({ text: line("正文", 20_000), bold: z.boolean().optional(), italic: z.boolean().optional() }).strict();

/** A bulletin document as it arrives from an import: validated before anything is written. */
export const importDocumentSchema = z
  .object({
    masthead: z
      .object({
        title: line("刊物名称", 40, true),
        year: z.number().int().min(1949).max(2200),
        number: z.number().int().min(1).max(999),
        totalNumber: z.number().int().min(1).max(99999),
        office: line("编印单位", 60),
        date: isoDateSchema,
      })
      .strict(),
    toc: z.array(line("目录提要", 120, true)).max(100),
    sections: z
      .array(
        z
          .object({
            title: line("栏目名称", 30, true).nullable(),
            items: z
              .array(
                z
                  .object({
                    id: z.number().int().positive().optional(),
                    title: textLine({ label: "稿件标题", max: 120, required: "title_required", noMarkup: true }),
                    paragraphs: z.array(z.array(runSchema).min(1)).min(1).max(400),
                    source: line("署名", 100, true).nullable(),
                  })
                  .strict(),
              )
              .max(200),
          })
          .strict(),
      )
      .max(40)
      .refine((s) => s.some((x) => x.items.length > 0), "no_items"),
    footer: z
      .object({
        mailbox: line("邮箱", 100),
        editor: line("编辑", 40),
        reviewer: line("审核", 40),
        distribution: z.array(line("分送", 100)).max(50),
        printedBy: line("印发单位", 60).nullish(),
        printedDate: isoDateSchema.nullish(),
        printRun: z.number().int().positive().nullish(),
      })
      .strict(),
    draft: z.boolean(),
  })
  .strict()
  .superRefine((doc, ctx) => {
    // The issue's date, and the printing date, fall in the issue's year (a printing may run into
    // the first days of the next year).
    const year = doc.masthead.year;
    if (Number(doc.masthead.date.slice(0, 4)) !== year) ctx.addIssue({ code: "custom", message: "text_date", path: ["masthead", "date"], params: { field: "日期（须在本期年份内）" } });
    const printed = doc.footer.printedDate;
    if (printed && Number(printed.slice(0, 4)) !== year && Number(printed.slice(0, 4)) !== year + 1)
      ctx.addIssue({ code: "custom", message: "text_date", path: ["footer", "printedDate"], params: { field: "印发日期（须在本期年份内）" } });
  });

export { matchToc, type ImportReport } from "@/db/import-issue";

/** Imports a past issue into the archive (office or admin; null actor: the system). */
export function importBulletin(actor: Actor | null, input: BulletinDocument, origin: string): ImportReport {
  if (actor) requireRole(actor, "office", "admin");
  const parsed = importDocumentSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", {}, String(parsed.error.issues[0]?.path.join(".") ?? ""));
  try {
    return writeImportedIssue(db, actor, parsed.data, origin);
  } catch (e) {
    if (e instanceof DuplicateIssueError) throw new AppError("duplicate_number", { year: e.year, number: e.number });
    throw e;
  }
}

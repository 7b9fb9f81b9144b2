import "server-only";
import { z } from "zod";
import { db } from "@/db";
import { DuplicateIssueError, type ImportReport, writeImportedIssue } from "@/db/import-issue";
import type { BulletinDocument } from "@/lib/bulletin/document";
import { SUPPLEMENT_LABELS } from "@/lib/bulletin/numbering";
import { type Actor, requireRole } from "./actor";
import { AppError } from "./errors";
import { isoDateSchema } from "./validation";

const runSchema = z.object({ text: z.string().max(20_000), bold: z.boolean().optional(), italic: z.boolean().optional() }).strict();

/** A bulletin document as it arrives from an import: validated before anything is written. */
export const importDocumentSchema = z.object({
  masthead: z.object({
    title: z.string().trim().min(1).max(40),
    year: z.number().int().min(1949).max(2200),
    // 0 only for a supplement (unnumbered; no running number).
    number: z.number().int().min(0).max(999),
    totalNumber: z.number().int().min(0).max(99999),
    office: z.string().trim().max(60),
    date: isoDateSchema,
    kind: z.enum(["regular", "double", "supplement"]).optional(),
    numberEnd: z.number().int().min(2).max(999).nullish(),
    totalNumberEnd: z.number().int().min(2).max(99999).nullish(),
    supplementLabel: z.enum(SUPPLEMENT_LABELS).nullish(),
    numbering: z.object({ numerals: z.enum(["arabic", "chinese"]), yearBrackets: z.boolean() }).optional(),
  }).refine((m) => m.kind === "supplement" || (m.number >= 1 && m.totalNumber >= 1), { message: "invalid_number", path: ["number"] }),
  toc: z.array(z.string().trim().min(1).max(120)).max(100),
  sections: z
    .array(
      z.object({
        title: z.string().trim().min(1).max(30).nullable(),
        items: z
          .array(
            z.object({
              // "" only for a brief (简讯): untitled, one paragraph.
              title: z.string().trim().max(120),
              paragraphs: z.array(z.array(runSchema).min(1)).min(1).max(400),
              source: z.string().trim().min(1).max(100).nullable(),
              author: z.string().trim().min(1).max(60).nullish(),
            }),
          )
          .max(200),
      }),
    )
    .max(40)
    .refine((s) => s.some((x) => x.items.length > 0), "no_items"),
  footer: z.object({
    mailbox: z.string().max(100),
    editor: z.string().max(40),
    reviewer: z.string().max(40),
    distribution: z.array(z.string().max(100)).max(50),
    printedBy: z.string().max(60).nullish(),
    printedDate: isoDateSchema.nullish(),
    printRun: z.number().int().positive().nullish(),
  }),
  draft: z.boolean(),
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

import "server-only";
import { and, eq, or } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { issueSections, issues, itemRevisions, items, placements, units, type Issue } from "@/db/schema";
import type { BulletinDocument } from "@/lib/bulletin/document";
import { paragraphsToDoc } from "@/lib/editor/schema";
import { type Actor, requireRole } from "./actor";
import { audit } from "./audit";
import { AppError } from "./errors";
import { currentPublication, listCatalogue } from "./publication";
import { isoDateSchema } from "./validation";

const runSchema = z.object({ text: z.string().max(20_000), bold: z.boolean().optional(), italic: z.boolean().optional() }).strict();

/** A bulletin document as it arrives from an import: validated before anything is written. */
export const importDocumentSchema = z.object({
  masthead: z.object({
    title: z.string().trim().min(1).max(40),
    year: z.number().int().min(1949).max(2200),
    number: z.number().int().min(1).max(999),
    totalNumber: z.number().int().min(1).max(99999),
    office: z.string().trim().max(60),
    date: isoDateSchema,
  }),
  toc: z.array(z.string().trim().min(1).max(120)).max(100),
  sections: z
    .array(
      z.object({
        title: z.string().trim().min(1).max(30).nullable(),
        items: z
          .array(
            z.object({
              title: z.string().trim().min(1, "title_required").max(120),
              paragraphs: z.array(z.array(runSchema).min(1)).min(1).max(400),
              source: z.string().trim().min(1).max(100).nullable(),
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

export interface ImportReport {
  issueId: number;
  year: number;
  number: number;
  totalNumber: number;
  items: number;
  sections: number;
  unitsMatched: string[];
  unitsCreated: string[];
  /** 目录提要 lines that name no item of the issue. */
  tocUnmatched: string[];
}

/** Length of the longest common subsequence of two short strings. */
function lcs(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1).fill(0);
  for (const ca of a) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = ca === b[j - 1] ? diag + 1 : Math.max(prev[j], prev[j - 1]);
      diag = up;
    }
  }
  return prev[b.length];
}

/**
 * Pairs each 目录提要 line with the item it highlights. A highlight is the item's title or a
 * shortened or reworded form of it (2023-20: 「…参加党日活动」 for 「…参加七一主题党日」), so the
 * best unused title by common characters wins, if it shares most of the shorter one's characters.
 */
export function matchToc(toc: string[], titles: string[]): { toc: Map<number, string>; unmatched: string[] } {
  const out = new Map<number, string>();
  const unmatched: string[] = [];
  for (const line of toc) {
    let best = -1;
    let bestScore = 0;
    titles.forEach((title, i) => {
      if (out.has(i)) return;
      const score = lcs(line, title) / Math.min(line.length, title.length);
      if (score > bestScore) [best, bestScore] = [i, score];
    });
    if (best >= 0 && bestScore >= 0.7) out.set(best, line);
    else unmatched.push(line);
  }
  return { toc: out, unmatched };
}

/** The first unit an attribution names: 「北京制冷学会、昌平区科协」 credits 北京制冷学会. */
function unitNamesOf(source: string): string[] {
  return source
    .split(/[、，,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Brings a past issue into the archive as a distributed issue: sections, items (published,
 * credited to their units so they count in each unit's record), TOC, footer. Units it does not
 * know are created and flagged for an admin to check. A number already used is refused and
 * nothing is written. `actor` is null for the system (first start, command line).
 */
export function importBulletin(actor: Actor | null, input: BulletinDocument, origin: string): ImportReport {
  if (actor) requireRole(actor, "office", "admin");
  const parsed = importDocumentSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", {}, String(parsed.error.issues[0]?.path.join(".") ?? ""));
  const doc = parsed.data;
  const pub = currentPublication();
  const m = doc.masthead;
  const clash = db
    .select({ year: issues.year, number: issues.number })
    .from(issues)
    .where(and(eq(issues.publicationId, pub.id), or(and(eq(issues.year, m.year), eq(issues.number, m.number)), eq(issues.totalNumber, m.totalNumber))))
    .get();
  if (clash) throw new AppError("duplicate_number", { year: clash.year, number: clash.number });

  const catalogue = listCatalogue(pub.id);
  const flat = doc.sections.flatMap((s) => s.items.map((it) => it.title));
  const { toc, unmatched } = matchToc(doc.toc, flat);
  let flatIndex = 0;
  const report: ImportReport = {
    issueId: 0,
    year: m.year,
    number: m.number,
    totalNumber: m.totalNumber,
    items: 0,
    sections: 0,
    unitsMatched: [],
    unitsCreated: [],
    tocUnmatched: unmatched,
  };

  db.transaction((tx) => {
    const officeUnit = tx.select().from(units).where(eq(units.kind, "office")).get();
    const unitId = (source: string | null): number => {
      const names = source ? unitNamesOf(source) : [];
      const name = names[0];
      if (!name) {
        if (!officeUnit) throw new AppError("invalid", {}, "source");
        return officeUnit.id;
      }
      for (const n of names) {
        const found = tx.select().from(units).where(eq(units.name, n)).get();
        if (found) {
          if (!report.unitsMatched.includes(n)) report.unitsMatched.push(n);
        } else {
          tx.insert(units).values({ name: n, kind: /区科协$/.test(n) ? "district" : /学会$|协会$/.test(n) ? "society" : "other", needsReview: true }).run();
          report.unitsCreated.push(n);
        }
      }
      return tx.select().from(units).where(eq(units.name, name)).get()!.id;
    };

    const at = new Date(`${m.date}T12:00:00+08:00`);
    const issue: Issue = tx
      .insert(issues)
      .values({
        publicationId: pub.id,
        year: m.year,
        number: m.number,
        totalNumber: m.totalNumber,
        date: m.date,
        status: "distributed",
        mailbox: doc.footer.mailbox,
        editorName: doc.footer.editor,
        reviewerName: doc.footer.reviewer,
        distribution: doc.footer.distribution,
        printedBy: doc.footer.printedBy ?? null,
        printedDate: doc.footer.printedDate ?? null,
        printRun: doc.footer.printRun ?? null,
        distributedAt: at,
        distributedTo: doc.footer.distribution,
        imported: true,
      })
      .returning()
      .get();
    report.issueId = issue.id;

    doc.sections
      .filter((s) => s.items.length)
      .forEach((s, sectionPos) => {
        const section = tx
          .insert(issueSections)
          .values({ issueId: issue.id, title: s.title, catalogueSectionId: catalogue.find((c) => c.title === s.title)?.id ?? null, position: sectionPos })
          .returning()
          .get();
        report.sections++;
        s.items.forEach((it, pos) => {
          const body = paragraphsToDoc(it.paragraphs);
          const item = tx
            .insert(items)
            .values({
              publicationId: pub.id,
              unitId: unitId(it.source),
              title: it.title,
              body,
              source: it.source,
              suggestedSectionId: section.catalogueSectionId,
              status: "published",
              submittedAt: at,
              createdAt: at,
              updatedAt: at,
            })
            .returning()
            .get();
          const rev = tx
            .insert(itemRevisions)
            .values({ itemId: item.id, version: 1, kind: "import", title: it.title, body, source: it.source, authorId: actor?.id ?? null })
            .returning()
            .get();
          tx.update(items).set({ submittedRevisionId: rev.id }).where(eq(items.id, item.id)).run();
          const tocTitle = toc.get(flatIndex++) ?? null;
          tx.insert(placements)
            .values({ issueId: issue.id, sectionId: section.id, itemId: item.id, position: pos, inToc: tocTitle !== null, tocTitle: tocTitle && tocTitle !== it.title ? tocTitle : null })
            .run();
          audit(tx, actor, { entity: "item", entityId: item.id, action: "import", to: "published", detail: { issueId: issue.id, origin } });
          report.items++;
        });
      });
    audit(tx, actor, { entity: "issue", entityId: issue.id, action: "import", to: "distributed", detail: { origin, items: report.items, unitsCreated: report.unitsCreated } });
  });
  return report;
}

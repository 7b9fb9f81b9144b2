import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { issues, publications, type Issue, type Publication } from "@/db/schema";
import type { Masthead } from "@/lib/bulletin/document";
import { supplementLabelOf, type NumberingState } from "@/lib/bulletin/next-numbers";
import { issueLabel, SUPPLEMENT_LABELS } from "@/lib/bulletin/numbering";
import { type Actor, requireRole } from "./actor";
import { audit } from "./audit";
import { AppError } from "./errors";
import { currentPublication } from "./publication";

/**
 * Issue kinds and numbering (SPEC §2, issue 12): 合刊 covers numbers N..N+1 and running numbers
 * M..M+1, and the next issue proposes N+2, M+2; a supplement (增刊/专刊/特刊) is outside the
 * regular sequence — its number counts the year's supplements of its name, 增刊 and 专刊 each on
 * their own (0: unnumbered), and it has no
 * running number; a publication may record the last issue published outside the system.
 */

export const ISSUE_KINDS = ["regular", "double", "supplement"] as const;
export type IssueKindValue = (typeof ISSUE_KINDS)[number];

/** The kind fields of the new-issue form. */
export const issueKindSchema = z.object({
  kind: z.enum(ISSUE_KINDS, { error: "invalid" }).default("regular"),
  supplementLabel: z.enum(SUPPLEMENT_LABELS, { error: "invalid" }).optional(),
});

/** The highest regular number used in `year` and the highest running number, over both ends of 合刊. */
export function lastRegularNumbers(publicationId: number, year: number): { number: number | null; total: number | null } {
  const row = db
    .select({
      number: sql<number | null>`max(case when ${issues.year} = ${year} then coalesce(${issues.numberEnd}, ${issues.number}) end)`,
      total: sql<number | null>`max(coalesce(${issues.totalNumberEnd}, ${issues.totalNumber}))`,
    })
    .from(issues)
    .where(and(eq(issues.publicationId, publicationId), ne(issues.kind, "supplement")))
    .get();
  return { number: row?.number ?? null, total: row?.total ?? null };
}

/**
 * What the publication's numbering has used (lib/bulletin/next-numbers NumberingState): the
 * highest regular number per year, the highest running number (or the offset), the highest
 * number per year and supplement name (a row without a name is 增刊), the recorded last
 * published issue, and every issue's numbers (to name the one holding a number). Two grouped
 * reads and one narrow read of the publication's issues.
 */
export function numberingState(pub: Publication): NumberingState {
  const regular = db
    .select({ year: issues.year, number: sql<number>`max(coalesce(${issues.numberEnd}, ${issues.number}))`, total: sql<number | null>`max(coalesce(${issues.totalNumberEnd}, ${issues.totalNumber}))` })
    .from(issues)
    .where(and(eq(issues.publicationId, pub.id), ne(issues.kind, "supplement")))
    .groupBy(issues.year)
    .all();
  const supplements = db
    .select({ year: issues.year, label: issues.supplementLabel, number: sql<number>`max(${issues.number})` })
    .from(issues)
    .where(and(eq(issues.publicationId, pub.id), eq(issues.kind, "supplement")))
    .groupBy(issues.year, issues.supplementLabel)
    .all();
  const lastSupplementByYear: NumberingState["lastSupplementByYear"] = {};
  for (const r of supplements) {
    const byLabel = (lastSupplementByYear[String(r.year)] ??= {});
    const label = supplementLabelOf(r.label);
    byLabel[label] = Math.max(byLabel[label] ?? 0, r.number);
  }
  // Every issue's numbers, each read through an index (query-plans.test.ts): regular ones in number order, supplements one row per year, name and number.
  const regularRows = db
    .select({ year: issues.year, number: issues.number, numberEnd: issues.numberEnd, total: issues.totalNumber, totalEnd: issues.totalNumberEnd })
    .from(issues)
    .where(and(eq(issues.publicationId, pub.id), ne(issues.kind, "supplement")))
    .orderBy(issues.year, issues.number)
    .all();
  const supplementRows = db
    .select({ year: issues.year, label: issues.supplementLabel, number: issues.number })
    .from(issues)
    .where(and(eq(issues.publicationId, pub.id), eq(issues.kind, "supplement")))
    .groupBy(issues.year, issues.supplementLabel, issues.number)
    .all();
  const used: NumberingState["used"] = {
    regular: regularRows.map((r) => [r.year, r.number, r.numberEnd ?? 0, r.total, r.totalEnd ?? 0]),
    supplements: supplementRows.map((r) => [r.year, supplementLabelOf(r.label), r.number]),
  };
  const totals = regular.map((r) => r.total ?? 0);
  return {
    lastNumberByYear: Object.fromEntries(regular.map((r) => [String(r.year), r.number])),
    lastTotal: totals.length ? Math.max(...totals) : pub.totalNumberOffset,
    lastSupplementByYear,
    lastPublished: { year: pub.lastPublishedYear, number: pub.lastPublishedNumber, total: pub.lastPublishedTotal },
    used,
  };
}

/** Days after the last issue beyond which the archive is stale (a weekly misses two months). */
export const STALE_AFTER_DAYS = 60;

/**
 * The latest issue the archive (or the publication's record) knows, and how many days ago it
 * was; `stale` when that is more than STALE_AFTER_DAYS or nothing is known at all.
 */
export function archiveFreshness(pub: Publication, today: string): { label: string | null; days: number | null; stale: boolean } {
  const last = db
    .select()
    .from(issues)
    .where(and(eq(issues.publicationId, pub.id), ne(issues.kind, "supplement")))
    .orderBy(sql`${issues.date} desc`)
    .get();
  if (!last) {
    if (pub.lastPublishedYear && pub.lastPublishedNumber) return { label: `${pub.lastPublishedYear}年第${pub.lastPublishedNumber}期`, days: null, stale: false };
    return { label: null, days: null, stale: true };
  }
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${last.date}T00:00:00Z`)) / 86_400_000);
  const recordedAhead = pub.lastPublishedYear !== null && pub.lastPublishedNumber !== null && (pub.lastPublishedYear > last.year || (pub.lastPublishedYear === last.year && pub.lastPublishedNumber > (last.numberEnd ?? last.number)));
  const label = issueLabel(mastheadKind(last) as Masthead);
  return { label, days, stale: days > STALE_AFTER_DAYS && !recordedAhead };
}

/** The numbers an issue of a kind takes, from the form's start numbers. */
export function numbersOfKind(kind: IssueKindValue, n: { number: number; totalNumber: number }) {
  if (kind === "double") return { number: n.number, numberEnd: n.number + 1, totalNumber: n.totalNumber, totalNumberEnd: n.totalNumber + 1 };
  if (kind === "supplement") return { number: n.number, numberEnd: null, totalNumber: 0, totalNumberEnd: null };
  return { number: n.number, numberEnd: null, totalNumber: n.totalNumber, totalNumberEnd: null };
}

/**
 * Refuses numbers another issue holds: regular numbers and running numbers overlap-checked over
 * both ends of 合刊; a numbered supplement against the year's other supplements of the same name
 * (增刊第1期 and 专刊第1期 may both exist; a row without a name is 增刊).
 */
export function assertKindNumbersFree(
  publicationId: number,
  n: { kind: IssueKindValue; year: number; number: number; numberEnd: number | null; totalNumber: number; totalNumberEnd: number | null; supplementLabel?: string | null },
  exceptId?: number,
): void {
  const others = db
    .select()
    .from(issues)
    .where(eq(issues.publicationId, publicationId))
    .all()
    .filter((r) => r.id !== exceptId);
  for (const o of others) {
    if (n.kind === "supplement") {
      const label = supplementLabelOf(n.supplementLabel);
      if (o.kind === "supplement" && o.year === n.year && n.number > 0 && o.number === n.number && supplementLabelOf(o.supplementLabel) === label) {
        throw new AppError("duplicate_supplement", { year: o.year, label, number: o.number }, "number");
      }
      continue;
    }
    if (o.kind === "supplement") continue;
    const overlap = (a1: number, a2: number, b1: number, b2: number) => a1 <= b2 && b1 <= a2;
    if (o.year === n.year && overlap(n.number, n.numberEnd ?? n.number, o.number, o.numberEnd ?? o.number)) {
      throw new AppError("duplicate_number", { year: o.year, number: o.number }, "number");
    }
    if (overlap(n.totalNumber, n.totalNumberEnd ?? n.totalNumber, o.totalNumber, o.totalNumberEnd ?? o.totalNumber)) {
      // Name the running number that clashes (总第N期), not the other issue's 第N期 alone.
      const total = Math.max(n.totalNumber, o.totalNumber);
      throw new AppError("duplicate_total", { total, year: o.year, number: o.number }, "totalNumber");
    }
  }
}

/** The masthead fields an issue row adds to a document (nothing for a regular issue). */
export function mastheadKind(issue: Pick<Issue, "year" | "number" | "totalNumber" | "date" | "kind" | "numberEnd" | "totalNumberEnd" | "supplementLabel">): Partial<Masthead> & Pick<Masthead, "year" | "number" | "totalNumber"> {
  const base = { year: issue.year, number: issue.number, totalNumber: issue.totalNumber };
  if (issue.kind === "double") return { ...base, kind: "double", numberEnd: issue.numberEnd, totalNumberEnd: issue.totalNumberEnd };
  if (issue.kind === "supplement") return { ...base, kind: "supplement", supplementLabel: issue.supplementLabel ?? "增刊" };
  return base;
}

/**
 * An issue as its masthead names it, for messages and dialogs: 2026年第12期, 2026年第3-4期合刊,
 * 2026年专刊第1期 (lib/bulletin/numbering issueLabel), so a supplement is never taken for the
 * regular issue of the same number.
 */
export function issueName(issue: Pick<Issue, "year" | "number" | "totalNumber" | "date" | "kind" | "numberEnd" | "totalNumberEnd" | "supplementLabel">): string {
  return issueLabel(mastheadKind(issue) as Masthead);
}

/** The publication's numbering style for the document (nothing when it is the default). */
export function mastheadNumbering(pub: Publication): Pick<Masthead, "numbering"> {
  return pub.numerals === "chinese" || pub.yearBrackets ? { numbering: { numerals: pub.numerals, yearBrackets: pub.yearBrackets } } : {};
}

export const publicationNumberingSchema = z
  .object({
    numerals: z.enum(["arabic", "chinese"], { error: "invalid" }),
    yearBrackets: z.coerce.boolean(),
    lastPublishedYear: z.coerce.number().int().min(1949, "invalid_year").max(2200, "invalid_year").nullable(),
    lastPublishedNumber: z.coerce.number().int().min(1, "invalid_number").max(999, "invalid_number").nullable(),
    lastPublishedTotal: z.coerce.number().int().min(1, "invalid_number").max(99999, "invalid_number").nullable(),
  })
  .refine((v) => (v.lastPublishedYear === null) === (v.lastPublishedNumber === null), { message: "invalid", path: ["lastPublishedNumber"] });

/** Admin: the publication's numbering style and the last issue published outside the system. */
export function updatePublicationNumbering(actor: Actor, input: z.infer<typeof publicationNumberingSchema>): Publication {
  requireRole(actor, "admin");
  const pub = currentPublication();
  return db.transaction((tx) => {
    const row = tx.update(publications).set(input).where(eq(publications.id, pub.id)).returning().get();
    audit(tx, actor, { entity: "publication", entityId: pub.id, action: "update_numbering", detail: { ...input } });
    return row;
  });
}

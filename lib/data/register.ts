import "server-only";
import type { Masthead } from "@/lib/bulletin/document";
import { totalLine } from "@/lib/bulletin/numbering";
import { issueLabelColumns } from "./issue-label-columns";
import { issueName, mastheadKind } from "./issue-kinds";
import ExcelJS from "exceljs";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { textBlock, textLine } from "@/lib/text/rule";
import { db } from "@/db";
import { DISTRIBUTION_METHODS, distributionRecords, issues, type DistributionRecord, type Issue } from "@/db/schema";
import { type Actor, requireRole } from "./actor";
import { audit } from "./audit";
import { AppError } from "./errors";
import { isoDateSchema, todayInChina } from "./validation";
import { chineseDate } from "@/lib/bulletin/dates";
import { addChinaDays, chinaDay } from "@/lib/time";

/**
 * The distribution register (发文登记): what was sent, to whom (groups and how many recipients),
 * how many printed, when, how (印发 / 电子 / 邮寄) and who recorded it. Recording a distribution
 * writes the first entry; a correction is a new entry pointing at the one it corrects (never an
 * update), logged on the issue.
 */
export const METHOD_LABELS: Record<(typeof DISTRIBUTION_METHODS)[number], string> = { print: "印发", electronic: "电子", post: "邮寄" };

const groupsSchema = z.array(textLine({ label: "分送对象", max: 100, required: true, tooLong: "too_long", noMarkup: true })).min(1, "distribution_required").max(50);
const countSchema = z.number("invalid_copies").int("invalid_copies").min(1, "invalid_copies").max(1_000_000, "invalid_copies");

/**
 * Refuses more copies sent than printed for a paper distribution (印发, 邮寄; an electronic one has
 * no print run to keep to): `copies_over_print_run`, params `count`, `printRun`, field `recipientCount`.
 */
function assertCopiesWithinPrintRun(method: (typeof DISTRIBUTION_METHODS)[number], count: number, printRun: number | null): void {
  if (method !== "electronic" && printRun !== null && count > printRun) throw new AppError("copies_over_print_run", { count, printRun }, "recipientCount");
}

/**
 * The 印发日期 of a distribution or its correction lies from the earlier of the issue's date and the
 * day it was approved, to a week after the later of its date and today (Beijing): a mistyped year
 * (2020-01-01 for an issue of 2026) filed the issue under another year's register while its
 * footer printed the right date. `distribution_date_range` (params from, to in Chinese form; field date).
 */
export function assertDistributionDate(issue: Pick<Issue, "date" | "approvedAt">, date: string, today = todayInChina()): void {
  const approved = issue.approvedAt ? chinaDay(issue.approvedAt) : issue.date;
  const from = approved < issue.date ? approved : issue.date;
  const to = addChinaDays(issue.date > today ? issue.date : today, 7);
  if (date < from || date > to) throw new AppError("distribution_date_range", { from: chineseDate(from), to: chineseDate(to) }, "date");
}

/** The register fields a distribution form sends beside the date and groups. */
export const registerFieldsSchema = z.object({
  method: z.enum(DISTRIBUTION_METHODS).optional(),
  recipientCount: countSchema.nullable().optional(),
  printRun: countSchema.nullable().optional(),
});

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

/**
 * Writes the first register entry of a distribution, inside distributeIssue's transaction.
 * recipientCount defaults to the number of groups; printRun to the issue's 共印N份.
 */
export function recordDistribution(
  tx: Tx,
  actor: Actor,
  issue: Issue,
  input: { date: string; distribution: string[]; method?: (typeof DISTRIBUTION_METHODS)[number]; recipientCount?: number | null; printRun?: number | null },
): DistributionRecord {
  const method = input.method ?? "print";
  const recipientCount = input.recipientCount ?? input.distribution.length;
  const printRun = input.printRun ?? issue.printRun ?? null;
  assertDistributionDate(issue, input.date);
  assertCopiesWithinPrintRun(method, recipientCount, printRun);
  return tx
    .insert(distributionRecords)
    .values({
      issueId: issue.id,
      date: input.date,
      method,
      groups: input.distribution,
      recipientCount,
      printRun,
      recordedById: actor.id,
      recordedByName: actor.displayName,
    })
    .returning()
    .get();
}

export const correctRegisterSchema = z
  .object({
    recordId: z.number().int().positive(),
    date: isoDateSchema,
    method: z.enum(DISTRIBUTION_METHODS),
    groups: groupsSchema,
    recipientCount: countSchema,
    printRun: countSchema.nullable(),
    reason: textBlock({ label: "更正原因", max: 500, required: "reason_required", tooLong: "too_long", noMarkup: true }),
  })
  .strict();

/** Office: records a correction of the issue's current entry as a new entry; logged on the issue. */
export function correctRegisterEntry(actor: Actor, input: z.infer<typeof correctRegisterSchema>): DistributionRecord {
  requireRole(actor, "office");
  const prev = db.select().from(distributionRecords).where(eq(distributionRecords.id, input.recordId)).get();
  if (!prev) throw new AppError("not_found");
  const current = currentEntry(prev.issueId);
  // Only the latest entry may be corrected: a correction of an old one would fork the history.
  if (!current || current.id !== prev.id) throw new AppError("conflict");
  const issue = db.select().from(issues).where(eq(issues.id, prev.issueId)).get();
  if (!issue) throw new AppError("not_found");
  assertDistributionDate(issue, input.date);
  assertCopiesWithinPrintRun(input.method, input.recipientCount, input.printRun);
  return db.transaction((tx) => {
    const row = tx
      .insert(distributionRecords)
      .values({
        issueId: prev.issueId,
        date: input.date,
        method: input.method,
        groups: input.groups,
        recipientCount: input.recipientCount,
        printRun: input.printRun,
        recordedById: actor.id,
        recordedByName: actor.displayName,
        correctsId: prev.id,
        reason: input.reason,
      })
      .returning()
      .get();
    const changed = (["date", "method", "groups", "recipientCount", "printRun"] as const).filter((k) => JSON.stringify(prev[k]) !== JSON.stringify(row[k]));
    audit(tx, actor, { entity: "issue", entityId: prev.issueId, action: "register_correct", detail: { recordId: row.id, corrects: prev.id, reason: input.reason, changed } });
    return row;
  });
}

function currentEntry(issueId: number): DistributionRecord | undefined {
  return db.select().from(distributionRecords).where(eq(distributionRecords.issueId, issueId)).orderBy(asc(distributionRecords.id)).all().at(-1);
}

/** An issue's register entries, oldest first (the last is current). Desk, review, office, admin. */
export function registerEntriesForIssue(actor: Actor, issueId: number): DistributionRecord[] {
  requireRole(actor, "office", "editor", "reviewer", "signer", "admin");
  return db.select().from(distributionRecords).where(eq(distributionRecords.issueId, issueId)).orderBy(asc(distributionRecords.id)).all();
}

export interface RegisterRow {
  issue: Pick<Issue, "id" | "year" | "number" | "totalNumber" | "date" | "kind" | "numberEnd" | "totalNumberEnd" | "supplementLabel">;
  current: DistributionRecord;
  corrections: DistributionRecord[];
}

/** Every issue whose (current) distribution date falls in the year, in date order, with its history. */
export function listRegister(actor: Actor, year: number): RegisterRow[] {
  requireRole(actor, "office", "editor", "reviewer", "signer", "admin");
  const rows = db
    .select({ rec: distributionRecords, issue: { id: issues.id, ...issueLabelColumns, date: issues.date } })
    .from(distributionRecords)
    .innerJoin(issues, eq(issues.id, distributionRecords.issueId))
    .orderBy(asc(distributionRecords.id))
    .all();
  const byIssue = new Map<number, RegisterRow>();
  for (const r of rows) {
    const e = byIssue.get(r.issue.id);
    if (!e) byIssue.set(r.issue.id, { issue: r.issue, current: r.rec, corrections: [] });
    else {
      e.corrections.push(e.current);
      e.current = r.rec;
    }
  }
  return [...byIssue.values()]
    .filter((r) => r.current.date.startsWith(`${year}-`))
    .sort((a, b) => a.current.date.localeCompare(b.current.date) || a.issue.totalNumber - b.issue.totalNumber);
}

/** Years that have register entries, newest first. */
export function registerYears(actor: Actor): number[] {
  requireRole(actor, "office", "editor", "reviewer", "signer", "admin");
  const rows = db.$client.prepare("select distinct cast(substr(date, 1, 4) as integer) as y from distribution_records order by y desc").all() as { y: number }[];
  return rows.map((r) => r.y);
}

/** The year's register as an .xlsx workbook (one sheet, one row per issue; corrections noted). */
export async function registerWorkbook(actor: Actor, year: number): Promise<Buffer> {
  const rows = listRegister(actor, year);
  const wb = new ExcelJS.Workbook();
  wb.creator = "简报编发";
  const ws = wb.addWorksheet(`${year}年发文登记`);
  ws.columns = [
    { header: "序号", key: "n", width: 6 },
    { header: "期号", key: "issue", width: 18 },
    { header: "出刊日期", key: "issueDate", width: 12 },
    { header: "分发日期", key: "date", width: 12 },
    { header: "方式", key: "method", width: 8 },
    { header: "分送对象", key: "groups", width: 50 },
    { header: "份数", key: "count", width: 8 },
    { header: "印数", key: "printRun", width: 8 },
    { header: "登记人", key: "by", width: 10 },
    { header: "更正", key: "corrections", width: 30 },
  ];
  ws.getRow(1).font = { bold: true };
  rows.forEach((r, i) => {
    ws.addRow({
      n: i + 1,
      // As the masthead names it: a 合刊 by both numbers, a 增刊/专刊 by its name and without a running number.
      issue: `${issueName(r.issue)}${totalLine(mastheadKind(r.issue) as Masthead, "（", "）")}`,
      issueDate: r.issue.date,
      date: r.current.date,
      method: METHOD_LABELS[r.current.method],
      groups: r.current.groups.join("\n"),
      count: r.current.recipientCount,
      printRun: r.current.printRun ?? "",
      by: r.current.recordedByName,
      corrections: r.corrections.length ? `更正${r.corrections.length}次：${r.current.reason}` : "",
    });
  });
  ws.getColumn("groups").alignment = { wrapText: true, vertical: "top" };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

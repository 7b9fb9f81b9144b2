import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { catalogueSections, issueSections, issues, items, placements, units, type Issue } from "@/db/schema";
import { bulletinToPrintHtml } from "@/lib/bulletin/print-html";
import { type Actor, requireRole } from "./actor";
import { AppError } from "./errors";
import { writeItemStatus } from "./item-status";
import { latestRound } from "./signoff";
import { changeIssue, getIssue, issueRefSchema, loadBulletin, sectionFor, type Tx } from "./issues";
import { assertKindNumbersFree, issueName, numbersOfKind } from "./issue-kinds";
import { issueLabelColumns } from "./issue-label-columns";
import { listCatalogue } from "./publication";
import { chineseDate } from "@/lib/bulletin/dates";
import { addChinaDays, chinaInstant } from "@/lib/time";
import { idSchema, isChinaDateTime, isoDateSchema } from "./validation";
import { isEmail, textLine } from "@/lib/text/rule";
import { countParagraphs } from "@/lib/text/count";

/**
 * The arrange board: every change to an issue's sections, order, TOC and footer goes through
 * `arrangeIssue`, carries the issue version it was based on, and is refused (changing nothing)
 * when someone else changed the issue since.
 */

const index = z.coerce.number().int().min(0).max(100_000);
const shortText = (max: number, label: string) => textLine({ label, max, tooLong: "too_long", noMarkup: true }).refine((s) => !/[<>]/.test(s), "invalid");

export const arrangeOpSchema = z.discriminatedUnion("op", [
  // From the pool into a section by title (found, or created in catalogue order); empty: the lead block.
  z.object({ op: z.literal("place"), itemId: idSchema, sectionTitle: shortText(20, "栏目名称"), inToc: z.boolean() }),
  // Put an item (from the pool or from anywhere in the issue) into a section at an index.
  z.object({ op: z.literal("move"), itemId: idSchema, sectionId: idSchema, index }),
  z.object({ op: z.literal("unplace"), itemId: idSchema }),
  z.object({ op: z.literal("moveSection"), sectionId: idSchema, index }),
  // Empty title: the lead block without a heading.
  z.object({ op: z.literal("addSection"), title: shortText(20, "栏目名称") }),
  z.object({ op: z.literal("removeSection"), sectionId: idSchema }),
  z.object({
    op: z.literal("placement"),
    itemId: idSchema,
    inToc: z.boolean(),
    tocTitle: shortText(60, "目录提要").transform((s) => s || null),
    sourceOverride: shortText(100, "署名").transform((s) => s || null),
  }),
  z.object({
    op: z.literal("footer"),
    mailbox: shortText(100, "邮箱").refine((s) => s === "" || isEmail(s), { error: "text_email", params: { field: "邮箱" } } as never),
    editorName: shortText(40, "编辑"),
    reviewerName: shortText(40, "审核"),
    distribution: z.array(shortText(100, "分送")).max(50).transform((a) => a.filter(Boolean)),
    // The 印发 line (office and date) and the print run (共印N份) print only when recorded.
    // Not recorded: the board sends null, a form may send "".
    printedBy: shortText(60, "印发单位").nullable().transform((s) => s || null),
    printedDate: z.union([z.literal(""), isoDateSchema]).nullable().transform((s) => s || null),
    printRun: z.number().int("invalid").min(1, "invalid").max(1_000_000, "invalid").nullable(),
  }),
]);
export type ArrangeOp = z.infer<typeof arrangeOpSchema>;
/** A change as the board sends it (before the server trims and normalises it). */
export type ArrangeChange =
  | Exclude<ArrangeOp, { op: "placement" }>
  | { op: "placement"; itemId: number; inToc: boolean; tocTitle: string; sourceOverride: string };

export const arrangeSchema = issueRefSchema.extend({ change: arrangeOpSchema });

function sectionsOf(tx: Tx, issueId: number) {
  return tx.select().from(issueSections).where(eq(issueSections.issueId, issueId)).orderBy(asc(issueSections.position), asc(issueSections.id)).all();
}

function placementsIn(tx: Tx, sectionId: number) {
  return tx.select().from(placements).where(eq(placements.sectionId, sectionId)).orderBy(asc(placements.position), asc(placements.id)).all();
}

/** Writes positions 0..n-1 for the given ids, touching only rows whose position changes. */
function renumber(tx: Tx, table: typeof placements | typeof issueSections, rows: { id: number; position: number }[]) {
  rows.forEach((r, i) => {
    if (r.position !== i) tx.update(table).set({ position: i }).where(eq(table.id, r.id)).run();
  });
}

/**
 * Applies one change. `detail` is the audit row's detail, written after this in the same
 * transaction: a change may add what only the database knows (a moved section's title and where
 * it was), so the log can name it.
 */
function applyOp(tx: Tx, actor: Actor, issue: Issue, change: ArrangeOp, detail: Record<string, unknown> = {}) {
  switch (change.op) {
    case "place": {
      const section = sectionFor(tx, issue, change.sectionTitle || null);
      applyOp(tx, actor, issue, { op: "move", itemId: change.itemId, sectionId: section.id, index: 100_000 });
      if (change.inToc) tx.update(placements).set({ inToc: true }).where(eq(placements.itemId, change.itemId)).run();
      return;
    }
    case "move": {
      const target = tx.select().from(issueSections).where(and(eq(issueSections.id, change.sectionId), eq(issueSections.issueId, issue.id))).get();
      if (!target) throw new AppError("not_found");
      const existing = tx.select().from(placements).where(eq(placements.itemId, change.itemId)).get();
      if (existing && existing.issueId !== issue.id) throw new AppError("not_allowed_now", {}, "itemId");
      if (!existing) {
        if (issue.status !== "drafting") throw new AppError("not_allowed_now");
        const item = tx.select().from(items).where(eq(items.id, change.itemId)).get();
        if (!item || item.status === "draft" || item.publicationId !== issue.publicationId) throw new AppError("not_found");
        if (item.status !== "accepted") throw new AppError("not_allowed_now", {}, "itemId");
        writeItemStatus(tx, actor, item, "place", { detail: { issueId: issue.id } });
        const list = placementsIn(tx, target.id);
        const inserted = tx
          .insert(placements)
          .values({ issueId: issue.id, sectionId: target.id, itemId: item.id, position: list.length, inToc: false })
          .returning()
          .get();
        list.splice(Math.min(change.index, list.length), 0, inserted);
        renumber(tx, placements, list);
        return;
      }
      if (existing.sectionId !== target.id) {
        const from = placementsIn(tx, existing.sectionId).filter((p) => p.id !== existing.id);
        renumber(tx, placements, from);
        const list = placementsIn(tx, target.id);
        list.splice(Math.min(change.index, list.length), 0, { ...existing, position: -1 });
        tx.update(placements).set({ sectionId: target.id, position: -1 }).where(eq(placements.id, existing.id)).run();
        renumber(tx, placements, list);
        return;
      }
      const list = placementsIn(tx, target.id);
      const at = list.findIndex((p) => p.id === existing.id);
      const [moved] = list.splice(at, 1);
      list.splice(Math.min(change.index, list.length), 0, moved);
      renumber(tx, placements, list);
      return;
    }
    case "unplace": {
      const p = tx.select().from(placements).where(and(eq(placements.issueId, issue.id), eq(placements.itemId, change.itemId))).get();
      if (!p) throw new AppError("not_found");
      tx.delete(placements).where(eq(placements.id, p.id)).run();
      const item = tx.select().from(items).where(eq(items.id, change.itemId)).get();
      if (!item) throw new AppError("not_found");
      writeItemStatus(tx, actor, item, "unplace", { detail: { issueId: issue.id } });
      renumber(tx, placements, placementsIn(tx, p.sectionId));
      return;
    }
    case "moveSection": {
      const list = sectionsOf(tx, issue.id);
      const at = list.findIndex((s) => s.id === change.sectionId);
      if (at < 0) throw new AppError("not_found");
      const [moved] = list.splice(at, 1);
      list.splice(Math.min(change.index, list.length), 0, moved);
      renumber(tx, issueSections, list);
      // The log names the section and both places: 「把栏目【基层动态】从第 3 位移到第 2 位」.
      Object.assign(detail, { title: moved.title, from: at, index: list.indexOf(moved) });
      return;
    }
    case "addSection": {
      const title = change.title || null;
      const list = sectionsOf(tx, issue.id);
      if (list.some((s) => s.title === title)) throw new AppError("invalid", {}, "title");
      const cat = title === null ? undefined : listCatalogue(issue.publicationId).find((c) => c.title === title);
      const created = tx
        .insert(issueSections)
        .values({ issueId: issue.id, title, catalogueSectionId: cat?.id ?? null, position: list.length })
        .returning()
        .get();
      // The lead block opens the issue; other sections are added at the end.
      if (title === null) list.unshift(created);
      else list.push(created);
      renumber(tx, issueSections, list);
      return;
    }
    case "removeSection": {
      const s = tx.select().from(issueSections).where(and(eq(issueSections.id, change.sectionId), eq(issueSections.issueId, issue.id))).get();
      if (!s) throw new AppError("not_found");
      if (placementsIn(tx, s.id).length) throw new AppError("not_allowed_now");
      tx.delete(issueSections).where(eq(issueSections.id, s.id)).run();
      renumber(tx, issueSections, sectionsOf(tx, issue.id));
      return;
    }
    case "placement": {
      const r = tx
        .update(placements)
        .set({ inToc: change.inToc, tocTitle: change.tocTitle, sourceOverride: change.sourceOverride })
        .where(and(eq(placements.issueId, issue.id), eq(placements.itemId, change.itemId)))
        .run();
      if (r.changes !== 1) throw new AppError("not_found");
      return;
    }
    case "footer": {
      tx.update(issues)
        .set({
          mailbox: change.mailbox,
          editorName: change.editorName,
          reviewerName: change.reviewerName,
          distribution: change.distribution,
          printedBy: change.printedBy,
          printedDate: change.printedDate,
          printRun: change.printRun,
        })
        .where(eq(issues.id, issue.id))
        .run();
      return;
    }
  }
}

/** One change to the arrangement, based on `version`. A stale version is refused with `board_conflict`. */
export function arrangeIssue(actor: Actor, input: z.infer<typeof arrangeSchema>): Issue {
  requireRole(actor, "editor");
  try {
    // `action` names the kind of edit for the audit log and the review rounds (which item moved).
    const detail: Record<string, unknown> = { action: input.change.op, ...input.change };
    return changeIssue(actor, input, "edit", {
      detail,
      movedItemId: input.change.op === "move" ? input.change.itemId : undefined,
      write: (tx, issue) => applyOp(tx, actor, issue, input.change, detail),
    });
  } catch (e) {
    if (e instanceof AppError && e.code === "conflict") throw new AppError("board_conflict");
    throw e;
  }
}

export const issueMetaSchema = issueRefSchema.extend({
  year: z.coerce.number().int().min(1949, "invalid_year").max(2200, "invalid_year"),
  // 0 only for a supplement (unnumbered; no running number): updateIssueMeta checks by kind.
  number: z.coerce.number().int().min(0, "invalid_number").max(999, "invalid_number"),
  totalNumber: z.coerce.number().int().min(0, "invalid_number").max(99999, "invalid_number"),
  date: isoDateSchema,
  // yyyy-mm-ddThh:mm in China time, or empty for no deadline.
  deadline: z
    .string()
    .trim()
    .refine((s) => s === "" || isChinaDateTime(s), "invalid_date")
    .transform((s) => (s ? chinaInstant(s) : null)),
});

/**
 * Numbers, date and 截稿时间 of an issue; numbers stay unique within the publication as the
 * issue's kind counts them (assertKindNumbersFree): a 合刊 keeps its two numbers (N..N+1,
 * M..M+1), a supplement is checked only against supplements of its name and keeps no running
 * number (its totalNumber is 0 whatever is sent), a regular or 合刊 issue needs numbers from 1.
 * The 截稿时间, when set, lies on or before the issue's date and within the year before it
 * (`deadline_outside_issue`: 9999-12-31, or a deadline after the issue is dated, was stored).
 */
export function updateIssueMeta(actor: Actor, input: z.infer<typeof issueMetaSchema>): Issue {
  requireRole(actor, "editor");
  const current = getIssue(actor, input.issueId);
  if (Number(input.date.slice(0, 4)) !== input.year) throw new AppError("invalid", {}, "date");
  if (current.kind !== "supplement" && input.number < 1) throw new AppError("invalid", {}, "number");
  if (current.kind !== "supplement" && input.totalNumber < 1) throw new AppError("invalid", {}, "totalNumber");
  if (input.deadline && (input.deadline >= chinaInstant(addChinaDays(input.date, 1)) || input.deadline < chinaInstant(addChinaDays(input.date, -366))))
    throw new AppError("deadline_outside_issue", { date: chineseDate(input.date) }, "deadline");
  const span = numbersOfKind(current.kind, input);
  assertKindNumbersFree(current.publicationId, { kind: current.kind, year: input.year, ...span, supplementLabel: current.supplementLabel }, current.id);
  const { issueId, version, ...rest } = input;
  const set = { ...rest, ...span };
  return changeIssue(actor, { issueId, version }, "edit", { set, detail: { action: "meta", ...set, deadline: set.deadline?.toISOString() ?? null, label: issueName({ ...current, ...set }) } });
}

/** The next deadline of an issue being prepared, for contributors. */
export function upcomingDeadline(actor: Actor, now = new Date()) {
  requireRole(actor, "contributor", "editor", "reviewer", "office", "admin");
  const rows = db
    .select({ ...issueLabelColumns, deadline: issues.deadline })
    .from(issues)
    .where(eq(issues.status, "drafting"))
    .all()
    .filter((r): r is typeof r & { deadline: Date } => !!r.deadline && r.deadline.getTime() >= now.getTime())
    .sort((a, b) => a.deadline.getTime() - b.deadline.getTime());
  return rows[0] ?? null;
}

export interface BoardPlacement {
  itemId: number;
  title: string;
  unitName: string;
  source: string | null;
  inToc: boolean;
  tocTitle: string;
  sourceOverride: string;
  chars: number;
}
export interface BoardSection {
  id: number;
  title: string | null;
  placements: BoardPlacement[];
}
export interface BoardView {
  issue: {
    id: number;
    version: number;
    status: Issue["status"];
    year: number;
    number: number;
    totalNumber: number;
    mailbox: string;
    editorName: string;
    reviewerName: string;
    distribution: string[];
    printedBy: string | null;
    printedDate: string | null;
    printRun: number | null;
    /** Sent to review before: sending again starts a new round (the UI asks first). */
    sentBefore: boolean;
    /** The issue as its masthead names it: 2026年第12期, 2026年第3-4期合刊, 2026年专刊第1期 (confirmations name it). */
    label: string;
  };
  sections: BoardSection[];
  pool: { id: number; title: string; unitName: string; sectionTitle: string | null }[];
  catalogue: string[];
  previewHtml: string;
}

/** Everything the arrange board shows, including the preview rendered by the print renderer. */
export function boardView(actor: Actor, issueId: number): BoardView {
  requireRole(actor, "editor");
  const issue = getIssue(actor, issueId);
  const sections = db.select().from(issueSections).where(eq(issueSections.issueId, issueId)).orderBy(asc(issueSections.position), asc(issueSections.id)).all();
  const rows = db
    .select({ p: placements, title: items.title, source: items.source, unitName: units.name })
    .from(placements)
    .innerJoin(items, eq(items.id, placements.itemId))
    .innerJoin(units, eq(units.id, items.unitId))
    .where(eq(placements.issueId, issueId))
    .orderBy(asc(placements.position), asc(placements.id))
    .all();
  const pool = db
    .select({ id: items.id, title: items.title, unitName: units.name, sectionTitle: catalogueSections.title })
    .from(items)
    .innerJoin(units, eq(units.id, items.unitId))
    .leftJoin(catalogueSections, eq(catalogueSections.id, items.suggestedSectionId))
    // `+publication_id`: the accepted items are few, the publication's are all of them — read by
    // status (items_status_submitted), not along the publication's index (563 ms → 0.4 ms at 100,000).
    .where(and(eq(items.status, "accepted"), sql`+${items.publicationId} = ${issue.publicationId}`))
    .orderBy(asc(items.submittedAt), asc(items.id))
    .all();
  // The document every export is built from gives the preview and the word counts (what prints).
  const { doc } = loadBulletin(issueId);
  const chars = new Map<number, number>();
  for (const s of doc.sections) for (const it of s.items) if (it.id) chars.set(it.id, countParagraphs(it.paragraphs));
  const catalogue = listCatalogue(issue.publicationId)
    .filter((c) => c.active)
    .map((c) => c.title);
  return {
    issue: {
      id: issue.id,
      version: issue.version,
      status: issue.status,
      year: issue.year,
      number: issue.number,
      totalNumber: issue.totalNumber,
      mailbox: issue.mailbox,
      editorName: issue.editorName,
      reviewerName: issue.reviewerName,
      distribution: issue.distribution,
      printedBy: issue.printedBy,
      printedDate: issue.printedDate,
      printRun: issue.printRun,
      sentBefore: latestRound(db, issue.id) !== undefined,
      label: issueName(issue),
    },
    sections: sections.map((s) => ({
      id: s.id,
      title: s.title,
      placements: rows
        .filter((r) => r.p.sectionId === s.id)
        .map((r) => ({
          itemId: r.p.itemId,
          title: r.title,
          unitName: r.unitName,
          source: r.source,
          inToc: r.p.inToc,
          tocTitle: r.p.tocTitle ?? "",
          sourceOverride: r.p.sourceOverride ?? "",
          chars: chars.get(r.p.itemId) ?? 0,
        })),
    })),
    pool,
    catalogue,
    previewHtml: bulletinToPrintHtml(doc),
  };
}


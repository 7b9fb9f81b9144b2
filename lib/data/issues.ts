import "server-only";
import { and, asc, desc, eq, inArray, max, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import {
  auditLog,
  comments,
  issueSections,
  issues,
  items,
  placements,
  publications,
  reviewRounds,
  type Issue,
  type IssueSection,
  type IssueStatus,
} from "@/db/schema";
import type { BulletinDocument } from "@/lib/bulletin/document";
import { bulletinFingerprint } from "@/lib/bulletin/fingerprint";
import { docToParagraphs } from "@/lib/editor/schema";
import { type IssueAction, issueTransition, nextIssueState } from "@/lib/workflow/issue";
import { itemTransition } from "@/lib/workflow/item";
import { type Actor, requireRole } from "./actor";
import { audit } from "./audit";
import { AppError } from "./errors";
import { notifyRole, notifyUnit } from "./notifications";
import { currentPublication, listCatalogue } from "./publication";
import { idSchema, isoDateSchema, todayInChina, versionSchema } from "./validation";

export type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

const READERS = ["editor", "reviewer", "office", "admin"] as const;

export const issueNumbersSchema = z.object({
  year: z.coerce.number().int().min(1949, "invalid_year").max(2200, "invalid_year"),
  number: z.coerce.number().int().min(1, "invalid_number").max(999, "invalid_number"),
  totalNumber: z.coerce.number().int().min(1, "invalid_number").max(99999, "invalid_number"),
  date: isoDateSchema,
});
export const issueRefSchema = z.object({ issueId: idSchema, version: versionSchema });

/**
 * The publication's issues, newest first, with how many items each holds; only those in `status`
 * (one state or several) and of `year` when given; with `page`, only that page (see pageOf and
 * issueYears for the count). Every shape is served by an index
 * (issues_pub_status, issues_pub_year_number; the item count by placements_issue).
 */
export function listIssues(
  actor: Actor,
  filter: { status?: IssueStatus | readonly IssueStatus[]; year?: number; page?: { size: number; offset: number } } = {},
) {
  requireRole(actor, ...READERS);
  const pub = currentPublication();
  const status = filter.status === undefined ? undefined : typeof filter.status === "string" ? [filter.status] : filter.status;
  return db
    .select({
      id: issues.id,
      year: issues.year,
      number: issues.number,
      totalNumber: issues.totalNumber,
      date: issues.date,
      deadline: issues.deadline,
      status: issues.status,
      imported: issues.imported,
      // Qualified by hand: inside a subquery drizzle writes bare column names, and a bare "id"
      // would be the placement's own id, not the issue's.
      items: sql<number>`(select count(*) from "placements" where "placements"."issue_id" = "issues"."id")`,
    })
    .from(issues)
    .where(
      and(
        eq(issues.publicationId, pub.id),
        status ? inArray(issues.status, [...status]) : undefined,
        filter.year !== undefined ? eq(issues.year, filter.year) : undefined,
      ),
    )
    .orderBy(desc(issues.year), desc(issues.number))
    .limit(filter.page?.size ?? -1)
    .offset(filter.page?.offset ?? 0)
    .all();
}

/** The years that have issues (in `status` when given), newest first, with how many each. */
export function issueYears(actor: Actor, filter: { status?: IssueStatus } = {}): { year: number; count: number }[] {
  requireRole(actor, ...READERS);
  const pub = currentPublication();
  return db
    .select({ year: issues.year, count: sql<number>`count(*)` })
    .from(issues)
    .where(and(eq(issues.publicationId, pub.id), filter.status ? eq(issues.status, filter.status) : undefined))
    .groupBy(issues.year)
    .orderBy(desc(issues.year))
    .all();
}

/** SPEC §2: 第N期 restarts at 1 each calendar year; 总第M期 never restarts. */
export function proposeNextIssue(actor: Actor, today = todayInChina()) {
  requireRole(actor, "editor");
  const pub = currentPublication();
  const year = Number(today.slice(0, 4));
  const lastInYear = db
    .select({ n: max(issues.number) })
    .from(issues)
    .where(and(eq(issues.publicationId, pub.id), eq(issues.year, year)))
    .get()?.n;
  const lastTotal = db.select({ n: max(issues.totalNumber) }).from(issues).where(eq(issues.publicationId, pub.id)).get()?.n;
  return { year, number: (lastInYear ?? 0) + 1, totalNumber: (lastTotal ?? pub.totalNumberOffset) + 1, date: today };
}

function assertNumbersFree(publicationId: number, n: { year: number; number: number; totalNumber: number }, exceptId?: number) {
  const clash = db
    .select({ id: issues.id, year: issues.year, number: issues.number, totalNumber: issues.totalNumber })
    .from(issues)
    .where(
      and(
        eq(issues.publicationId, publicationId),
        sql`((${issues.year} = ${n.year} and ${issues.number} = ${n.number}) or ${issues.totalNumber} = ${n.totalNumber})`,
      ),
    )
    .all()
    .filter((r) => r.id !== exceptId);
  for (const c of clash) {
    if (c.year === n.year && c.number === n.number) throw new AppError("duplicate_number", { year: n.year, number: n.number }, "number");
    throw new AppError("duplicate_number", { year: c.year, number: c.number }, "totalNumber");
  }
}

export function createIssue(actor: Actor, input: z.infer<typeof issueNumbersSchema>): Issue {
  requireRole(actor, "editor");
  const pub = currentPublication();
  if (Number(input.date.slice(0, 4)) !== input.year) throw new AppError("invalid", {}, "date");
  assertNumbersFree(pub.id, input);
  return db.transaction((tx) => {
    const issue = tx
      .insert(issues)
      .values({
        publicationId: pub.id,
        ...input,
        status: "drafting",
        mailbox: pub.mailbox,
        editorName: pub.defaultEditorName,
        reviewerName: pub.defaultReviewerName,
        distribution: pub.distribution,
      })
      .returning()
      .get();
    audit(tx, actor, { entity: "issue", entityId: issue.id, action: "create", to: "drafting", detail: { ...input } });
    return issue;
  });
}

export function getIssue(actor: Actor, id: number): Issue {
  requireRole(actor, ...READERS);
  const issue = db.select().from(issues).where(eq(issues.id, id)).get();
  if (!issue) throw new AppError("not_found");
  return issue;
}

/** Builds the bulletin document of an issue from the database: the one input of every export. */
export function loadBulletin(issueId: number): { issue: Issue; doc: BulletinDocument; fingerprint: string } {
  const issue = db.select().from(issues).where(eq(issues.id, issueId)).get();
  if (!issue) throw new AppError("not_found");
  const pub = db.select().from(publications).where(eq(publications.id, issue.publicationId)).get();
  if (!pub) throw new AppError("not_found");
  const sections = db.select().from(issueSections).where(eq(issueSections.issueId, issueId)).orderBy(asc(issueSections.position)).all();
  const rows = db
    .select({ p: placements, item: items })
    .from(placements)
    .innerJoin(items, eq(items.id, placements.itemId))
    .where(eq(placements.issueId, issueId))
    .orderBy(asc(placements.position))
    .all();
  const toc: string[] = [];
  const docSections = sections.map((s) => ({
    title: s.title,
    items: rows
      .filter((r) => r.p.sectionId === s.id)
      .map((r) => {
        if (r.p.inToc) toc.push(r.p.tocTitle || r.item.title);
        return { id: r.item.id, title: r.item.title, paragraphs: docToParagraphs(r.item.body), source: r.p.sourceOverride ?? r.item.source };
      }),
  }));
  const doc: BulletinDocument = {
    masthead: { title: pub.title, year: issue.year, number: issue.number, totalNumber: issue.totalNumber, office: pub.office, date: issue.date },
    toc,
    sections: docSections,
    footer: {
      mailbox: issue.mailbox,
      editor: issue.editorName,
      reviewer: issue.reviewerName,
      distribution: issue.distribution,
      printedBy: issue.printedBy,
      printedDate: issue.printedDate,
      printRun: issue.printRun,
    },
    draft: true,
  };
  const fingerprint = bulletinFingerprint(doc);
  const approvedStill = (issue.status === "approved" || issue.status === "distributed") && issue.approvalFingerprint === fingerprint;
  doc.draft = !approvedStill;
  return { issue, doc, fingerprint };
}

export function issueDocument(actor: Actor, id: number) {
  getIssue(actor, id);
  return loadBulletin(id);
}

/**
 * The one way an issue changes: checks the state table, the version the change was based on,
 * applies `write` and the audit row in one transaction, and bumps the version.
 */
export function changeIssue(
  actor: Actor,
  ref: { issueId: number; version: number },
  action: IssueAction,
  opts: TransitionOptions = {},
): Issue {
  const issue = getIssue(actor, ref.issueId);
  if (nextIssueState(issue.status, action, actor.roles) === null) throw new AppError("not_allowed_now");
  if (issue.version !== ref.version) throw new AppError("conflict");
  return transitionIssue(issue, actor, action, opts);
}

export interface TransitionOptions {
  set?: Partial<typeof issues.$inferInsert>;
  detail?: Record<string, unknown>;
  write?: (tx: Tx, issue: Issue) => void;
}

/**
 * Writes one transition of the state table: the new state, the version bump, `write` and the
 * audit row in one transaction. `actor` null is the system (e.g. voiding an approval whose content
 * changed); anyone else must already have been checked by the caller.
 */
export function transitionIssue(issue: Issue, actor: Actor | null, action: IssueAction, opts: TransitionOptions = {}): Issue {
  return db.transaction((tx) => {
    const updated = tx
      .update(issues)
      .set({ ...opts.set, status: issueTransition(issue.status, action, actor ? actor.roles : ["system"]), version: issue.version + 1, updatedAt: new Date() })
      .where(and(eq(issues.id, issue.id), eq(issues.version, issue.version)))
      .returning()
      .get();
    if (!updated) throw new AppError("conflict");
    opts.write?.(tx, updated);
    audit(tx, actor, {
      entity: "issue",
      entityId: issue.id,
      action,
      from: issue.status,
      to: updated.status,
      detail: opts.detail,
    });
    return updated;
  });
}

export function sectionFor(tx: Tx, issue: Issue, title: string | null): IssueSection {
  const existing = tx.select().from(issueSections).where(eq(issueSections.issueId, issue.id)).orderBy(asc(issueSections.position)).all();
  const found = existing.find((s) => s.title === title);
  if (found) return found;
  const catalogue = listCatalogue(issue.publicationId);
  const cat = title === null ? undefined : catalogue.find((c) => c.title === title);
  const rank = (s: { title: string | null; catalogueSectionId: number | null }) =>
    s.title === null ? -1 : (catalogue.find((c) => c.id === s.catalogueSectionId)?.position ?? Number.MAX_SAFE_INTEGER);
  const mine = rank({ title, catalogueSectionId: cat?.id ?? null });
  let at = existing.findIndex((s) => rank(s) > mine);
  if (at < 0) at = existing.length;
  const created = tx
    .insert(issueSections)
    .values({ issueId: issue.id, title, catalogueSectionId: cat?.id ?? null, position: at })
    .returning()
    .get();
  existing.splice(at, 0, created);
  existing.forEach((s, i) => tx.update(issueSections).set({ position: i }).where(eq(issueSections.id, s.id)).run());
  return created;
}

export const sendToReviewSchema = issueRefSchema;

export function sendToReview(actor: Actor, input: z.infer<typeof issueRefSchema>): Issue {
  requireRole(actor, "editor");
  const { doc, fingerprint } = loadBulletin(input.issueId);
  if (!doc.sections.some((s) => s.items.length)) throw new AppError("invalid", {}, "items");
  return changeIssue(actor, input, "send_to_review", {
    detail: { fingerprint },
    write: (tx, issue) => {
      const last = tx.select({ n: max(reviewRounds.round) }).from(reviewRounds).where(eq(reviewRounds.issueId, issue.id)).get()?.n;
      tx.insert(reviewRounds).values({ issueId: issue.id, round: (last ?? 0) + 1, snapshot: doc, fingerprint, sentById: actor.id }).run();
      notifyRole(tx, "reviewer", { kind: "issue_in_review", issueId: issue.id, message: `${issue.year}年第${issue.number}期` });
    },
  });
}

export const approveIssueSchema = issueRefSchema.extend({
  // The fingerprint of the content the reviewer's page showed: approval is of exactly that.
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, "invalid"),
});

/**
 * Approval records who, when, and the fingerprint of exactly the content the reviewer saw. If the
 * printed content is no longer what their page showed (a setting changed meanwhile), nothing is
 * approved and the reviewer is asked to look again.
 */
export function approveIssue(actor: Actor, input: z.infer<typeof approveIssueSchema>): Issue {
  requireRole(actor, "reviewer");
  const { issue, fingerprint } = loadBulletin(input.issueId);
  if (issue.status === "in_review" && fingerprint !== input.fingerprint) throw new AppError("content_changed");
  return changeIssue(actor, input, "approve", {
    set: { approvedById: actor.id, approvedByName: actor.displayName, approvedAt: new Date(), approvalFingerprint: fingerprint },
    detail: { fingerprint },
    write: (tx, issue) => {
      tx.update(reviewRounds)
        .set({ outcome: "approved" })
        .where(and(eq(reviewRounds.issueId, issue.id), sql`${reviewRounds.round} = (select max(round) from review_rounds where issue_id = ${issue.id})`))
        .run();
      notifyRole(tx, "office", { kind: "issue_approved", issueId: issue.id, message: `${issue.year}年第${issue.number}期` });
    },
  });
}

export const returnIssueSchema = issueRefSchema.extend({
  comment: z.string().trim().min(1, "comment_required").max(2000, "too_long"),
});

export function returnIssue(actor: Actor, input: z.infer<typeof returnIssueSchema>): Issue {
  requireRole(actor, "reviewer");
  return changeIssue(actor, input, "return", {
    detail: { comment: input.comment },
    write: (tx, issue) => {
      const round = tx.select({ n: max(reviewRounds.round) }).from(reviewRounds).where(eq(reviewRounds.issueId, issue.id)).get()?.n ?? null;
      tx.insert(comments).values({ issueId: issue.id, authorId: actor.id, body: input.comment, round }).run();
      if (round) tx.update(reviewRounds).set({ outcome: "returned" }).where(and(eq(reviewRounds.issueId, issue.id), eq(reviewRounds.round, round))).run();
      notifyRole(tx, "editor", { kind: "issue_returned", issueId: issue.id, message: `${issue.year}年第${issue.number}期` });
    },
  });
}

/** Reopening voids the approval: it is cleared (the audit row keeps who approved what), and the reviewers are told. */
export function reopenIssue(actor: Actor, input: z.infer<typeof issueRefSchema>): Issue {
  requireRole(actor, "editor");
  const before = getIssue(actor, input.issueId);
  return changeIssue(actor, input, "reopen", {
    set: { approvedById: null, approvedByName: null, approvedAt: null, approvalFingerprint: null },
    detail: { voidedApproval: { by: before.approvedByName, at: before.approvedAt?.toISOString() ?? null, fingerprint: before.approvalFingerprint } },
    write: (tx, issue) => notifyRole(tx, "reviewer", { kind: "issue_reopened", issueId: issue.id, message: `${issue.year}年第${issue.number}期` }),
  });
}

export const distributeIssueSchema = issueRefSchema.extend({
  date: isoDateSchema,
  distribution: z.array(z.string().trim().min(1).max(100, "too_long")).min(1, "distribution_required").max(50),
});

/** Distribution publishes every item of the issue; only content that still matches the approval goes out. */
export function distributeIssue(actor: Actor, input: z.infer<typeof distributeIssueSchema>): Issue {
  requireRole(actor, "office");
  const { doc } = loadBulletin(input.issueId);
  if (doc.draft) throw new AppError("not_allowed_now");
  return changeIssue(actor, input, "distribute", {
    set: { distributedAt: new Date(`${input.date}T12:00:00+08:00`), distributedTo: input.distribution },
    detail: { date: input.date, distribution: input.distribution },
    write: (tx, issue) => {
      const placed = tx.select({ item: items }).from(placements).innerJoin(items, eq(items.id, placements.itemId)).where(eq(placements.issueId, issue.id)).all();
      for (const { item } of placed) {
        tx.update(items)
          .set({ status: itemTransition(item.status, "publish", ["system"]), version: item.version + 1, updatedAt: new Date() })
          .where(eq(items.id, item.id))
          .run();
        audit(tx, null, { entity: "item", entityId: item.id, action: "publish", from: item.status, to: "published", detail: { issueId: issue.id } });
        notifyUnit(tx, item.unitId, { kind: "item_published", itemId: item.id, message: `${item.title}（${issue.year}年第${issue.number}期）` });
      }
    },
  });
}

/** Loads the document to export and records the export. Exports are for desk, review, office and admin. */
export function exportIssue(actor: Actor, issueId: number, format: string) {
  const issue = getIssue(actor, issueId);
  const loaded = loadBulletin(issue.id);
  db.transaction((tx) => audit(tx, actor, { entity: "issue", entityId: issue.id, action: "export", detail: { format, draft: loaded.doc.draft } }));
  return loaded;
}

export function issueHistory(actor: Actor, id: number) {
  getIssue(actor, id);
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, "issue"), eq(auditLog.entityId, id)))
    .orderBy(asc(auditLog.id))
    .all();
}


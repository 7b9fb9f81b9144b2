import "server-only";
import { chineseDate } from "@/lib/bulletin/dates";
import { and, asc, desc, eq, inArray, max, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import {
  auditLog,
  comments,
  issueApprovals,
  issueEditions,
  issueSections,
  issues,
  items,
  placements,
  publications,
  reviewRounds,
  type Issue,
  type Item,
  type IssueSection,
  type IssueStatus,
} from "@/db/schema";
import type { BulletinDocument } from "@/lib/bulletin/document";
import { bulletinDocumentSchema } from "@/lib/bulletin/document-schema";
import { bulletinFingerprint } from "@/lib/bulletin/fingerprint";
import { currentTitleBreaks } from "@/lib/bulletin/title-breaks";
import { docToParagraphs } from "@/lib/editor/schema";
import { type IssueAction, issueTransition, nextIssueState } from "@/lib/workflow/issue";
import { type Actor, requireRole } from "./actor";
import { audit, type AuditInput } from "./audit";
import { AppError } from "./errors";
import { recordDistribution, registerFieldsSchema } from "./register";
import { notifyRole, notifyUnit } from "./notifications";
import { archiveFreshness, assertKindNumbersFree, issueKindSchema, issueName, mastheadKind, mastheadNumbering, numberingState, numbersOfKind } from "./issue-kinds";
import { nextRegularNumbers, nextSupplementNumbers } from "@/lib/bulletin/next-numbers";
import { writeItemStatus } from "./item-status";
import { currentPublication, listCatalogue } from "./publication";
import { activeApprovals, excludedApprovers, LEVEL_REVIEW, LEVEL_SIGN, latestRound, noteContentChange, voidApprovals } from "./signoff";
import { idSchema, isoDateSchema, todayInChina, versionSchema } from "./validation";
import { textBlock, textLine } from "@/lib/text/rule";
import { chinaInstant } from "@/lib/time";

export type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

const READERS = ["editor", "reviewer", "signer", "office", "admin"] as const;

export const issueNumbersSchema = z.object({
  year: z.coerce.number().int().min(1949, "invalid_year").max(2200, "invalid_year"),
  number: z.coerce.number().int().min(1, "invalid_number").max(999, "invalid_number"),
  totalNumber: z.coerce.number().int().min(1, "invalid_number").max(99999, "invalid_number"),
  date: isoDateSchema,
});
/** The new-issue form: numbers, and the kind (合刊 takes number..number+1; a supplement has no running number). */
export const newIssueSchema = issueNumbersSchema
  .extend({
    number: z.coerce.number().int().min(0, "invalid_number").max(999, "invalid_number"),
    totalNumber: z.coerce.number().int().min(0, "invalid_number").max(99999, "invalid_number"),
  })
  .merge(issueKindSchema)
  .refine((v) => v.kind === "supplement" || (v.number >= 1 && v.totalNumber >= 1), { message: "invalid_number", path: ["number"] });
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
      kind: issues.kind,
      numberEnd: issues.numberEnd,
      totalNumberEnd: issues.totalNumberEnd,
      supplementLabel: issues.supplementLabel,
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
  // 合刊 count to their last number; supplements are outside the sequence, each name on its own.
  // `numbering` lets the form propose again for another year or name (lib/bulletin/next-numbers).
  const numbering = numberingState(pub);
  const next = nextRegularNumbers(numbering, year);
  return { year, ...next, date: today, supplementNumbers: nextSupplementNumbers(numbering, year), numbering, archive: archiveFreshness(pub, today) };
}

export function createIssue(actor: Actor, input: z.input<typeof newIssueSchema>): Issue {
  requireRole(actor, "editor");
  const pub = currentPublication();
  const parsed = newIssueSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", {}, String(parsed.error.issues[0]?.path[0] ?? ""));
  const { kind, supplementLabel, ...numbers } = parsed.data;
  if (Number(numbers.date.slice(0, 4)) !== numbers.year) throw new AppError("date_other_year", { date: chineseDate(numbers.date), year: numbers.year }, "date");
  const span = numbersOfKind(kind, numbers);
  assertKindNumbersFree(pub.id, { kind, year: numbers.year, ...span, supplementLabel });
  return db.transaction((tx) => {
    const issue = tx
      .insert(issues)
      .values({
        publicationId: pub.id,
        ...numbers,
        ...span,
        kind,
        supplementLabel: kind === "supplement" ? (supplementLabel ?? "增刊") : null,
        status: "drafting",
        mailbox: pub.mailbox,
        editorName: pub.defaultEditorName,
        reviewerName: pub.defaultReviewerName,
        distribution: pub.distribution,
      })
      .returning()
      .get();
    audit(tx, actor, { entity: "issue", entityId: issue.id, action: "create", to: "drafting", detail: { ...numbers, ...span, kind, label: issueName(issue) } });
    return issue;
  });
}

export function getIssue(actor: Actor, id: number): Issue {
  requireRole(actor, ...READERS);
  const issue = db.select().from(issues).where(eq(issues.id, id)).get();
  if (!issue) throw new AppError("not_found");
  return issue;
}

/** The latest frozen revision of a distributed or imported issue, if it has one. */
export function latestEdition(issueId: number) {
  return db.select().from(issueEditions).where(eq(issueEditions.issueId, issueId)).orderBy(desc(issueEditions.revision)).get();
}

/**
 * The bulletin document of an issue: the one input of every export, the print view and the
 * previews. A distributed (or imported) issue is its frozen edition — the latest revision, exactly
 * as stored, whatever changed in settings, units or users since. Any other issue is built from the
 * database; on an approved issue the 版记 names who actually approved it (审核, and 签发 where used),
 * and anything not approved with this exact content is a draft. Reads only.
 */
export function loadBulletin(issueId: number): { issue: Issue; doc: BulletinDocument; fingerprint: string } {
  const issue = db.select().from(issues).where(eq(issues.id, issueId)).get();
  if (!issue) throw new AppError("not_found");
  const edition = issue.status === "distributed" ? latestEdition(issueId) : undefined;
  if (edition) return { issue, doc: bulletinDocumentSchema.parse(edition.document), fingerprint: edition.fingerprint };
  return { issue, ...buildBulletin(issue) };
}

/** The document as the database makes it now (not frozen). */
function buildBulletin(issue: Issue): { doc: BulletinDocument; fingerprint: string } {
  const issueId = issue.id;
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
        return {
          id: r.item.id,
          title: r.item.title,
          paragraphs: docToParagraphs(r.item.body),
          source: r.p.sourceOverride ?? r.item.source,
          ...(r.item.bylineName ? { author: r.item.bylineName } : {}),
          ...titleBreaksOf(r.item),
        };
      }),
  }));
  const doc: BulletinDocument = {
    masthead: { title: pub.title, ...mastheadKind(issue), office: pub.office, date: issue.date, ...mastheadNumbering(pub) },
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
  // An imported past issue is final: it was printed and distributed before this system held it.
  if (issue.imported) {
    doc.draft = false;
    return { doc, fingerprint };
  }
  const approvedStill = (issue.status === "approved" || issue.status === "distributed") && issue.approvalFingerprint === fingerprint;
  doc.draft = !approvedStill;
  if (approvedStill) {
    const approvals = activeApprovals(db, issueId);
    const reviewed = approvals.find((a) => a.level === LEVEL_REVIEW);
    const signed = approvals.find((a) => a.level === LEVEL_SIGN);
    if (reviewed) doc.footer.reviewer = reviewed.userName;
    if (signed) doc.footer.signer = signed.userName;
  }
  return { doc, fingerprint };
}

/** The editor's manual title breaks that hold for the item's title now, as the document carries them (absent when none). */
function titleBreaksOf(item: Item): { titleBreaks?: number[] } {
  const { at } = currentTitleBreaks(item.title, item.titleBreaks);
  return at.length ? { titleBreaks: at } : {};
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
  /** For `edit`: the item this change moved, reported as moved in the next round. */
  movedItemId?: number;
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
    // Whoever changes what prints may not approve the round it goes into.
    if (action === "edit" && actor) noteContentChange(tx, issue.id, actor.id, opts.movedItemId);
    // The action is a variable here: the event kind is checked at run time by audit() (audit-events.ts).
    audit(tx, actor, {
      entity: "issue",
      entityId: issue.id,
      action,
      from: issue.status,
      to: updated.status,
      detail: opts.detail,
    } as AuditInput);
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

/** The document as the one schema allows it, before it is stored (a review round, an edition); refused with `invalid` otherwise. */
function checkedDocument(doc: BulletinDocument): BulletinDocument {
  const checked = bulletinDocumentSchema.safeParse(doc);
  if (!checked.success) throw new AppError("invalid", {}, "document");
  return checked.data;
}

export const sendToReviewSchema = issueRefSchema;

/**
 * Sends the issue to review as a new round: snapshots what the reviewer will see, with who sent it
 * and who changed printed content since the round before (none of them may approve this round).
 * Any approval still recorded is voided in the same transaction.
 */
export function sendToReview(actor: Actor, input: z.infer<typeof issueRefSchema>): Issue {
  requireRole(actor, "editor");
  const { doc, fingerprint } = loadBulletin(input.issueId);
  if (!doc.sections.some((s) => s.items.length)) throw new AppError("invalid", {}, "items");
  return changeIssue(actor, input, "send_to_review", {
    detail: { fingerprint },
    write: (tx, issue) => {
      const before = tx.select({ changed: issues.changedByIds, moved: issues.movedItemIds }).from(issues).where(eq(issues.id, issue.id)).get();
      const last = tx.select({ n: max(reviewRounds.round) }).from(reviewRounds).where(eq(reviewRounds.issueId, issue.id)).get()?.n;
      tx.insert(reviewRounds)
        .values({ issueId: issue.id, round: (last ?? 0) + 1, snapshot: checkedDocument(doc), fingerprint, sentById: actor.id, changedByIds: before?.changed ?? [], movedItemIds: before?.moved ?? [] })
        .run();
      // The next round collects its own.
      tx.update(issues).set({ changedByIds: [], movedItemIds: [] }).where(eq(issues.id, issue.id)).run();
      voidApprovals(tx, issue.id, "returned", actor.displayName);
      notifyRole(tx, "reviewer", { kind: "issue_in_review", issueId: issue.id, message: issueName(issue) });
    },
  });
}

export const approveIssueSchema = issueRefSchema.extend({
  // The fingerprint of the content the reviewer's page showed: approval is of exactly that.
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, "invalid"),
});

/** How many sign-off levels the issue's publication uses (1: 审核; 2: 审核 then 签发). */
export function signoffLevelsOf(issue: Issue): 1 | 2 {
  const pub = db.select({ levels: publications.signoffLevels }).from(publications).where(eq(publications.id, issue.publicationId)).get();
  return pub?.levels === 2 ? 2 : 1;
}

/**
 * The checks every level shares: the issue is in review, the page showed exactly the current
 * content, and the actor neither sent this round nor changed what prints since the round before
 * (whatever roles they hold) — `self_approval` otherwise.
 */
function checkApprover(actor: Actor, issueId: number, shownFingerprint: string) {
  const { issue, fingerprint } = loadBulletin(issueId);
  if (issue.status !== "in_review") throw new AppError("not_allowed_now");
  if (fingerprint !== shownFingerprint) throw new AppError("content_changed");
  const round = latestRound(db, issue.id);
  if (!round) throw new AppError("not_allowed_now");
  if (excludedApprovers(round).includes(actor.id)) throw new AppError("self_approval");
  return { issue, fingerprint, round };
}

/**
 * 审核: the reviewer approves exactly the content their page showed (its fingerprint). Recorded as
 * level 1 of this round (who, when, fingerprint). With one level the issue is approved; with two it
 * stays in review, waiting for 签发. Refused with `self_approval` for whoever sent the round or
 * changed printed content since the last round; `content_changed` if the content moved meanwhile.
 */
export function approveIssue(actor: Actor, input: z.infer<typeof approveIssueSchema>): Issue {
  requireRole(actor, "reviewer");
  const { issue, fingerprint, round } = checkApprover(actor, input.issueId, input.fingerprint);
  if (activeApprovals(db, issue.id).some((a) => a.level === LEVEL_REVIEW)) throw new AppError("not_allowed_now");
  const final = signoffLevelsOf(issue) === 1;
  const now = new Date();
  return changeIssue(actor, input, final ? "approve" : "review", {
    set: final ? { approvedById: actor.id, approvedByName: actor.displayName, approvedAt: now, approvalFingerprint: fingerprint } : {},
    detail: { fingerprint, level: LEVEL_REVIEW, round: round.round },
    write: (tx, issue) => {
      tx.insert(issueApprovals).values({ issueId: issue.id, round: round.round, level: LEVEL_REVIEW, userId: actor.id, userName: actor.displayName, fingerprint, at: now }).run();
      const message = issueName(issue);
      if (final) {
        tx.update(reviewRounds).set({ outcome: "approved" }).where(eq(reviewRounds.id, round.id)).run();
        notifyRole(tx, "office", { kind: "issue_approved", issueId: issue.id, message });
      } else notifyRole(tx, "signer", { kind: "issue_reviewed", issueId: issue.id, message });
    },
  });
}

/**
 * 签发: level 2, by a signer, of exactly the content the 审核 approved and the signer's page showed.
 * Refused for whoever sent the round, changed its content, or gave the 审核 (`self_approval`).
 */
export function signIssue(actor: Actor, input: z.infer<typeof approveIssueSchema>): Issue {
  requireRole(actor, "signer");
  const { issue, fingerprint, round } = checkApprover(actor, input.issueId, input.fingerprint);
  if (signoffLevelsOf(issue) !== 2) throw new AppError("not_allowed_now");
  const reviewed = activeApprovals(db, issue.id).find((a) => a.level === LEVEL_REVIEW && a.round === round.round);
  if (!reviewed) throw new AppError("not_allowed_now");
  if (reviewed.fingerprint !== fingerprint) throw new AppError("content_changed");
  if (reviewed.userId === actor.id) throw new AppError("self_approval");
  const now = new Date();
  return changeIssue(actor, input, "sign", {
    set: { approvedById: reviewed.userId, approvedByName: reviewed.userName, approvedAt: now, approvalFingerprint: fingerprint },
    detail: { fingerprint, level: LEVEL_SIGN, round: round.round },
    write: (tx, issue) => {
      tx.insert(issueApprovals).values({ issueId: issue.id, round: round.round, level: LEVEL_SIGN, userId: actor.id, userName: actor.displayName, fingerprint, at: now }).run();
      tx.update(reviewRounds).set({ outcome: "approved" }).where(eq(reviewRounds.id, round.id)).run();
      notifyRole(tx, "office", { kind: "issue_approved", issueId: issue.id, message: issueName(issue) });
    },
  });
}

/** The 签发 that holds on an approved issue, if the publication used two levels for it. */
export function signedOff(issueId: number): { name: string; at: Date } | null {
  const signed = activeApprovals(db, issueId).find((a) => a.level === LEVEL_SIGN);
  return signed ? { name: signed.userName, at: signed.at } : null;
}

/**
 * True when `actor` may not approve the issue at the level now waiting, whatever roles they hold:
 * they sent this round or changed what prints since the round before, or — waiting for 签发 — they
 * gave the 审核. The same rule approveIssue and signIssue enforce (`self_approval`); the review page
 * uses it to say so before anyone presses 审核通过 or 签发. False when no round is open.
 */
export function approvalBlocked(actor: Actor, issueId: number): boolean {
  const round = latestRound(db, issueId);
  if (!round) return false;
  if (excludedApprovers(round).includes(actor.id)) return true;
  const reviewed = activeApprovals(db, issueId).find((a) => a.level === LEVEL_REVIEW && a.round === round.round);
  return Boolean(reviewed && reviewed.userId === actor.id);
}

/** What is waiting for whom in review: the 审核 recorded for this round, if any. */
export function reviewStage(issueId: number): { levels: 1 | 2; reviewed: { name: string; at: Date } | null } {
  const issue = db.select().from(issues).where(eq(issues.id, issueId)).get();
  if (!issue) throw new AppError("not_found");
  const round = latestRound(db, issueId);
  const reviewed = round ? activeApprovals(db, issueId).find((a) => a.level === LEVEL_REVIEW && a.round === round.round) : undefined;
  return { levels: signoffLevelsOf(issue), reviewed: reviewed ? { name: reviewed.userName, at: reviewed.at } : null };
}

export const returnIssueSchema = issueRefSchema.extend({
  comment: textBlock({ label: "审核意见", max: 2000, required: "comment_required", tooLong: "too_long", noMarkup: true }),
});

/**
 * The reviewer (or, waiting for 签发, the signer) returns the issue with a reason: the round is
 * marked returned with that reason (shown at the top of the desk), and any 审核 of it is voided.
 */
export function returnIssue(actor: Actor, input: z.infer<typeof returnIssueSchema>): Issue {
  requireRole(actor, "reviewer", "signer");
  return changeIssue(actor, input, "return", {
    detail: { comment: input.comment },
    write: (tx, issue) => {
      const round = tx.select({ n: max(reviewRounds.round) }).from(reviewRounds).where(eq(reviewRounds.issueId, issue.id)).get()?.n ?? null;
      tx.insert(comments).values({ issueId: issue.id, authorId: actor.id, body: input.comment, round }).run();
      if (round)
        tx.update(reviewRounds)
          .set({ outcome: "returned", returnReason: input.comment })
          .where(and(eq(reviewRounds.issueId, issue.id), eq(reviewRounds.round, round)))
          .run();
      voidApprovals(tx, issue.id, "returned", actor.displayName);
      notifyRole(tx, "editor", { kind: "issue_returned", issueId: issue.id, message: issueName(issue) });
    },
  });
}

/** Reopening voids every level of the approval (the approvals table keeps who approved what), and the reviewers are told. */
export function reopenIssue(actor: Actor, input: z.infer<typeof issueRefSchema>): Issue {
  requireRole(actor, "editor");
  const before = getIssue(actor, input.issueId);
  return changeIssue(actor, input, "reopen", {
    set: { approvedById: null, approvedByName: null, approvedAt: null, approvalFingerprint: null },
    detail: { voidedApproval: { by: before.approvedByName, at: before.approvedAt?.toISOString() ?? null, fingerprint: before.approvalFingerprint } },
    write: (tx, issue) => {
      voidApprovals(tx, issue.id, "reopen", actor.displayName);
      notifyRole(tx, "reviewer", { kind: "issue_reopened", issueId: issue.id, message: issueName(issue) });
    },
  });
}

/**
 * For the write that may have changed what prints in several issues at once (the publication's
 * title or office): inside that write's transaction, every issue whose content no longer matches
 * an approval (final, or a 审核 waiting for 签发) goes back to drafting with every level voided,
 * logged in the same transaction, and reviewers and editors are told. Returns the issues voided.
 */
export function voidChangedApprovals(tx: Tx, actor: Actor, publicationId: number): number[] {
  const candidates = tx
    .select()
    .from(issues)
    .where(and(eq(issues.publicationId, publicationId), sql`${issues.status} in ('approved', 'in_review')`))
    .all();
  const voided: number[] = [];
  for (const issue of candidates) {
    const approvals = activeApprovals(tx, issue.id);
    if (!approvals.length) continue;
    // Same connection, same transaction: the document is built from the write just made.
    const { fingerprint } = buildBulletin(issue);
    if (approvals.every((a) => a.fingerprint === fingerprint)) continue;
    tx.update(issues)
      .set({
        status: issueTransition(issue.status, "void", ["system"]),
        approvedById: null,
        approvedByName: null,
        approvedAt: null,
        approvalFingerprint: null,
        version: issue.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(issues.id, issue.id))
      .run();
    voidApprovals(tx, issue.id, "content_changed", actor.displayName);
    audit(tx, actor, {
      entity: "issue",
      entityId: issue.id,
      action: "void",
      from: issue.status,
      to: "drafting",
      detail: { voidedApproval: { by: approvals.map((a) => a.userName).join("、"), at: approvals[0].at.toISOString(), fingerprint: approvals[0].fingerprint }, fingerprintNow: fingerprint },
    });
    const message = issueName(issue);
    notifyRole(tx, "reviewer", { kind: "issue_reopened", issueId: issue.id, message });
    notifyRole(tx, "editor", { kind: "issue_reopened", issueId: issue.id, message });
    voided.push(issue.id);
  }
  return voided;
}

/**
 * When the publication's number of sign-off levels changes: approvals recorded on issues still in
 * review are voided (in the settings write's transaction), so each is approved again under the new
 * setting instead of waiting for a level that no longer exists.
 */
export function resetPendingApprovals(tx: Tx, actor: Actor, publicationId: number): void {
  const pending = tx.select({ id: issues.id }).from(issues).where(and(eq(issues.publicationId, publicationId), eq(issues.status, "in_review"))).all();
  for (const { id } of pending) voidApprovals(tx, id, "levels_changed", actor.displayName);
}

export const distributeIssueSchema = issueRefSchema.extend({
  date: isoDateSchema,
  distribution: z.array(textLine({ label: "分送", max: 100, required: true, tooLong: "too_long", noMarkup: true })).min(1, "distribution_required").max(50),
  ...registerFieldsSchema.shape,
});

/**
 * Distribution publishes every item of the issue; only content that still matches the approval
 * goes out. The exact document distributed is frozen with its fingerprint as revision 1 of the
 * issue's edition: every later export renders that, whatever changes afterwards.
 */
export function distributeIssue(actor: Actor, input: z.infer<typeof distributeIssueSchema>): Issue {
  requireRole(actor, "office");
  const { doc, fingerprint } = loadBulletin(input.issueId);
  if (doc.draft) throw new AppError("not_allowed_now");
  return changeIssue(actor, input, "distribute", {
    set: { distributedAt: chinaInstant(input.date, "12:00"), distributedTo: input.distribution },
    detail: { date: input.date, distribution: input.distribution, fingerprint },
    write: (tx, issue) => {
      tx.insert(issueEditions)
        .values({ issueId: issue.id, revision: 1, kind: "distribution", document: checkedDocument(doc), fingerprint, createdById: actor.id, createdByName: actor.displayName })
        .run();
      recordDistribution(tx, actor, issue, input);
      const placed = tx.select({ item: items }).from(placements).innerJoin(items, eq(items.id, placements.itemId)).where(eq(placements.issueId, issue.id)).all();
      for (const { item } of placed) {
        writeItemStatus(tx, null, item, "publish", { detail: { issueId: issue.id } });
        notifyUnit(tx, item.unitId, { kind: "item_published", itemId: item.id, message: `${item.title}（${issueName(issue)}）` });
      }
    },
  });
}

export const correctIssueSchema = issueRefSchema.extend({
  document: bulletinDocumentSchema,
  note: textBlock({ label: "勘误说明", max: 500, required: "correction_note_required", tooLong: "too_long", noMarkup: true }),
});

/**
 * 勘误: a correction of a distributed issue, as a new revision of its frozen edition. The earlier
 * revisions stay as they were (readable with listEditions); exports render the latest. Logged
 * with the reason and both fingerprints.
 */
export function correctIssue(actor: Actor, input: z.infer<typeof correctIssueSchema>): Issue {
  requireRole(actor, "office");
  const issue = getIssue(actor, input.issueId);
  if (issue.status !== "distributed") throw new AppError("not_allowed_now");
  const current = loadBulletin(issue.id);
  const doc = { ...input.document, draft: false };
  const fingerprint = bulletinFingerprint(doc);
  if (fingerprint === current.fingerprint) throw new AppError("invalid", {}, "document");
  return changeIssue(actor, input, "correct", {
    detail: { note: input.note, fromFingerprint: current.fingerprint, fingerprint },
    write: (tx, issue) => {
      const last = tx.select({ n: max(issueEditions.revision) }).from(issueEditions).where(eq(issueEditions.issueId, issue.id)).get()?.n;
      if (!last) {
        // An issue distributed before editions existed: its first revision is what it exported until now.
        tx.insert(issueEditions).values({ issueId: issue.id, revision: 1, kind: issue.imported ? "import" : "distribution", document: current.doc, fingerprint: current.fingerprint, createdByName: "系统" }).run();
      }
      tx.insert(issueEditions)
        .values({ issueId: issue.id, revision: (last ?? 1) + 1, kind: "correction", document: doc, fingerprint, note: input.note, createdById: actor.id, createdByName: actor.displayName })
        .run();
    },
  });
}

/** Every revision of a distributed issue's edition, first to latest, each readable as it was. */
export function listEditions(actor: Actor, issueId: number) {
  getIssue(actor, issueId);
  return db
    .select()
    .from(issueEditions)
    .where(eq(issueEditions.issueId, issueId))
    .orderBy(asc(issueEditions.revision))
    .all()
    .map((e) => ({ ...e, document: bulletinDocumentSchema.parse(e.document) }));
}

/**
 * Loads the document to export and records the export. Exports are for desk, review, office and
 * admin. `revision`: an earlier revision of a distributed issue's frozen edition (勘误 keeps them);
 * without it, the latest.
 */
export function exportIssue(actor: Actor, issueId: number, format: string, revision?: number) {
  const issue = getIssue(actor, issueId);
  let loaded = loadBulletin(issue.id);
  if (revision !== undefined) {
    const edition = db.select().from(issueEditions).where(and(eq(issueEditions.issueId, issue.id), eq(issueEditions.revision, revision))).get();
    if (!edition) throw new AppError("not_found");
    loaded = { issue, doc: bulletinDocumentSchema.parse(edition.document), fingerprint: edition.fingerprint };
  }
  db.transaction((tx) => audit(tx, actor, { entity: "issue", entityId: issue.id, action: "export", detail: { format, draft: loaded.doc.draft, ...(revision ? { revision } : {}) } }));
  return loaded;
}

export const correctItemSchema = issueRefSchema.extend({
  itemIndex: z.number().int().min(0).max(10_000),
  title: textLine({ label: "标题", max: 120, required: "title_required", tooLong: "too_long", noMarkup: true }),
  paragraphs: z.array(textLine({ label: "正文段落", max: 20_000, required: true, tooLong: "too_long", noMarkup: true })).min(1, "invalid").max(400, "too_long"),
  note: textBlock({ label: "勘误说明", max: 500, required: "correction_note_required", tooLong: "too_long", noMarkup: true }),
});

/**
 * 勘误 of one item's title and text in a distributed issue (the office's correction form): the
 * latest revision with that item replaced (its paragraphs as plain text), stored as a new revision
 * by correctIssue. `itemIndex` counts the items in print order from 0.
 */
export function correctItem(actor: Actor, input: z.infer<typeof correctItemSchema>): Issue {
  requireRole(actor, "office");
  const { doc } = loadBulletin(getIssue(actor, input.issueId).id);
  const next = structuredClone(doc);
  const target = next.sections.flatMap((s) => s.items)[input.itemIndex];
  if (!target) throw new AppError("invalid", {}, "itemIndex");
  // A 目录提要 line that printed the old title in full prints the corrected one (a shortened
  // line stays as the editor wrote it).
  next.toc = next.toc.map((line) => (line === target.title ? input.title : line));
  // Manual title breaks set for the old title go (the corrected title breaks automatically).
  if (target.title !== input.title) delete target.titleBreaks;
  target.title = input.title;
  target.paragraphs = input.paragraphs.map((p) => [{ text: p }]);
  return correctIssue(actor, { issueId: input.issueId, version: input.version, document: next, note: input.note });
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


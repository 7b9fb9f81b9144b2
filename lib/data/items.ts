import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { issueLabelColumns } from "./issue-label-columns";
import {
  auditLog,
  catalogueSections,
  issues,
  itemRevisions,
  items,
  placements,
  units,
  users,
  ITEM_STATUSES,
  type Item,
  type ItemStatus,
} from "@/db/schema";
import { docToPlainText, richDocSchema } from "@/lib/editor/schema";
import { countDoc } from "@/lib/text/count";
import { itemEditChange } from "./item-edit-change";
import { nextIssueState } from "@/lib/workflow/issue";
import { type ItemAction, nextItemState } from "@/lib/workflow/item";
import { type Actor, hasRole, requireRole } from "./actor";
import { audit } from "./audit";
import { itemRows } from "./audit-log";
import { noteContentChange } from "./signoff";
import { assertCallAnswerable } from "./calls";
import { AppError } from "./errors";
import { notifyUnit } from "./notifications";
import { writeItemStatus } from "./item-status";
import { currentPublication } from "./publication";
import { type Page, pageParam } from "./paging";
import { idSchema, isoDateSchema, versionSchema } from "./validation";
import { textBlock, textLine } from "@/lib/text/rule";

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

export const TITLE_MAX = 80;
export const SOURCE_MAX = 100;
export const CONTACT_MAX = 40;
export const NOTE_MAX = 1000;

/** A plain-text field: no markup, no control characters, trimmed, at most `max` characters. */
const plain = (max: number, tooLong: string, opts: { multiline?: boolean; label: string }) =>
  (opts.multiline ? textBlock : textLine)({ label: opts.label, max, tooLong, noMarkup: true });

/**
 * The attribution as printed: unit names joined by 、. People type commas, slashes or spaces between
 * co-units, or put the whole thing in brackets as it appears in print; all of that is normalised.
 */
export function normaliseSource(s: string): string {
  return s
    .trim()
    .replace(/^[（(]\s*|\s*[）)]$/g, "")
    .split(/\s*[、,，;；/／|]\s*|\s{2,}|\u3000+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .join("、");
}

/**
 * Ids and versions as the forms send them: JSON numbers. (The shared idSchema coerces, which suits
 * URL segments but would read `true` as 1.)
 */
const jsonId = z.number("invalid").int("invalid").positive("invalid").max(2 ** 31, "invalid");

const eventDateSchema = isoDateSchema.refine((d) => d >= "2000-01-01" && d <= "2100-12-31", "invalid_date");

/**
 * What a unit fills in. A draft may still lack a title (the unit may start with the body);
 * submitting requires one. The object is strict: a field it does not know — `unitId`, `status` —
 * is refused, not ignored.
 */
export const itemFieldsSchema = z
  .object({
    title: plain(TITLE_MAX, "title_too_long", { label: "标题" }),
    body: richDocSchema,
    source: plain(SOURCE_MAX, "source_too_long", { label: "来源署名" })
      .nullable()
      .transform((s) => (s ? normaliseSource(s) || null : null)),
    suggestedSectionId: jsonId.nullable(),
    eventDate: eventDateSchema.nullable(),
    contactName: plain(CONTACT_MAX, "too_long", { label: "联系人" }),
    contactPhone: plain(CONTACT_MAX, "too_long", { label: "联系电话" }).pipe(z.string().regex(/^[0-9+\-() 转、，,/]*$/, "invalid_phone")),
    noteToEditor: plain(NOTE_MAX, "too_long", { multiline: true, label: "给编辑的说明" }),
    // The call (约稿) the item answers; absent or null: none.
    callId: jsonId.nullable().optional(),
  })
  .strict();
export type ItemFields = z.infer<typeof itemFieldsSchema>;

/** The editable fields of a stored item, as the forms send them back. */
export function itemFieldsOf(item: Item): ItemFields {
  return {
    title: item.title,
    body: item.body,
    source: item.source,
    suggestedSectionId: item.suggestedSectionId,
    eventDate: item.eventDate,
    contactName: item.contactName,
    contactPhone: item.contactPhone,
    noteToEditor: item.noteToEditor,
    callId: item.callId,
  };
}

export const updateItemSchema = itemFieldsSchema.extend({ id: jsonId, version: jsonId }).strict();
export const itemRefSchema = z.object({ id: jsonId, version: jsonId }).strict();
/** An autosave or an explicit save by the unit: a new draft when there is no id yet. */
export const saveItemSchema = itemFieldsSchema
  .extend({ id: jsonId.optional(), version: jsonId.optional() })
  .strict()
  .refine((v) => (v.id === undefined) === (v.version === undefined), { message: "invalid", path: ["version"] });
export const itemIdSchema = z.object({ id: jsonId }).strict();
export const myItemsFilterSchema = z.object({ status: z.enum(ITEM_STATUSES).optional(), page: pageParam }).strict();
export const decideItemSchema = z
  .object({
    id: idSchema,
    version: versionSchema,
    decision: z.enum(["accept", "return", "decline"]),
    note: textBlock({ label: "处理意见", max: 1000, tooLong: "too_long", noMarkup: true }),
  })
  .refine((v) => v.decision !== "return" || v.note.length > 0, { message: "note_required", path: ["note"] });

/**
 * Loads an item the actor may see. A contributor sees only their unit's items; the desk, review,
 * office and admin see everything a unit has submitted, never a unit's unsent drafts.
 */
export function getItem(actor: Actor, id: number): Item {
  const item = db.select().from(items).where(eq(items.id, id)).get();
  if (!item || !canSee(actor, item)) throw new AppError("not_found");
  return item;
}

function canSee(actor: Actor, item: Item): boolean {
  if (hasRole(actor, "contributor") && actor.unitId === item.unitId) return true;
  if (hasRole(actor, "editor", "reviewer", "office", "admin")) return item.status !== "draft";
  return false;
}

function checkVersion(item: Item, version: number) {
  if (item.version !== version) throw new AppError("conflict");
}

function validateSection(publicationId: number, sectionId: number | null) {
  if (sectionId === null) return;
  const s = db
    .select({ id: catalogueSections.id })
    .from(catalogueSections)
    .where(and(eq(catalogueSections.id, sectionId), eq(catalogueSections.publicationId, publicationId)))
    .get();
  if (!s) throw new AppError("invalid", {}, "suggestedSectionId");
}

export function createItem(actor: Actor, fields: ItemFields): Item {
  requireRole(actor, "contributor");
  if (actor.unitId === null) throw new AppError("forbidden");
  assertUnitActive(actor.unitId);
  const unitId = actor.unitId;
  const pub = currentPublication();
  validateSection(pub.id, fields.suggestedSectionId);
  assertCallAnswerable(unitId, fields.callId);
  return db.transaction((tx) => {
    const item = tx
      .insert(items)
      .values({ ...fields, publicationId: pub.id, unitId, authorId: actor.id, status: "draft", version: 1 })
      .returning()
      .get();
    tx.insert(itemRevisions)
      .values({ itemId: item.id, version: 1, kind: "draft", title: item.title, body: item.body, source: item.source, authorId: actor.id })
      .run();
    audit(tx, actor, { entity: "item", entityId: item.id, action: "create", to: "draft" });
    return item;
  });
}

/**
 * Saves an edit. The unit edits its drafts and returned items (all fields); the editor edits
 * title, body and attribution of submitted, accepted and placed items. Every save is a revision,
 * and a save based on an old version is refused, so nothing is silently overwritten.
 */
export function updateItem(actor: Actor, input: z.infer<typeof updateItemSchema>, opts: { autosave?: boolean } = {}): Item {
  const item = getItem(actor, input.id);
  const asUnit = hasRole(actor, "contributor") && actor.unitId === item.unitId && nextItemState(item.status, "save", ["contributor"]);
  const asEditor = hasRole(actor, "editor") && nextItemState(item.status, "save", ["editor"]);
  if (!asUnit && !asEditor) throw new AppError("not_allowed_now");
  // The issue's state first: an item in an issue under review or approved is refused whatever version is sent.
  if (asEditor && !asUnit) assertIssueEditable(db, actor, item.id);
  checkVersion(item, input.version);
  validateSection(item.publicationId, input.suggestedSectionId);
  if (asUnit && (input.callId ?? null) !== item.callId) assertCallAnswerable(item.unitId, input.callId);
  // Only a unit's own draft may be untitled; what the desk holds always has a title.
  if (!asUnit && !input.title) throw new AppError("invalid", {}, "title");
  const { id, version, ...fields } = input;
  const changes = asUnit ? fields : { title: fields.title, body: fields.body, source: fields.source };
  return db.transaction((tx) => {
    // Checked inside the write's transaction, so an issue sent to review meanwhile cannot slip an edit in.
    const issue = asEditor && !asUnit ? assertIssueEditable(tx, actor, item.id) : null;
    const updated = tx
      .update(items)
      .set({ ...changes, version: version + 1, updatedAt: new Date() })
      .where(and(eq(items.id, id), eq(items.version, version)))
      .returning()
      .get();
    if (!updated) throw new AppError("conflict");
    const revision = { version: updated.version, title: updated.title, body: updated.body, source: updated.source };
    const open = asUnit && opts.autosave ? openAutosaveRevision(tx, id, actor.id) : null;
    if (open) {
      // Autosave while typing keeps refreshing one revision instead of writing one every few seconds.
      tx.update(itemRevisions).set(revision).where(eq(itemRevisions.id, open)).run();
      return updated;
    }
    tx.insert(itemRevisions)
      .values({ itemId: id, kind: asUnit ? "draft" : "edit", authorId: actor.id, ...revision })
      .run();
    // What changed against the stored text before this save (lib/data/item-edit-change.ts).
    const what = itemEditChange(item, updated);
    audit(tx, actor, { entity: "item", entityId: id, action: "edit", detail: { version: updated.version, chars: what.chars, ...what.detail } });
    // A placed item's text is the issue's content: its log records the edit too.
    if (issue) {
      audit(tx, actor, {
        entity: "issue",
        entityId: issue.id,
        action: "edit",
        detail: { action: "item_text", itemId: id, title: updated.title, ...(what.detail.title ? { titleFrom: what.detail.title.from } : {}), ...(what.detail.bodyChars ? { bodyChanged: true } : {}) },
      });
      noteContentChange(tx, issue.id, actor.id);
    }
    return updated;
  });
}

/** How long continued autosaving by one person counts as one edit in the history. */
export const AUTOSAVE_WINDOW_MS = 10 * 60_000;

/** The item's latest revision, when it is an autosaved draft by this person begun within the autosave window. */
function openAutosaveRevision(tx: Tx, itemId: number, authorId: number): number | null {
  const latest = tx.select().from(itemRevisions).where(eq(itemRevisions.itemId, itemId)).orderBy(desc(itemRevisions.id)).limit(1).get();
  // Never the revision the item was created with: the first autosave after it is an edit of its own.
  if (!latest || latest.kind !== "draft" || latest.authorId !== authorId || latest.version === 1) return null;
  return Date.now() - latest.createdAt.getTime() < AUTOSAVE_WINDOW_MS ? latest.id : null;
}

/**
 * An item placed in an issue under review, approved or distributed cannot change: the issue's state
 * table decides (only a drafting issue takes edits); reopen the issue first. Returns the issue.
 */
function assertIssueEditable(tx: Pick<Tx, "select">, actor: Actor, itemId: number) {
  const row = tx
    .select({ id: issues.id, status: issues.status })
    .from(placements)
    .innerJoin(issues, eq(issues.id, placements.issueId))
    .where(eq(placements.itemId, itemId))
    .get();
  if (row && nextIssueState(row.status, "edit", actor.roles) === null) throw new AppError("not_allowed_now");
  return row ?? null;
}

interface TransitionOptions {
  set?: Partial<typeof items.$inferInsert>;
  detail?: Record<string, unknown>;
  after?: (tx: Tx, updated: Item) => void;
}

/**
 * An item's state change on its own: checks the table in lib/workflow and the version the request
 * was based on, then writes it through writeItemStatus (the one writer of an item's status).
 */
function applyTransition(actor: Actor, item: Item, version: number, action: ItemAction, opts: TransitionOptions = {}): Item {
  if (nextItemState(item.status, action, actor.roles) === null) throw new AppError("not_allowed_now");
  checkVersion(item, version);
  return db.transaction((tx) => {
    const updated = writeItemStatus(tx, actor, item, action, opts);
    opts.after?.(tx, updated);
    return updated;
  });
}

/** A contributor acts only on their own unit's items, whatever other roles they hold. */
function getOwnItem(actor: Actor, id: number): Item {
  const item = getItem(actor, id);
  if (item.unitId !== actor.unitId) throw new AppError("not_found");
  return item;
}

/** A deactivated unit no longer submits, whatever actor object the caller holds. */
function assertUnitActive(unitId: number | null): void {
  if (unitId === null || db.select({ active: units.active }).from(units).where(eq(units.id, unitId)).get()?.active !== true) throw new AppError("forbidden");
}

export function submitItem(actor: Actor, input: z.infer<typeof itemRefSchema>): Item {
  requireRole(actor, "contributor");
  assertUnitActive(actor.unitId);
  const item = getOwnItem(actor, input.id);
  if (!item.title.trim()) throw new AppError("invalid", {}, "title");
  if (countDoc(item.body) === 0) throw new AppError("invalid", {}, "body");
  return applyTransition(actor, item, input.version, "submit", {
    set: { submittedAt: new Date(), editorNote: "" },
    after: (tx, updated) => {
      const rev = tx
      .insert(itemRevisions)
        .values({ itemId: updated.id, version: updated.version, kind: "submission", title: updated.title, body: updated.body, source: updated.source, authorId: actor.id })
        .returning({ id: itemRevisions.id })
        .get();
      tx.update(items).set({ submittedRevisionId: rev.id }).where(eq(items.id, updated.id)).run();
    },
  });
}

export function withdrawItem(actor: Actor, input: z.infer<typeof itemRefSchema>): Item {
  requireRole(actor, "contributor");
  return applyTransition(actor, getOwnItem(actor, input.id), input.version, "withdraw");
}

/**
 * The editor's decision on a submitted item (accept / return with a note / decline). An item its
 * unit withdrew since the desk opened it is `withdrawn_by_unit` — the desk saw it, so saying so
 * reveals nothing, and 「找不到该内容，或您无权查看」 read like a permission error.
 */
export function decideItem(actor: Actor, input: z.infer<typeof decideItemSchema>): Item {
  requireRole(actor, "editor");
  const row = db.select({ status: items.status, submittedAt: items.submittedAt }).from(items).where(eq(items.id, input.id)).get();
  if (row?.status === "draft" && row.submittedAt) throw new AppError("withdrawn_by_unit");
  return applyTransition(actor, getItem(actor, input.id), input.version, input.decision, {
    set: { editorNote: input.note },
    detail: input.note ? { note: input.note } : undefined,
    after: (tx, updated) => notifyUnit(tx, updated.unitId, { kind: `item_${input.decision}`, itemId: updated.id, message: updated.title }),
  });
}

/**
 * The unit's items, most recently changed first; with `page` (from pageOf over countMyItems) only
 * that page's rows.
 */
export function listMyItems(actor: Actor, filter: { status?: ItemStatus; page?: Pick<Page, "size" | "offset"> } = {}) {
  requireRole(actor, "contributor");
  if (actor.unitId === null) return [];
  return db
    .select({
      id: items.id,
      title: items.title,
      status: items.status,
      createdAt: items.createdAt,
      updatedAt: items.updatedAt,
      submittedAt: items.submittedAt,
      eventDate: items.eventDate,
      editorNote: items.editorNote,
      version: items.version,
      sectionTitle: catalogueSections.title,
      issueId: issues.id,
      issueYear: issues.year,
      issueNumber: issues.number,
      issueDate: issues.date,
      issueStatus: issues.status,
      // The rest of the issue's label (a 合刊, a 增刊/专刊 is named as printed).
      issueKind: issues.kind,
      issueNumberEnd: issues.numberEnd,
      issueTotal: issues.totalNumber,
      issueTotalEnd: issues.totalNumberEnd,
      issueSupplementLabel: issues.supplementLabel,
    })
    .from(items)
    .leftJoin(catalogueSections, eq(catalogueSections.id, items.suggestedSectionId))
    .leftJoin(placements, eq(placements.itemId, items.id))
    .leftJoin(issues, eq(issues.id, placements.issueId))
    .where(and(eq(items.unitId, actor.unitId), filter.status ? eq(items.status, filter.status) : undefined))
    .orderBy(desc(items.updatedAt), desc(items.id))
    .limit(filter.page?.size ?? -1)
    .offset(filter.page?.offset ?? 0)
    .all();
}

/** How many of the unit's items are in each state, for the filter. */
export function countMyItems(actor: Actor): Record<ItemStatus, number> {
  requireRole(actor, "contributor");
  const counts = Object.fromEntries(ITEM_STATUSES.map((s) => [s, 0])) as Record<ItemStatus, number>;
  if (actor.unitId === null) return counts;
  const rows = db
    .select({ status: items.status, n: sql<number>`count(*)` })
    .from(items)
    .where(eq(items.unitId, actor.unitId))
    .groupBy(items.status)
    .all();
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

export type SaveResult =
  | { kind: "saved"; id: number; version: number; status: ItemStatus; savedAt: number }
  | { kind: "conflict"; latest: LatestItem };

export interface LatestItem {
  id: number;
  version: number;
  status: ItemStatus;
  updatedAt: number;
  by: string;
  fields: ItemFields;
}

/**
 * A save by the unit, new or autosaved. A save based on an old version is not an error the user
 * must decode: it comes back as a conflict carrying what is stored now, so the page can show both
 * versions and let the person choose; nothing is written.
 */
export function saveOwnItem(actor: Actor, input: z.infer<typeof saveItemSchema>, opts: { autosave?: boolean } = {}): SaveResult {
  requireRole(actor, "contributor");
  const { id, version, ...fields } = input;
  const saved = (i: Item): SaveResult => ({ kind: "saved", id: i.id, version: i.version, status: i.status, savedAt: i.updatedAt.getTime() });
  if (id === undefined || version === undefined) return saved(createItem(actor, fields));
  const item = getOwnItem(actor, id);
  if (!nextItemState(item.status, "save", ["contributor"])) throw new AppError("not_allowed_now");
  if (item.version !== version) return { kind: "conflict", latest: latestOf(item) };
  try {
    return saved(updateItem(actor, { ...fields, id, version }, opts));
  } catch (e) {
    if (e instanceof AppError && e.code === "conflict") return { kind: "conflict", latest: latestOf(getOwnItem(actor, id)) };
    throw e;
  }
}

/** What is stored now, for a page whose copy is out of date. */
export function latestOwnItem(actor: Actor, id: number): LatestItem {
  requireRole(actor, "contributor");
  return latestOf(getOwnItem(actor, id));
}

function latestOf(item: Item): LatestItem {
  const rev = db
    .select({ name: users.displayName })
    .from(itemRevisions)
    .leftJoin(users, eq(users.id, itemRevisions.authorId))
    .where(eq(itemRevisions.itemId, item.id))
    .orderBy(desc(itemRevisions.id))
    .limit(1)
    .get();
  return {
    id: item.id,
    version: item.version,
    status: item.status,
    updatedAt: item.updatedAt.getTime(),
    by: rev?.name ?? "",
    fields: itemFieldsOf(item),
  };
}

/**
 * Everything the unit's item page shows: the item, where it was published, what the unit sent,
 * and — once the editor has changed it — what changed.
 */
export function myItemView(actor: Actor, id: number) {
  requireRole(actor, "contributor");
  const item = getOwnItem(actor, id);
  const placed = db
    .select({ id: issues.id, ...issueLabelColumns, date: issues.date, status: issues.status })
    .from(placements)
    .innerJoin(issues, eq(issues.id, placements.issueId))
    .where(eq(placements.itemId, id))
    .get();
  const section = item.suggestedSectionId
    ? (db.select({ title: catalogueSections.title }).from(catalogueSections).where(eq(catalogueSections.id, item.suggestedSectionId)).get()?.title ?? null)
    : null;
  const sent = submittedRevision(actor, item);
  const sentText = sent ? { title: sent.title, body: docToPlainText(sent.body), source: sent.source } : null;
  const nowText = { title: item.title, body: docToPlainText(item.body), source: item.source };
  const editedByDesk =
    !!sentText && item.status !== "draft" && item.status !== "returned" && (sentText.title !== nowText.title || sentText.body !== nowText.body || sentText.source !== nowText.source);
  // Withdrawn after the desk edited it: the desk's last text, to show against what the unit sent.
  const deskEdit =
    sent && item.status === "draft"
      ? db
          .select()
          .from(itemRevisions)
          .where(and(eq(itemRevisions.itemId, item.id), eq(itemRevisions.kind, "edit"), sql`${itemRevisions.id} > ${sent.id}`))
          .orderBy(desc(itemRevisions.id))
          .limit(1)
          .get()
      : undefined;
  return {
    item,
    unitName: itemUnitName(item.unitId),
    sectionTitle: section,
    issue: placed ?? null,
    submitted: sentText,
    current: nowText,
    editedByDesk,
    /** Set when the unit withdrew the item after the editor edited it: the editor's last text (the unit's original is `submitted`). */
    withdrawnDeskEdit: deskEdit ? { title: deskEdit.title, body: docToPlainText(deskEdit.body), source: deskEdit.source } : null,
    history: itemHistory(actor, id),
  };
}

/** Names of active units, for naming co-units in the attribution. */
export function listUnitNames(): string[] {
  return db
    .select({ name: units.name })
    .from(units)
    .where(and(eq(units.active, true), sql`${units.kind} <> 'office'`))
    .orderBy(asc(units.name))
    .all()
    .map((u) => u.name);
}

/** The issue an item is placed in, if any, for the desk's item page. */
export function placedIn(actor: Actor, id: number) {
  getItem(actor, id);
  return (
    db
      .select({ id: issues.id, ...issueLabelColumns, status: issues.status })
      .from(placements)
      .innerJoin(issues, eq(issues.id, placements.issueId))
      .where(eq(placements.itemId, id))
      .get() ?? null
  );
}

export function itemHistory(actor: Actor, id: number) {
  getItem(actor, id);
  return db
    .select()
    .from(auditLog)
    .where(hasRole(actor, "editor", "reviewer", "office", "admin") ? itemRows(id) : and(eq(auditLog.entity, "item"), eq(auditLog.entityId, id)))
    .orderBy(asc(auditLog.id))
    .all();
}

export function itemUnitName(unitId: number): string {
  return db.select({ name: units.name }).from(units).where(eq(units.id, unitId)).get()?.name ?? "";
}

export function submittedRevision(actor: Actor, item: Item) {
  getItem(actor, item.id);
  if (!item.submittedRevisionId) return null;
  return db.select().from(itemRevisions).where(eq(itemRevisions.id, item.submittedRevisionId)).get() ?? null;
}

export function itemsByIds(ids: number[]) {
  if (!ids.length) return [];
  return db.select().from(items).where(inArray(items.id, ids)).all();
}

export const decideItemsSchema = z
  .object({
    items: z.array(z.object({ id: idSchema, version: versionSchema })).min(1, "invalid").max(200, "too_long"),
    decision: z.enum(["accept", "return", "decline"]),
    note: textBlock({ label: "处理意见", max: 1000, tooLong: "too_long", noMarkup: true }),
  })
  .refine((v) => v.decision !== "return" || v.note.length > 0, { message: "note_required", path: ["note"] });

/**
 * Accept, return or decline several items at once: all of them or none (one refused item —
 * changed meanwhile, or no longer submitted — refuses the whole batch and changes nothing).
 */
export function decideItems(actor: Actor, input: z.infer<typeof decideItemsSchema>): Item[] {
  requireRole(actor, "editor");
  return db.transaction(() => input.items.map((i) => decideItem(actor, { id: i.id, version: i.version, decision: input.decision, note: input.note })));
}

import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import {
  auditLog,
  catalogueSections,
  issues,
  itemRevisions,
  items,
  placements,
  units,
  type Item,
  type ItemStatus,
} from "@/db/schema";
import { richDocLength, richDocSchema } from "@/lib/editor/schema";
import { type ItemAction, itemTransition, nextItemState } from "@/lib/workflow/item";
import { type Actor, hasRole, requireRole } from "./actor";
import { audit } from "./audit";
import { AppError } from "./errors";
import { notifyUnit } from "./notifications";
import { currentPublication } from "./publication";
import { idSchema, isoDateSchema, versionSchema } from "./validation";

export const TITLE_MAX = 80;

export const itemFieldsSchema = z.object({
  title: z.string().trim().min(1, "title_required").max(TITLE_MAX, "title_too_long"),
  body: richDocSchema,
  source: z
    .string()
    .trim()
    .max(100, "source_too_long")
    .nullable()
    .transform((s) => (s ? s : null)),
  suggestedSectionId: idSchema.nullable(),
  eventDate: isoDateSchema.nullable(),
  contactName: z.string().trim().max(40, "too_long"),
  contactPhone: z
    .string()
    .trim()
    .max(40, "too_long")
    .regex(/^[0-9+\-() ]*$/, "invalid_phone"),
  noteToEditor: z.string().trim().max(1000, "too_long"),
});
export type ItemFields = z.infer<typeof itemFieldsSchema>;

export const updateItemSchema = itemFieldsSchema.extend({ id: idSchema, version: versionSchema });
export const itemRefSchema = z.object({ id: idSchema, version: versionSchema });
export const decideItemSchema = z
  .object({
    id: idSchema,
    version: versionSchema,
    decision: z.enum(["accept", "return", "decline"]),
    note: z.string().trim().max(1000, "too_long"),
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
  const unitId = actor.unitId;
  const pub = currentPublication();
  validateSection(pub.id, fields.suggestedSectionId);
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
export function updateItem(actor: Actor, input: z.infer<typeof updateItemSchema>): Item {
  const item = getItem(actor, input.id);
  const asUnit = hasRole(actor, "contributor") && actor.unitId === item.unitId && nextItemState(item.status, "save", ["contributor"]);
  const asEditor = hasRole(actor, "editor") && nextItemState(item.status, "save", ["editor"]);
  if (!asUnit && !asEditor) throw new AppError("not_allowed_now");
  checkVersion(item, input.version);
  validateSection(item.publicationId, input.suggestedSectionId);
  if (asEditor && !asUnit) assertIssueEditable(item.id);
  const { id, version, ...fields } = input;
  const changes = asUnit ? fields : { title: fields.title, body: fields.body, source: fields.source };
  return db.transaction((tx) => {
    const updated = tx
      .update(items)
      .set({ ...changes, version: version + 1, updatedAt: new Date() })
      .where(and(eq(items.id, id), eq(items.version, version)))
      .returning()
      .get();
    if (!updated) throw new AppError("conflict");
    tx.insert(itemRevisions)
      .values({
        itemId: id,
        version: updated.version,
        kind: asUnit ? "draft" : "edit",
        title: updated.title,
        body: updated.body,
        source: updated.source,
        authorId: actor.id,
      })
      .run();
    audit(tx, actor, { entity: "item", entityId: id, action: "edit", detail: { version: updated.version, chars: richDocLength(updated.body) } });
    return updated;
  });
}

/** An item placed in an issue under review or approved cannot change: reopen the issue first. */
function assertIssueEditable(itemId: number) {
  const row = db
    .select({ status: issues.status })
    .from(placements)
    .innerJoin(issues, eq(issues.id, placements.issueId))
    .where(eq(placements.itemId, itemId))
    .get();
  if (row && row.status !== "drafting") throw new AppError("not_allowed_now");
}

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

interface TransitionOptions {
  set?: Partial<typeof items.$inferInsert>;
  detail?: Record<string, unknown>;
  after?: (tx: Tx, updated: Item) => void;
}

/**
 * The one way an item changes state: checks the table in lib/workflow, the version the request
 * was based on, and writes the change and its audit row in one transaction.
 */
function applyTransition(actor: Actor, item: Item, version: number, action: ItemAction, opts: TransitionOptions = {}): Item {
  if (nextItemState(item.status, action, actor.roles) === null) throw new AppError("not_allowed_now");
  checkVersion(item, version);
  return db.transaction((tx) => {
    const updated = tx
      .update(items)
      .set({ ...opts.set, status: itemTransition(item.status, action, actor.roles), version: item.version + 1, updatedAt: new Date() })
      .where(and(eq(items.id, item.id), eq(items.version, item.version)))
      .returning()
      .get();
    if (!updated) throw new AppError("conflict");
    audit(tx, actor, { entity: "item", entityId: item.id, action, from: item.status, to: updated.status, detail: opts.detail });
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

export function submitItem(actor: Actor, input: z.infer<typeof itemRefSchema>): Item {
  requireRole(actor, "contributor");
  const item = getOwnItem(actor, input.id);
  if (richDocLength(item.body) === 0) throw new AppError("invalid", {}, "body");
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

export function decideItem(actor: Actor, input: z.infer<typeof decideItemSchema>): Item {
  requireRole(actor, "editor");
  return applyTransition(actor, getItem(actor, input.id), input.version, input.decision, {
    set: { editorNote: input.note },
    detail: input.note ? { note: input.note } : undefined,
    after: (tx, updated) => notifyUnit(tx, updated.unitId, { kind: `item_${input.decision}`, itemId: updated.id, message: updated.title }),
  });
}

export function listMyItems(actor: Actor, filter: { status?: ItemStatus } = {}) {
  requireRole(actor, "contributor");
  if (actor.unitId === null) return [];
  return db
    .select({
      id: items.id,
      title: items.title,
      status: items.status,
      updatedAt: items.updatedAt,
      submittedAt: items.submittedAt,
      editorNote: items.editorNote,
      version: items.version,
      issueYear: issues.year,
      issueNumber: issues.number,
    })
    .from(items)
    .leftJoin(placements, eq(placements.itemId, items.id))
    .leftJoin(issues, eq(issues.id, placements.issueId))
    .where(and(eq(items.unitId, actor.unitId), filter.status ? eq(items.status, filter.status) : undefined))
    .orderBy(desc(items.updatedAt))
    .all();
}

export function itemHistory(actor: Actor, id: number) {
  getItem(actor, id);
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, "item"), eq(auditLog.entityId, id)))
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

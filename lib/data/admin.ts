import "server-only";
import bcrypt from "bcryptjs";
import { and, asc, count, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import {
  catalogueSections,
  issueSections,
  items,
  publications,
  ROLES,
  UNIT_KINDS,
  units,
  userRoles,
  users,
  type Role,
} from "@/db/schema";
import { type Actor, requireRole } from "./actor";
import { audit } from "./audit";
import { AppError } from "./errors";
import { resetPendingApprovals, voidChangedApprovals } from "./issues";
import { currentPublication, listCatalogue } from "./publication";

// ---------------------------------------------------------------------------------------------
// Reads

export function listUsers(actor: Actor) {
  requireRole(actor, "admin");
  const rows = db
    .select({ id: users.id, username: users.username, displayName: users.displayName, active: users.active, unitId: users.unitId, unitName: units.name })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .orderBy(asc(users.id))
    .all();
  const roles = db.select().from(userRoles).all();
  // Never the password hash: only what the admin page shows.
  return rows.map((r) => ({ ...r, roles: roles.filter((x) => x.userId === r.id).map((x) => x.role) }));
}

export function listUnits(actor: Actor) {
  requireRole(actor, "admin");
  const rows = db.select().from(units).orderBy(asc(units.id)).all();
  const itemCounts = new Map(db.select({ unitId: items.unitId, n: count() }).from(items).groupBy(items.unitId).all().map((r) => [r.unitId, r.n]));
  const userCounts = new Map(
    db
      .select({ unitId: users.unitId, n: count() })
      .from(users)
      .groupBy(users.unitId)
      .all()
      .map((r) => [r.unitId, r.n]),
  );
  return rows.map((u) => ({ ...u, itemCount: itemCounts.get(u.id) ?? 0, userCount: userCounts.get(u.id) ?? 0 }));
}

export function publicationSettings(actor: Actor) {
  requireRole(actor, "admin");
  const pub = currentPublication();
  const sections = listCatalogue(pub.id);
  const used = new Set(
    db
      .select({ id: issueSections.catalogueSectionId })
      .from(issueSections)
      .all()
      .map((r) => r.id)
      .concat(db.select({ id: items.suggestedSectionId }).from(items).all().map((r) => r.id)),
  );
  return {
    publication: {
      title: pub.title,
      office: pub.office,
      mailbox: pub.mailbox,
      defaultEditorName: pub.defaultEditorName,
      defaultReviewerName: pub.defaultReviewerName,
      distribution: pub.distribution,
      signoffLevels: pub.signoffLevels === 2 ? (2 as const) : (1 as const),
    },
    sections: sections.map((s) => ({ ...s, used: used.has(s.id) })),
  };
}

// ---------------------------------------------------------------------------------------------
// Units

const unitName = z
  .string({ error: "unit_name_required" })
  .trim()
  .min(1, { error: "unit_name_required" })
  .max(60, { error: "unit_name_too_long" });
const unitKind = z.enum(UNIT_KINDS, { error: "invalid" });
const id = z.coerce.number().int().positive();

export const createUnitSchema = z.object({ name: unitName, kind: unitKind }).strict();
export const updateUnitSchema = z.object({ id, name: unitName, kind: unitKind }).strict();
export const setUnitActiveSchema = z.object({ id, active: z.boolean() }).strict();
export const confirmUnitSchema = z.object({ id }).strict();
export const mergeUnitSchema = z.object({ id, targetId: z.coerce.number({ error: "merge_target_required" }).int().positive({ error: "merge_target_required" }) }).strict();

function getUnit(unitId: number) {
  const u = db.select().from(units).where(eq(units.id, unitId)).get();
  if (!u) throw new AppError("not_found");
  return u;
}

function assertUnitNameFree(name: string, exceptId?: number) {
  const clash = db
    .select({ id: units.id })
    .from(units)
    .where(exceptId ? and(eq(units.name, name), ne(units.id, exceptId)) : eq(units.name, name))
    .get();
  if (clash) throw new AppError("name_taken", {}, "name");
}

export function createUnit(actor: Actor, raw: z.input<typeof createUnitSchema>) {
  requireRole(actor, "admin");
  const input = parse(createUnitSchema, raw);
  assertUnitNameFree(input.name);
  return db.transaction((tx) => {
    const u = tx.insert(units).values({ name: input.name, kind: input.kind }).returning().get();
    audit(tx, actor, { entity: "unit", entityId: u.id, action: "unit_created", detail: { name: u.name, kind: u.kind } });
    return u;
  });
}

export function updateUnit(actor: Actor, raw: z.input<typeof updateUnitSchema>) {
  requireRole(actor, "admin");
  const input = parse(updateUnitSchema, raw);
  const before = getUnit(input.id);
  assertUnitNameFree(input.name, input.id);
  return db.transaction((tx) => {
    const u = tx.update(units).set({ name: input.name, kind: input.kind }).where(eq(units.id, input.id)).returning().get();
    audit(tx, actor, { entity: "unit", entityId: u.id, action: "unit_updated", detail: { from: { name: before.name, kind: before.kind }, to: { name: u.name, kind: u.kind } } });
    return u;
  });
}

/** An inactive unit's contributors can no longer log in or submit (see loadActor). */
export function setUnitActive(actor: Actor, raw: z.input<typeof setUnitActiveSchema>) {
  requireRole(actor, "admin");
  const input = parse(setUnitActiveSchema, raw);
  const before = getUnit(input.id);
  if (before.active === input.active) return before;
  return db.transaction((tx) => {
    const u = tx.update(units).set({ active: input.active }).where(eq(units.id, input.id)).returning().get();
    audit(tx, actor, { entity: "unit", entityId: u.id, action: input.active ? "unit_reactivated" : "unit_deactivated", detail: { name: u.name } });
    return u;
  });
}

/** An imported unit the admin recognises as a real, separate unit. */
export function confirmUnit(actor: Actor, raw: z.input<typeof confirmUnitSchema>) {
  requireRole(actor, "admin");
  const input = parse(confirmUnitSchema, raw);
  const before = getUnit(input.id);
  if (!before.needsReview) throw new AppError("not_allowed_now");
  return db.transaction((tx) => {
    const u = tx.update(units).set({ needsReview: false }).where(eq(units.id, input.id)).returning().get();
    audit(tx, actor, { entity: "unit", entityId: u.id, action: "unit_confirmed", detail: { name: u.name } });
    return u;
  });
}

/** Folds an imported unit into an existing one: its items and users move over, and it is removed. */
export function mergeUnit(actor: Actor, raw: z.input<typeof mergeUnitSchema>) {
  requireRole(actor, "admin");
  const input = parse(mergeUnitSchema, raw);
  if (input.id === input.targetId) throw new AppError("merge_same", {}, "targetId");
  const source = getUnit(input.id);
  const target = getUnit(input.targetId);
  if (!source.needsReview) throw new AppError("not_allowed_now");
  return db.transaction((tx) => {
    const movedItems = tx.update(items).set({ unitId: target.id }).where(eq(items.unitId, source.id)).returning({ id: items.id }).all();
    const movedUsers = tx.update(users).set({ unitId: target.id }).where(eq(users.unitId, source.id)).returning({ id: users.id }).all();
    tx.delete(units).where(eq(units.id, source.id)).run();
    audit(tx, actor, {
      entity: "unit",
      entityId: target.id,
      action: "unit_merged",
      detail: { from: source.name, fromId: source.id, into: target.name, items: movedItems.map((r) => r.id), users: movedUsers.map((r) => r.id) },
    });
    return { target, items: movedItems.length, users: movedUsers.length };
  });
}

// ---------------------------------------------------------------------------------------------
// Users

const username = z
  .string({ error: "username_required" })
  .trim()
  .min(1, { error: "username_required" })
  .max(64, { error: "username_invalid" })
  .regex(/^[A-Za-z0-9_.-]+$/, { error: "username_invalid" });
const displayName = z
  .string({ error: "display_name_required" })
  .trim()
  .min(1, { error: "display_name_required" })
  .max(40, { error: "too_long" });
const password = z
  .string({ error: "password_too_short" })
  .min(8, { error: "password_too_short" })
  .max(200, { error: "too_long" });
const roles = z
  .array(z.enum(ROLES, { error: "invalid" }), { error: "roles_required" })
  .min(1, { error: "roles_required" })
  .transform((r) => [...new Set(r)]);
const unitId = z.coerce.number().int().positive().nullable();

export const createUserSchema = z.object({ username, displayName, password, roles, unitId }).strict();
export const updateUserSchema = z.object({ id, displayName, roles, unitId }).strict();
export const resetPasswordSchema = z.object({ id, password }).strict();
export const setUserActiveSchema = z.object({ id, active: z.boolean() }).strict();

function assertUnitForRoles(rolesIn: Role[], unit: number | null) {
  if (rolesIn.includes("contributor") && unit === null) throw new AppError("unit_required", {}, "unitId");
  if (unit !== null) getUnitOr(unit, "unitId");
}

function getUnitOr(unit: number, field: string) {
  const u = db.select().from(units).where(eq(units.id, unit)).get();
  if (!u) throw new AppError("not_found", {}, field);
  return u;
}

function getUser(userId: number) {
  const u = db.select({ id: users.id, username: users.username, displayName: users.displayName, unitId: users.unitId, active: users.active }).from(users).where(eq(users.id, userId)).get();
  if (!u) throw new AppError("not_found");
  const r = db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId)).all().map((x) => x.role);
  return { ...u, roles: r };
}

export type AdminUser = ReturnType<typeof getUser>;

export function createUser(actor: Actor, raw: z.input<typeof createUserSchema>): AdminUser {
  requireRole(actor, "admin");
  const input = parse(createUserSchema, raw);
  assertUnitForRoles(input.roles, input.unitId);
  if (db.select({ id: users.id }).from(users).where(eq(users.username, input.username)).get()) throw new AppError("username_taken", {}, "username");
  const passwordHash = bcrypt.hashSync(input.password, 10);
  const newId = db.transaction((tx) => {
    const u = tx.insert(users).values({ username: input.username, displayName: input.displayName, passwordHash, unitId: input.unitId }).returning({ id: users.id }).get();
    tx.insert(userRoles).values(input.roles.map((role) => ({ userId: u.id, role }))).run();
    audit(tx, actor, { entity: "user", entityId: u.id, action: "user_created", detail: { username: input.username, roles: input.roles, unitId: input.unitId } });
    return u.id;
  });
  return getUser(newId);
}

export function updateUser(actor: Actor, raw: z.input<typeof updateUserSchema>): AdminUser {
  requireRole(actor, "admin");
  const input = parse(updateUserSchema, raw);
  const before = getUser(input.id);
  if (input.id === actor.id && !input.roles.includes("admin")) throw new AppError("self_lockout", {}, "roles");
  assertUnitForRoles(input.roles, input.unitId);
  db.transaction((tx) => {
    tx.update(users).set({ displayName: input.displayName, unitId: input.unitId }).where(eq(users.id, input.id)).run();
    tx.delete(userRoles).where(eq(userRoles.userId, input.id)).run();
    tx.insert(userRoles).values(input.roles.map((role) => ({ userId: input.id, role }))).run();
    audit(tx, actor, {
      entity: "user",
      entityId: input.id,
      action: "user_updated",
      detail: {
        from: { displayName: before.displayName, roles: before.roles, unitId: before.unitId },
        to: { displayName: input.displayName, roles: input.roles, unitId: input.unitId },
      },
    });
  });
  return getUser(input.id);
}

export function resetPassword(actor: Actor, raw: z.input<typeof resetPasswordSchema>): AdminUser {
  requireRole(actor, "admin");
  const input = parse(resetPasswordSchema, raw);
  getUser(input.id);
  const passwordHash = bcrypt.hashSync(input.password, 10);
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, input.id)).run();
    // The password itself is never logged.
    audit(tx, actor, { entity: "user", entityId: input.id, action: "password_reset" });
  });
  return getUser(input.id);
}

export function setUserActive(actor: Actor, raw: z.input<typeof setUserActiveSchema>): AdminUser {
  requireRole(actor, "admin");
  const input = parse(setUserActiveSchema, raw);
  const before = getUser(input.id);
  if (input.id === actor.id && !input.active) throw new AppError("self_lockout");
  if (before.active === input.active) return before;
  db.transaction((tx) => {
    tx.update(users).set({ active: input.active }).where(eq(users.id, input.id)).run();
    audit(tx, actor, { entity: "user", entityId: input.id, action: input.active ? "user_reactivated" : "user_deactivated", detail: { username: before.username } });
  });
  return getUser(input.id);
}

// ---------------------------------------------------------------------------------------------
// Publication settings and the section catalogue

const line = (max: number, required?: string) =>
  required ? z.string({ error: required }).trim().min(1, { error: required }).max(max, { error: "too_long" }) : z.string().trim().max(max, { error: "too_long" });

export const updatePublicationSchema = z
  .object({
    title: line(40, "pub_title_required"),
    office: line(60, "office_required"),
    mailbox: z
      .string()
      .trim()
      .max(100, { error: "too_long" })
      .refine((s) => s === "" || z.email().safeParse(s).success, { error: "invalid_email" }),
    defaultEditorName: line(40),
    defaultReviewerName: line(40),
    distribution: z
      .array(z.string().trim().max(100, { error: "too_long" }))
      .max(50, { error: "too_long" })
      .transform((a) => a.filter(Boolean)),
    // 1: 审核 only; 2: 审核, then 签发 by a signer. Optional so older forms keep the current setting.
    signoffLevels: z.union([z.literal(1), z.literal(2)], { error: "invalid" }).optional(),
  })
  .strict();

const sectionTitle = z
  .string({ error: "section_title_required" })
  .trim()
  .min(1, { error: "section_title_required" })
  .max(20, { error: "section_title_too_long" })
  .refine((s) => !/[【】]/.test(s), { error: "section_title_brackets" });

export const addSectionSchema = z.object({ title: sectionTitle }).strict();
export const renameSectionSchema = z.object({ id, title: sectionTitle }).strict();
export const moveSectionSchema = z.object({ id, direction: z.enum(["up", "down"]) }).strict();
export const sectionRefSchema = z.object({ id }).strict();
export const setSectionActiveSchema = z.object({ id, active: z.boolean() }).strict();

export function updatePublication(actor: Actor, raw: z.input<typeof updatePublicationSchema>) {
  requireRole(actor, "admin");
  const input = parse(updatePublicationSchema, raw);
  const pub = currentPublication();
  return db.transaction((tx) => {
    const after = tx.update(publications).set(input).where(eq(publications.id, pub.id)).returning().get();
    const changed = Object.fromEntries(
      (Object.keys(input) as (keyof typeof input)[])
        .filter((k) => JSON.stringify(pub[k]) !== JSON.stringify(after[k]))
        .map((k) => [k, { from: pub[k], to: after[k] }]),
    );
    audit(tx, actor, { entity: "publication", entityId: pub.id, action: "publication_updated", detail: changed });
    // What prints changed (title, office): approvals of that content are voided by this write, logged here.
    voidChangedApprovals(tx, actor, pub.id);
    // A different number of levels: a 审核 given under the old setting no longer completes anything.
    if (after.signoffLevels !== pub.signoffLevels) resetPendingApprovals(tx, actor, pub.id);
    return after;
  });
}

function getSection(sectionId: number) {
  const pub = currentPublication();
  const s = db
    .select()
    .from(catalogueSections)
    .where(and(eq(catalogueSections.id, sectionId), eq(catalogueSections.publicationId, pub.id)))
    .get();
  if (!s) throw new AppError("not_found");
  return s;
}

function assertSectionTitleFree(publicationId: number, title: string, exceptId?: number) {
  const clash = db
    .select({ id: catalogueSections.id })
    .from(catalogueSections)
    .where(and(eq(catalogueSections.publicationId, publicationId), eq(catalogueSections.title, title), exceptId ? ne(catalogueSections.id, exceptId) : undefined))
    .get();
  if (clash) throw new AppError("name_taken", {}, "title");
}

export function addSection(actor: Actor, raw: z.input<typeof addSectionSchema>) {
  requireRole(actor, "admin");
  const input = parse(addSectionSchema, raw);
  const pub = currentPublication();
  assertSectionTitleFree(pub.id, input.title);
  const last = listCatalogue(pub.id).at(-1)?.position ?? 0;
  return db.transaction((tx) => {
    const s = tx.insert(catalogueSections).values({ publicationId: pub.id, title: input.title, position: last + 1 }).returning().get();
    audit(tx, actor, { entity: "publication", entityId: pub.id, action: "section_added", detail: { sectionId: s.id, title: s.title } });
    return s;
  });
}

export function renameSection(actor: Actor, raw: z.input<typeof renameSectionSchema>) {
  requireRole(actor, "admin");
  const input = parse(renameSectionSchema, raw);
  const before = getSection(input.id);
  assertSectionTitleFree(before.publicationId, input.title, before.id);
  return db.transaction((tx) => {
    const s = tx.update(catalogueSections).set({ title: input.title }).where(eq(catalogueSections.id, before.id)).returning().get();
    audit(tx, actor, { entity: "publication", entityId: before.publicationId, action: "section_renamed", detail: { sectionId: s.id, from: before.title, to: s.title } });
    return s;
  });
}

/** Swaps a section with its neighbour in the default order. */
export function moveSection(actor: Actor, raw: z.input<typeof moveSectionSchema>) {
  requireRole(actor, "admin");
  const input = parse(moveSectionSchema, raw);
  const s = getSection(input.id);
  const all = listCatalogue(s.publicationId);
  const i = all.findIndex((x) => x.id === s.id);
  const j = input.direction === "up" ? i - 1 : i + 1;
  if (j < 0 || j >= all.length) return all;
  const order = all.map((x) => x.id);
  [order[i], order[j]] = [order[j], order[i]];
  db.transaction((tx) => {
    // Renumber 1..n so positions stay distinct whatever they were before.
    order.forEach((sid, k) => tx.update(catalogueSections).set({ position: k + 1 }).where(eq(catalogueSections.id, sid)).run());
    audit(tx, actor, { entity: "publication", entityId: s.publicationId, action: "section_moved", detail: { sectionId: s.id, title: s.title, direction: input.direction } });
  });
  return listCatalogue(s.publicationId);
}

function sectionInUse(sectionId: number): boolean {
  const inIssue = db.select({ id: issueSections.id }).from(issueSections).where(eq(issueSections.catalogueSectionId, sectionId)).get();
  const onItem = db.select({ id: items.id }).from(items).where(eq(items.suggestedSectionId, sectionId)).get();
  return Boolean(inIssue || onItem);
}

/** Removes a section nobody has used; one already used by an issue or an item is hidden instead. */
export function removeSection(actor: Actor, raw: z.input<typeof sectionRefSchema>): { removed: boolean } {
  requireRole(actor, "admin");
  const input = parse(sectionRefSchema, raw);
  const s = getSection(input.id);
  const used = sectionInUse(s.id);
  db.transaction((tx) => {
    if (used) tx.update(catalogueSections).set({ active: false }).where(eq(catalogueSections.id, s.id)).run();
    else tx.delete(catalogueSections).where(eq(catalogueSections.id, s.id)).run();
    audit(tx, actor, { entity: "publication", entityId: s.publicationId, action: used ? "section_hidden" : "section_removed", detail: { sectionId: s.id, title: s.title } });
  });
  return { removed: !used };
}

export function setSectionActive(actor: Actor, raw: z.input<typeof setSectionActiveSchema>) {
  requireRole(actor, "admin");
  const input = parse(setSectionActiveSchema, raw);
  const s = getSection(input.id);
  if (s.active === input.active) return s;
  return db.transaction((tx) => {
    const after = tx.update(catalogueSections).set({ active: input.active }).where(eq(catalogueSections.id, s.id)).returning().get();
    audit(tx, actor, { entity: "publication", entityId: s.publicationId, action: input.active ? "section_shown" : "section_hidden", detail: { sectionId: s.id, title: s.title } });
    return after;
  });
}

// ---------------------------------------------------------------------------------------------

/**
 * Data functions validate again even behind defineAction, so a caller that skips the wrapper
 * (a script, a test) cannot write what the form would refuse. The first issue names the field.
 */
function parse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new AppError("invalid", { code: issue?.message ?? "invalid" }, String(issue?.path[0] ?? "_"));
}

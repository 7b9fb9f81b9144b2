import "server-only";
import bcrypt from "bcryptjs";
import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import {
  catalogueSections,
  issueSections,
  items,
  publications,
  ROLES,
  UNIT_KINDS,
  unitAliases,
  units,
  userRoles,
  users,
  type Role,
} from "@/db/schema";
import { normaliseUnitName } from "@/lib/bulletin/attribution";
import { type Actor, requireRole } from "./actor";
import { audit } from "./audit";
import { AppError } from "./errors";
import { resetPendingApprovals, voidChangedApprovals } from "./issues";
import { currentPublication, listCatalogue } from "./publication";
import { isEmail, loginKey, mailbox, nameKey, textLine } from "@/lib/text/rule";
import { passwordSchema } from "@/lib/auth/password";
import { liftThrottle } from "@/lib/auth/throttle";

// ---------------------------------------------------------------------------------------------
// Reads

export function listUsers(actor: Actor) {
  requireRole(actor, "admin");
  const rows = db
    .select({ id: users.id, username: users.username, displayName: users.displayName, email: users.email, active: users.active, unitId: users.unitId, unitName: units.name })
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
  // Per catalogue section, one indexed lookup each (not every item and issue section read).
  const inUse = (sectionId: number) =>
    !!db.select({ id: issueSections.id }).from(issueSections).where(eq(issueSections.catalogueSectionId, sectionId)).limit(1).get() ||
    !!db.select({ id: items.id }).from(items).where(eq(items.suggestedSectionId, sectionId)).limit(1).get();
  const used = new Set(sections.filter((s) => inUse(s.id)).map((s) => s.id));
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

const unitName = textLine({ label: "单位名称", max: 60, required: "unit_name_required", tooLong: "unit_name_too_long", noMarkup: true });
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

/** Names equal once invisible characters are removed are the same name (lib/text/rule.ts nameKey). */
function assertUnitNameFree(name: string, exceptId?: number) {
  const key = nameKey(name);
  const clash = db
    .select({ id: units.id, name: units.name })
    .from(units)
    .all()
    .find((u) => u.id !== exceptId && nameKey(u.name) === key);
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
    // The merged name stays an alias of the target, so the next import of it matches.
    tx.update(unitAliases).set({ unitId: target.id }).where(eq(unitAliases.unitId, source.id)).run();
    tx.insert(unitAliases).values({ unitId: target.id, alias: normaliseUnitName(source.name) }).onConflictDoNothing().run();
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

const username = textLine({ label: "用户名", max: 64, required: "username_required", tooLong: "username_invalid" }).pipe(
  z.string().regex(/^[A-Za-z0-9_.-]+$/, { error: "username_invalid" }),
);
const displayName = textLine({ label: "姓名", max: 40, required: "display_name_required", tooLong: "too_long", noMarkup: true });
const password = passwordSchema;
const roles = z
  .array(z.enum(ROLES, { error: "invalid" }), { error: "roles_required" })
  .min(1, { error: "roles_required" })
  .transform((r) => [...new Set(r)]);
const unitId = z.coerce.number().int().positive().nullable();
/** The address reminder e-mails go to (SMTP_URL set); "" for none. Left out of an update: unchanged. */
const email = mailbox({ label: "电子邮箱", optional: true }).optional();

export const createUserSchema = z.object({ username, displayName, email, password, roles, unitId }).strict();
export const updateUserSchema = z.object({ id, displayName, email, roles, unitId }).strict();
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
  const u = db.select({ id: users.id, username: users.username, displayName: users.displayName, email: users.email, unitId: users.unitId, active: users.active }).from(users).where(eq(users.id, userId)).get();
  if (!u) throw new AppError("not_found");
  const r = db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId)).all().map((x) => x.role);
  return { ...u, roles: r };
}

export type AdminUser = ReturnType<typeof getUser>;

export function createUser(actor: Actor, raw: z.input<typeof createUserSchema>): AdminUser {
  requireRole(actor, "admin");
  const input = parse(createUserSchema, raw);
  assertUnitForRoles(input.roles, input.unitId);
  // Login names are unique without regard to case (a unique index on lower(username) backs this).
  if (db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = ${loginKey(input.username)}`).get()) throw new AppError("username_taken", {}, "username");
  const passwordHash = bcrypt.hashSync(input.password, 10);
  const newId = db.transaction((tx) => {
    // A new user chooses their own password at first login.
    const u = tx
      .insert(users)
      .values({ username: input.username, displayName: input.displayName, email: input.email || null, passwordHash, unitId: input.unitId, mustChangePassword: true })
      .returning({ id: users.id })
      .get();
    tx.insert(userRoles).values(input.roles.map((role) => ({ userId: u.id, role }))).run();
    audit(tx, actor, { entity: "user", entityId: u.id, action: "user_created", detail: { username: input.username, roles: input.roles, unitId: input.unitId, email: input.email || null } });
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
  const nextEmail = input.email === undefined ? before.email : input.email || null;
  db.transaction((tx) => {
    const rolesChanged = [...before.roles].sort().join() !== [...input.roles].sort().join() || before.unitId !== input.unitId;
    // A change of roles or unit ends the user's sessions: they sign in again with what they may now do.
    tx.update(users)
      .set({ displayName: input.displayName, email: nextEmail, unitId: input.unitId, ...(rolesChanged ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}) })
      .where(eq(users.id, input.id))
      .run();
    tx.delete(userRoles).where(eq(userRoles.userId, input.id)).run();
    tx.insert(userRoles).values(input.roles.map((role) => ({ userId: input.id, role }))).run();
    audit(tx, actor, {
      entity: "user",
      entityId: input.id,
      action: "user_updated",
      detail: {
        from: { displayName: before.displayName, roles: before.roles, unitId: before.unitId, email: before.email },
        to: { displayName: input.displayName, roles: input.roles, unitId: input.unitId, email: nextEmail },
      },
    });
  });
  return getUser(input.id);
}

export function resetPassword(actor: Actor, raw: z.input<typeof resetPasswordSchema>): AdminUser {
  requireRole(actor, "admin");
  const input = parse(resetPasswordSchema, raw);
  const target = getUser(input.id);
  const passwordHash = bcrypt.hashSync(input.password, 10);
  db.transaction((tx) => {
    // Every session ends; the user must choose a new password at the next login; the throttle is lifted.
    tx.update(users).set({ passwordHash, mustChangePassword: true, sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, input.id)).run();
    liftThrottle(target.username, tx);
    // The password itself is never logged.
    audit(tx, actor, { entity: "user", entityId: input.id, action: "password_reset" });
  });
  return getUser(input.id);
}

export const liftThrottleSchema = z.object({ id }).strict();

/** Lets a slowed-down account sign in again at once (the admin's answer to a locked-out owner). */
export function liftLoginThrottle(actor: Actor, raw: z.input<typeof liftThrottleSchema>): AdminUser {
  requireRole(actor, "admin");
  const input = parse(liftThrottleSchema, raw);
  const target = getUser(input.id);
  db.transaction((tx) => {
    liftThrottle(target.username, tx);
    audit(tx, actor, { entity: "user", entityId: target.id, action: "login_throttle_lifted", detail: { username: target.username } });
  });
  return target;
}

export function setUserActive(actor: Actor, raw: z.input<typeof setUserActiveSchema>): AdminUser {
  requireRole(actor, "admin");
  const input = parse(setUserActiveSchema, raw);
  const before = getUser(input.id);
  if (input.id === actor.id && !input.active) throw new AppError("self_lockout");
  if (before.active === input.active) return before;
  db.transaction((tx) => {
    tx.update(users).set({ active: input.active, sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, input.id)).run();
    audit(tx, actor, { entity: "user", entityId: input.id, action: input.active ? "user_reactivated" : "user_deactivated", detail: { username: before.username } });
  });
  return getUser(input.id);
}

// ---------------------------------------------------------------------------------------------
// Publication settings and the section catalogue

const line = (max: number, required?: string, label = "此项") => textLine({ label, max, required, tooLong: "too_long", noMarkup: true });

export const updatePublicationSchema = z
  .object({
    title: line(40, "pub_title_required", "刊物名称"),
    office: line(60, "office_required", "编印单位"),
    mailbox: textLine({ label: "邮箱", max: 100, tooLong: "too_long" }).refine((s) => s === "" || isEmail(s), { error: "invalid_email" }),
    defaultEditorName: line(40, undefined, "编辑"),
    defaultReviewerName: line(40, undefined, "审核"),
    distribution: z
      .array(textLine({ label: "分送", max: 100, tooLong: "too_long", noMarkup: true }))
      .max(50, { error: "too_long" })
      .transform((a) => a.filter(Boolean)),
    // 1: 审核 only; 2: 审核, then 签发 by a signer. Optional so older forms keep the current setting.
    signoffLevels: z.union([z.literal(1), z.literal(2)], { error: "invalid" }).optional(),
  })
  .strict();

const sectionTitle = textLine({ label: "栏目名称", max: 20, required: "section_title_required", tooLong: "section_title_too_long", noMarkup: true })
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
  const key = nameKey(title);
  const clash = db
    .select({ id: catalogueSections.id, title: catalogueSections.title })
    .from(catalogueSections)
    .where(and(eq(catalogueSections.publicationId, publicationId), exceptId ? ne(catalogueSections.id, exceptId) : undefined))
    .all()
    .find((x) => nameKey(x.title) === key);
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

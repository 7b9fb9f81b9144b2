import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { textBlock, textLine } from "@/lib/text/rule";
import { db } from "@/db";
import { issueLabelColumns } from "./issue-label-columns";
import type { Db } from "@/db/open";
import { callUnits, calls, issues, publicationGuidance, units, type Call } from "@/db/schema";
import { type Actor, hasRole, requireRole } from "./actor";
import { audit } from "./audit";
import { AppError } from "./errors";
import { notifyUnit } from "./notifications";
import { currentPublication } from "./publication";
import { chinaDateTimeSchema } from "./validation";
import { chineseDate } from "@/lib/bulletin/dates";
import { addChinaDays, chinaDateTimeText, chinaDay, chinaInstant } from "@/lib/time";

/** "2026-12-01T17:00" (a datetime-local field) read as Beijing time; ms since epoch. */
export function chinaDateTime(s: string): number {
  return chinaInstant(s).getTime();
}


export const publishCallSchema = z
  .object({
    topic: textLine({ label: "约稿主题", max: 60, required: "topic_required", tooLong: "too_long", noMarkup: true }),
    guidance: textBlock({ label: "约稿说明", max: 2000, tooLong: "too_long", noMarkup: true }),
    deadline: chinaDateTimeSchema,
    target: z.enum(["all", "chosen"]),
    unitIds: z.array(z.number().int().positive()).max(500),
    issueId: z.number().int().positive().nullable(),
  })
  .strict()
  .refine((v) => v.target === "all" || v.unitIds.length > 0, { message: "units_required", path: ["unitIds"] });

export type UnitAnswer = "answered" | "late" | "missed" | "pending";
export interface CallUnitStatus {
  unitId: number;
  unitName: string;
  status: UnitAnswer;
  /** When the unit first sent an item for the call (ms), if it did. */
  answeredAt: number | null;
  items: number;
}

/**
 * The units a call asks: the chosen ones, or for "all" every active unit that has an active
 * contributor (a unit nobody can log in for cannot answer). The office's own unit is never asked.
 */
export function callTargetUnits(database: Db, call: Pick<Call, "id" | "target">): { id: number; name: string }[] {
  const c = database.$client;
  if (call.target === "chosen") {
    return c.prepare("select u.id, u.name from call_units cu join units u on u.id = cu.unit_id where cu.call_id = ? order by u.name").all(call.id) as { id: number; name: string }[];
  }
  return c
    .prepare(
      `select u.id, u.name from units u where u.active = 1 and u.kind <> 'office' and exists (
        select 1 from users us join user_roles r on r.user_id = us.id where us.unit_id = u.id and us.active = 1 and r.role = 'contributor')
      order by u.name`,
    )
    .all() as { id: number; name: string }[];
}

/**
 * Per unit, when it first sent an item answering the call: the time of the item's first
 * submission (a later resubmission after a return does not make an answer late). Unsent drafts
 * and withdrawn items do not count.
 */
export function callAnswers(database: Db, callId: number): Map<number, { at: number; items: number }> {
  const rows = database.$client
    .prepare(
      `select i.unit_id as unitId, min(r.created_at) as at, count(distinct i.id) as items
       from items i join item_revisions r on r.item_id = i.id and r.kind = 'submission'
       where i.call_id = ? and i.status <> 'draft' group by i.unit_id`,
    )
    .all(callId) as { unitId: number; at: number; items: number }[];
  return new Map(rows.map((r) => [r.unitId, { at: r.at, items: r.items }]));
}

/** Who answered a call on time, late, not at all (after the deadline), or not yet (before it). */
export function callUnitStatuses(database: Db, call: Call, now = Date.now()): CallUnitStatus[] {
  const answers = callAnswers(database, call.id);
  const deadline = call.deadline.getTime();
  return callTargetUnits(database, call).map((u) => {
    const a = answers.get(u.id);
    const status: UnitAnswer = a ? (a.at <= deadline ? "answered" : "late") : deadline <= now ? "missed" : "pending";
    return { unitId: u.id, unitName: u.name, status, answeredAt: a?.at ?? null, items: a?.items ?? 0 };
  });
}

/** The furthest a call's deadline may be from its publication, in days (a year; 9999 was accepted). */
export const MAX_CALL_DAYS = 366;

/** Publishes a call (editor): writes it, tells the units asked, schedules its reminders (by the scheduler). */
export function publishCall(actor: Actor, input: z.infer<typeof publishCallSchema>): Call {
  requireRole(actor, "editor");
  const pub = currentPublication();
  const deadline = chinaDateTime(input.deadline);
  if (deadline <= Date.now()) throw new AppError("deadline_past", {}, "deadline");
  if (deadline > Date.now() + MAX_CALL_DAYS * 86_400_000) throw new AppError("deadline_too_far", { days: MAX_CALL_DAYS }, "deadline");
  if (input.issueId !== null) {
    const issue = db.select({ id: issues.id }).from(issues).where(and(eq(issues.id, input.issueId), eq(issues.publicationId, pub.id))).get();
    if (!issue) throw new AppError("invalid", {}, "issueId");
  }
  const chosen = input.target === "chosen" ? [...new Set(input.unitIds)] : [];
  for (const id of chosen) {
    const u = db.select({ active: units.active, kind: units.kind }).from(units).where(eq(units.id, id)).get();
    if (!u || !u.active || u.kind === "office") throw new AppError("invalid", {}, "unitIds");
  }
  return db.transaction((tx) => {
    const call = tx
      .insert(calls)
      .values({ publicationId: pub.id, topic: input.topic, guidance: input.guidance, deadline: new Date(deadline), target: input.target, issueId: input.issueId, createdById: actor.id })
      .returning()
      .get();
    for (const unitId of chosen) tx.insert(callUnits).values({ callId: call.id, unitId }).run();
    for (const u of callTargetUnits(db, call)) notifyUnit(tx, u.id, { kind: "call_published", message: `${call.topic}（截止 ${formatChina(deadline)}）` });
    audit(tx, actor, { entity: "publication", entityId: pub.id, action: "call_publish", detail: { callId: call.id, topic: call.topic, deadline: new Date(deadline).toISOString(), target: call.target, units: chosen } });
    return call;
  });
}

export const closeCallSchema = z.object({ callId: z.number().int().positive() }).strict();

/** Closes a call early (editor): no more reminders, no longer offered to units. Logged. */
export function closeCall(actor: Actor, input: z.infer<typeof closeCallSchema>): Call {
  requireRole(actor, "editor");
  const call = getCall(actor, input.callId);
  if (call.closedAt) throw new AppError("not_allowed_now");
  return db.transaction((tx) => {
    const closed = tx.update(calls).set({ closedAt: new Date() }).where(eq(calls.id, call.id)).returning().get();
    audit(tx, actor, { entity: "publication", entityId: call.publicationId, action: "call_close", detail: { callId: call.id, topic: call.topic } });
    return closed;
  });
}

/** One call: the desk sees every call; a contributor only a call that asks its unit. */
export function getCall(actor: Actor, id: number): Call {
  const call = db.select().from(calls).where(eq(calls.id, id)).get();
  if (!call) throw new AppError("not_found");
  if (hasRole(actor, "editor", "reviewer", "office", "admin")) return call;
  if (hasRole(actor, "contributor") && actor.unitId !== null && callTargetUnits(db, call).some((u) => u.id === actor.unitId)) return call;
  throw new AppError("not_found");
}

/** Every call, newest first, with how many units answered on time, late, missed, or not yet (desk). */
export function listCalls(actor: Actor, now = Date.now()) {
  requireRole(actor, "editor", "office", "admin");
  return db
    .select()
    .from(calls)
    .orderBy(desc(calls.id))
    .all()
    .map((call) => {
      const st = callUnitStatuses(db, call, now);
      const n = (s: UnitAnswer) => st.filter((x) => x.status === s).length;
      return { call, asked: st.length, answered: n("answered"), late: n("late"), missed: n("missed"), pending: n("pending"), pastDeadline: call.deadline.getTime() <= now };
    });
}

/** Units a call may ask (active, not the office), for the publish form. */
export function callableUnits(actor: Actor): { id: number; name: string }[] {
  requireRole(actor, "editor");
  return db.$client.prepare("select id, name from units where active = 1 and kind <> 'office' order by name").all() as { id: number; name: string }[];
}

/** A call with each asked unit's answer, for the desk's call page. */
export function callView(actor: Actor, id: number, now = Date.now()) {
  requireRole(actor, "editor", "office", "admin");
  const call = getCall(actor, id);
  const issue = call.issueId ? (db.select({ id: issues.id, ...issueLabelColumns }).from(issues).where(eq(issues.id, call.issueId)).get() ?? null) : null;
  const reminders = db.$client
    .prepare("select id, due_at as dueAt, offset_minutes as offsetMinutes, sent_at as sentAt, units_reminded as unitsReminded from reminders where call_id = ? order by due_at")
    .all(call.id) as { id: number; dueAt: number; offsetMinutes: number | null; sentAt: number | null; unitsReminded: string | null }[];
  return { call, issue, units: callUnitStatuses(db, call, now), reminders, pastDeadline: call.deadline.getTime() <= now };
}

/**
 * The calls a contributor's unit is asked to answer and that are still open (not closed, and the
 * deadline not more than a week past), soonest deadline first, with whether the unit has answered
 * (`late`: after the deadline), whether the deadline has passed (`pastDeadline`; such a call still
 * takes answers, counted late) and whether it is overdue (passed and not answered).
 */
export function openCallsForUnit(actor: Actor, now = Date.now()) {
  requireRole(actor, "contributor");
  if (actor.unitId === null) return [];
  const unitId = actor.unitId;
  return db
    .select()
    .from(calls)
    .where(isNull(calls.closedAt))
    .orderBy(calls.deadline)
    .all()
    .filter((c) => c.deadline.getTime() > now - 7 * 86_400_000 && callTargetUnits(db, c).some((u) => u.id === unitId))
    .map((call) => {
      const a = callAnswers(db, call.id).get(unitId);
      const pastDeadline = call.deadline.getTime() <= now;
      return { call, answeredAt: a?.at ?? null, late: a ? a.at > call.deadline.getTime() : false, pastDeadline, overdue: !a && pastDeadline };
    });
}

/**
 * Refuses to link an item to a call that does not ask the unit or is closed. Late answers are
 * accepted (and counted late). Errors: invalid on field callId.
 */
export function assertCallAnswerable(unitId: number, callId: number | null | undefined): void {
  if (callId === null || callId === undefined) return;
  const call = db.select().from(calls).where(eq(calls.id, callId)).get();
  if (!call || call.closedAt || !callTargetUnits(db, call).some((u) => u.id === unitId)) throw new AppError("invalid", {}, "callId");
}

/** The publish form's proposed deadline: 17:00 Beijing time, three days from now ("yyyy-mm-ddT17:00"). */
export function defaultCallDeadline(now = Date.now()): string {
  return `${addChinaDays(chinaDay(now), 3)}T17:00`;
}

/**
 * A moment in Beijing time for the Chinese text of a stored notice (「…（截止 2026年12月1日 17:00）」):
 * notices are written once, in Chinese, so they do not go through the reader's locale.
 */
export function formatChina(ms: number): string {
  return `${chineseDate(chinaDay(ms))} ${chinaDateTimeText(ms).slice(11)}`;
}

// ——— Standing guidance (报送要点) ———

export const guidanceSchema = z.object({ body: textBlock({ label: "报送要点", max: 4000, tooLong: "too_long", noMarkup: true }) }).strict();

/** The publication's current guidance for units (anyone logged in may read it). */
export function currentGuidance(): { body: string; updatedAt: Date | null } {
  const pub = currentPublication();
  const row = db.select().from(publicationGuidance).where(eq(publicationGuidance.publicationId, pub.id)).get();
  return { body: row?.body ?? "", updatedAt: row?.updatedAt ?? null };
}

/** The editor replaces the guidance; the change is logged with the old and new text. */
export function updateGuidance(actor: Actor, input: z.infer<typeof guidanceSchema>): void {
  requireRole(actor, "editor");
  const pub = currentPublication();
  const before = currentGuidance().body;
  db.transaction((tx) => {
    tx.insert(publicationGuidance)
      .values({ publicationId: pub.id, body: input.body, updatedById: actor.id, updatedAt: new Date() })
      .onConflictDoUpdate({ target: publicationGuidance.publicationId, set: { body: input.body, updatedById: actor.id, updatedAt: new Date() } })
      .run();
    audit(tx, actor, { entity: "publication", entityId: pub.id, action: "guidance_update", detail: { before, after: input.body } });
  });
}

import "server-only";
import type { IssueLabelFields } from "@/lib/i18n/issue-label";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { forwards, INSTRUCTION_LEVELS, leaderInstructions, type Forward, type LeaderInstruction } from "@/db/schema";
import { textBlock, textLine } from "@/lib/text/rule";
import { type Actor, requireRole } from "./actor";
import { audit } from "./audit";
import { AppError } from "./errors";
import { currentPublication } from "./publication";
import { getItem } from "./items";
import { notifyUnit } from "./notifications";
import { isoDateSchema, todayInChina } from "./validation";
import { bookTitle } from "@/lib/text/book-title";

/**
 * What an item earned after publication: leader instructions (领导批示) and forwarding to a
 * higher-level publication (转报). Only the office records them; both score in the statistics.
 */

/** A date from 2000 to today (Beijing time); each way of missing it has its own message code. */
const pastDate = isoDateSchema.refine((d) => d >= "2000-01-01", "date_before_2000").refine((d) => d <= todayInChina(), "date_in_future");

export const recordInstructionSchema = z
  .object({
    itemId: z.coerce.number().int().positive().max(2 ** 31),
    leader: textLine({ label: "批示领导", max: 60, required: true, noMarkup: true }),
    level: z.enum(INSTRUCTION_LEVELS, "invalid"),
    date: pastDate,
    text: textBlock({ label: "批示内容", max: 2000, required: true, noMarkup: true }),
  })
  .strict();

export const recordForwardSchema = z
  .object({
    itemId: z.coerce.number().int().positive().max(2 ** 31),
    target: textLine({ label: "转报刊物", max: 60, required: true, noMarkup: true }),
    date: pastDate,
    used: z.boolean(),
    usedDate: z.union([z.literal(""), pastDate]).nullish(),
  })
  .strict()
  .refine((v) => !v.used || !!v.usedDate, { message: "required", path: ["usedDate"] })
  .refine((v) => !v.usedDate || v.usedDate >= v.date, { message: "used_before_forward", path: ["usedDate"] });

export const removeRecognitionSchema = z.object({ id: z.coerce.number().int().positive().max(2 ** 31) }).strict();

function parse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError("invalid", {}, String(parsed.error.issues[0]?.path[0] ?? ""));
  return parsed.data;
}

function publishedItem(actor: Actor, itemId: number) {
  const item = getItem(actor, itemId);
  if (item.status !== "published") throw new AppError("not_allowed_now", {}, "itemId");
  return item;
}

/**
 * Refuses a 批示 or 转报 dated before the item was first published (its earliest distributed
 * issue's date): `date_before_publication` with params `date` (yyyy-mm-dd), field `date`.
 */
function assertAfterPublication(itemId: number, date: string): void {
  const row = db.$client
    .prepare("SELECT min(s.date) AS d FROM placements p JOIN issues s ON s.id = p.issue_id WHERE p.item_id = ? AND s.status = 'distributed'")
    .get(itemId) as { d: string | null } | undefined;
  if (row?.d && date < row.d) throw new AppError("date_before_publication", { date: row.d }, "date");
}

/** Records a leader's instruction on a published item (office only); notifies the unit; audited. */
export function recordInstruction(actor: Actor, raw: z.input<typeof recordInstructionSchema>): LeaderInstruction {
  requireRole(actor, "office");
  const input = parse(recordInstructionSchema, raw);
  const item = publishedItem(actor, input.itemId);
  assertAfterPublication(item.id, input.date);
  return db.transaction((tx) => {
    const row = tx.insert(leaderInstructions).values({ ...input, createdById: actor.id }).returning().get();
    audit(tx, actor, { entity: "item", entityId: item.id, action: "instruction", detail: { leader: input.leader, level: input.level, date: input.date } });
    notifyUnit(tx, item.unitId, { kind: "instruction", itemId: item.id, message: `${bookTitle(item.title)}获${input.leader}批示（${input.date}）` });
    return row;
  });
}

/** Removes a mistaken instruction record (office only); audited. */
export function removeInstruction(actor: Actor, raw: z.input<typeof removeRecognitionSchema>): void {
  requireRole(actor, "office");
  const { id } = parse(removeRecognitionSchema, raw);
  db.transaction((tx) => {
    const row = tx.select().from(leaderInstructions).where(eq(leaderInstructions.id, id)).get();
    if (!row) throw new AppError("not_found");
    tx.delete(leaderInstructions).where(eq(leaderInstructions.id, id)).run();
    audit(tx, actor, { entity: "item", entityId: row.itemId, action: "instruction_removed", detail: { leader: row.leader, date: row.date } });
  });
}

/**
 * Records that a published item was forwarded to a higher-level publication, or updates whether
 * it was used there (same item and target). Office only; the unit is notified when it was used.
 */
export function recordForward(actor: Actor, raw: z.input<typeof recordForwardSchema>): Forward {
  requireRole(actor, "office");
  const input = parse(recordForwardSchema, raw);
  const item = publishedItem(actor, input.itemId);
  assertAfterPublication(item.id, input.date);
  const usedDate = input.used ? input.usedDate || null : null;
  return db.transaction((tx) => {
    const existing = tx.select().from(forwards).where(and(eq(forwards.itemId, item.id), eq(forwards.target, input.target))).get();
    const row = existing
      ? tx.update(forwards).set({ date: input.date, used: input.used, usedDate }).where(eq(forwards.id, existing.id)).returning().get()
      : tx.insert(forwards).values({ itemId: item.id, target: input.target, date: input.date, used: input.used, usedDate, createdById: actor.id }).returning().get();
    audit(tx, actor, { entity: "item", entityId: item.id, action: "forward", detail: { target: input.target, date: input.date, used: input.used, usedDate } });
    if (input.used && !existing?.used) {
      notifyUnit(tx, item.unitId, { kind: "forward_used", itemId: item.id, message: `${bookTitle(item.title)}被${input.target}采用` });
    }
    return row;
  });
}

/** Removes a mistaken forward record (office only); audited. */
export function removeForward(actor: Actor, raw: z.input<typeof removeRecognitionSchema>): void {
  requireRole(actor, "office");
  const { id } = parse(removeRecognitionSchema, raw);
  db.transaction((tx) => {
    const row = tx.select().from(forwards).where(eq(forwards.id, id)).get();
    if (!row) throw new AppError("not_found");
    tx.delete(forwards).where(eq(forwards.id, id)).run();
    audit(tx, actor, { entity: "item", entityId: row.itemId, action: "forward_removed", detail: { target: row.target } });
  });
}

/**
 * An item's instructions and forwards, for its page. Whoever may see the item may see these
 * (a contributor only its own unit's items: getItem refuses the rest as not found).
 */
export function itemRecognition(actor: Actor, itemId: number): { instructions: LeaderInstruction[]; forwards: Forward[]; published: boolean } {
  const item = getItem(actor, itemId);
  return {
    published: item.status === "published",
    instructions: db.select().from(leaderInstructions).where(eq(leaderInstructions.itemId, itemId)).orderBy(asc(leaderInstructions.date), asc(leaderInstructions.id)).all(),
    forwards: db.select().from(forwards).where(eq(forwards.itemId, itemId)).orderBy(asc(forwards.date), asc(forwards.id)).all(),
  };
}


export const publishedSearchSchema = z.object({ q: z.string().trim().max(60).optional() }).strict();

/**
 * Published items, newest issue first (at most 100), optionally whose title or attribution
 * contains `q`: where the office finds the item a leader wrote on or that it forwarded. Office only.
 */
export function listPublishedItems(actor: Actor, raw: z.input<typeof publishedSearchSchema>) {
  requireRole(actor, "office");
  const { q } = parse(publishedSearchSchema, raw);
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return db.$client
    .prepare(
      `SELECT i.id, i.title, i.source, s.kind, s.year, s.number, s.number_end AS numberEnd, s.total_number AS totalNumber,
              s.total_number_end AS totalNumberEnd, s.supplement_label AS supplementLabel, s.date,
              (SELECT count(*) FROM leader_instructions li WHERE li.item_id = i.id) AS instructions,
              (SELECT count(*) FROM forwards f WHERE f.item_id = i.id) AS forwards
         FROM issues s CROSS JOIN placements p ON p.issue_id = s.id CROSS JOIN items i ON i.id = p.item_id
        WHERE s.publication_id = @pub AND i.status = 'published' AND (@like IS NULL OR i.title LIKE @like ESCAPE '\\' OR i.source LIKE @like ESCAPE '\\')
        ORDER BY s.date DESC, p.section_id, p.position LIMIT 100`,
    )
    .all({ like, pub: currentPublication().id }) as ({ id: number; title: string; source: string | null; date: string; instructions: number; forwards: number } & IssueLabelFields)[];
}

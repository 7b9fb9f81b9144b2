import "server-only";
import { and, desc, eq, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { auditLog, items } from "@/db/schema";
import { type Actor, hasRole, requireRole } from "./actor";
import { AppError } from "./errors";

export const auditFilterSchema = z.object({
  entity: z.enum(["item", "issue", "user", "unit", "publication", "auth"]).optional(),
  entityId: z.coerce.number().int().positive().optional(),
  before: z.coerce.number().int().positive().optional(),
});

export const AUDIT_PAGE = 100;

/** Rows about one item: its own, and the issue rows that name it. */
export function itemRows(itemId: number): SQL {
  return or(
    and(eq(auditLog.entity, "item"), eq(auditLog.entityId, itemId)),
    and(eq(auditLog.entity, "issue"), sql`json_extract(${auditLog.detail}, '$.itemId') = ${itemId}`),
  ) as SQL;
}

/** Entities whose log is the admin's alone: logins (typed usernames, addresses) and user administration. */
export const ADMIN_ONLY_ENTITIES = ["auth", "user"] as const;

/**
 * What the desk and review may read (issue 10, point 8): nothing about logins or user
 * administration, and an item's rows only once the item has left the unit's drafts (the same
 * rule as reading the item itself, lib/data/items.ts canSee).
 */
export function deskVisibleRows(): SQL {
  return and(
    sql`${auditLog.entity} not in ('auth', 'user')`,
    sql`not (${auditLog.entity} = 'item' and ${auditLog.entityId} in (select ${items.id} from ${items} where ${items.status} = 'draft'))`,
  ) as SQL;
}

/**
 * How many rows the log view under `filter` (without `before`) holds for this actor. For the admin
 * unfiltered, the log is append-only (triggers refuse UPDATE and DELETE) and its ids come from
 * AUTOINCREMENT, so the count is max(id) − min(id) + 1 read from the primary key instead of
 * counting every row.
 */
export function countAudit(actor: Actor, filter: z.infer<typeof auditFilterSchema>): number {
  const where = auditWhere(actor, { ...filter, before: undefined });
  if (!where) {
    // Two subqueries: SQLite reads a lone min() or max() from the key's end, not both in one select.
    const lo = db.select({ v: sql<number | null>`min(${auditLog.id})` }).from(auditLog).get()?.v;
    const hi = db.select({ v: sql<number | null>`max(${auditLog.id})` }).from(auditLog).get()?.v;
    return hi ? hi - (lo ?? hi) + 1 : 0;
  }
  return db.select({ n: sql<number>`count(*)` }).from(auditLog).where(where).get()?.n ?? 0;
}

/** The filter as SQL, with what this actor may read; checks the role. */
function auditWhere(actor: Actor, filter: z.infer<typeof auditFilterSchema>): SQL | undefined {
  requireRole(actor, "editor", "reviewer", "admin");
  const admin = hasRole(actor, "admin");
  if (!admin && filter.entity && (ADMIN_ONLY_ENTITIES as readonly string[]).includes(filter.entity)) throw new AppError("forbidden");
  const where: SQL[] = admin ? [] : [deskVisibleRows()];
  if (filter.entity === "item" && filter.entityId) {
    // An item's log includes what was done to it inside an issue: moves, TOC changes, comments on it.
    where.push(itemRows(filter.entityId));
  } else {
    if (filter.entity) where.push(eq(auditLog.entity, filter.entity));
    if (filter.entityId) where.push(eq(auditLog.entityId, filter.entityId));
  }
  if (filter.before) where.push(lt(auditLog.id, filter.before));
  return where.length ? and(...where) : undefined;
}

/** The audit log, newest first, AUDIT_PAGE rows from `before` (keyset paging), for the desk, review and admin. Read-only: nothing updates it. */
export function listAudit(actor: Actor, filter: z.infer<typeof auditFilterSchema>) {
  const where = auditWhere(actor, filter);
  return db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(AUDIT_PAGE).all();
}

import "server-only";
import { and, desc, eq, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { auditLog } from "@/db/schema";
import { type Actor, requireRole } from "./actor";

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

/**
 * How many rows the log view under `filter` (without `before`) holds. Unfiltered, the log is
 * append-only (triggers refuse UPDATE and DELETE) and its ids come from AUTOINCREMENT, so the count
 * is max(id) − min(id) + 1 read from the primary key instead of counting every row.
 */
export function countAudit(actor: Actor, filter: z.infer<typeof auditFilterSchema>): number {
  requireRole(actor, "editor", "reviewer", "admin");
  const where = auditWhere({ ...filter, before: undefined });
  if (!where) {
    // Two subqueries: SQLite reads a lone min() or max() from the key's end, not both in one select.
    const lo = db.select({ v: sql<number | null>`min(${auditLog.id})` }).from(auditLog).get()?.v;
    const hi = db.select({ v: sql<number | null>`max(${auditLog.id})` }).from(auditLog).get()?.v;
    return hi ? hi - (lo ?? hi) + 1 : 0;
  }
  return db.select({ n: sql<number>`count(*)` }).from(auditLog).where(where).get()?.n ?? 0;
}

function auditWhere(filter: z.infer<typeof auditFilterSchema>): SQL | undefined {
  const where: SQL[] = [];
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
  requireRole(actor, "editor", "reviewer", "admin");
  return db
    .select()
    .from(auditLog)
    .where(auditWhere(filter))
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE)
    .all();
}

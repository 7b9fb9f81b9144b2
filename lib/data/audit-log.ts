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

/** The audit log, newest first, for the desk, review and admin. Read-only: nothing updates it. */
export function listAudit(actor: Actor, filter: z.infer<typeof auditFilterSchema>) {
  requireRole(actor, "editor", "reviewer", "admin");
  const where: SQL[] = [];
  if (filter.entity === "item" && filter.entityId) {
    // An item's log includes what was done to it inside an issue: moves, TOC changes, comments on it.
    where.push(itemRows(filter.entityId));
  } else {
    if (filter.entity) where.push(eq(auditLog.entity, filter.entity));
    if (filter.entityId) where.push(eq(auditLog.entityId, filter.entityId));
  }
  if (filter.before) where.push(lt(auditLog.id, filter.before));
  return db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE)
    .all();
}

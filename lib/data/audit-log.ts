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

/** The audit log, newest first, for the desk, review and admin. Read-only: nothing updates it. */
export function listAudit(actor: Actor, filter: z.infer<typeof auditFilterSchema>) {
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
  return db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE)
    .all();
}

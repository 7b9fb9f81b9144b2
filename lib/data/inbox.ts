import "server-only";
import { asc, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { catalogueSections, items, units, type ItemStatus, ITEM_STATUSES } from "@/db/schema";
import { type Actor, requireRole } from "./actor";

/** The editor's view of what units sent: listing, filtering, counting. */
export const inboxFilterSchema = z.object({ status: z.enum(ITEM_STATUSES).optional() });

export function listInbox(actor: Actor, filter: z.infer<typeof inboxFilterSchema> = {}) {
  requireRole(actor, "editor");
  const rows = db
    .select({
      id: items.id,
      title: items.title,
      status: items.status,
      unitName: units.name,
      source: items.source,
      submittedAt: items.submittedAt,
      version: items.version,
      sectionTitle: catalogueSections.title,
      chars: sql<number>`0`,
    })
    .from(items)
    .innerJoin(units, eq(units.id, items.unitId))
    .leftJoin(catalogueSections, eq(catalogueSections.id, items.suggestedSectionId))
    .where(filter.status ? eq(items.status, filter.status) : ne(items.status, "draft"))
    .orderBy(asc(items.submittedAt), asc(items.id))
    .all();
  const counts = db
    .select({ status: items.status, n: sql<number>`count(*)` })
    .from(items)
    .where(ne(items.status, "draft"))
    .groupBy(items.status)
    .all();
  return { rows, counts: Object.fromEntries(counts.map((c) => [c.status, c.n])) as Partial<Record<ItemStatus, number>> };
}

/** Accepted items not yet in an issue: the pool the editor places from. */
export function listPlaceable(actor: Actor) {
  requireRole(actor, "editor");
  return db
    .select({ id: items.id, title: items.title, unitName: units.name, sectionId: items.suggestedSectionId })
    .from(items)
    .innerJoin(units, eq(units.id, items.unitId))
    .where(eq(items.status, "accepted"))
    .orderBy(asc(items.submittedAt))
    .all();
}


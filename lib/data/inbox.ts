import "server-only";
import { and, asc, desc, eq, gte, inArray, lt, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { catalogueSections, itemStatusCounts, items, units, type ItemStatus, ITEM_STATUSES } from "@/db/schema";
import { type Actor, requireRole } from "./actor";
import { env } from "@/lib/env";
import { readOffThread } from "@/lib/jobs/read-off-thread";
import { type Page, pageOf, pageParam } from "./paging";
import { itemTextMatch } from "./text-match";
import { idSchema, isoDateSchema } from "./validation";
import { chinaInstant } from "@/lib/time";

/** The editor's view of what units sent: filtering, searching, sorting, counting. */
export const INBOX_SORTS = ["submitted_asc", "submitted_desc", "title", "unit"] as const;
const optionalId = z.preprocess((v) => (v === "" || v === null ? undefined : v), idSchema.optional());
const optionalDate = z.preprocess((v) => (v === "" || v === null ? undefined : v), isoDateSchema.optional());
export const inboxFilterSchema = z.object({
  status: z.preprocess((v) => (v === "" ? undefined : v), z.enum(ITEM_STATUSES).exclude(["draft"]).optional()),
  unitId: optionalId,
  sectionId: optionalId,
  from: optionalDate,
  to: optionalDate,
  q: z.string().trim().max(100, "too_long").optional().transform((s) => s || undefined),
  sort: z.preprocess((v) => (v === "" ? undefined : v), z.enum(INBOX_SORTS).optional()),
  page: pageParam,
});
export type InboxFilter = Partial<z.infer<typeof inboxFilterSchema>>;

/**
 * What the inbox opens on when the URL does not say: what waits for a decision (submitted), newest
 * first. Both are served by the index items_status_submitted (status, submitted_at), walked
 * backwards and stopped at the page (lib/data/query-plans.test.ts checks it).
 */
export const INBOX_DEFAULTS = { status: "submitted", sort: "submitted_desc" } as const;

/**
 * The inbox page's filter from its URL (`?status=…&sort=…&unitId=…`), with INBOX_DEFAULTS filled in
 * where a parameter is absent. `status=all` asks for every status (no status filter). A malformed
 * URL gives `ok: false` and the default filter. `tab` is the status tab to mark as current.
 */
export function inboxFilterFromParams(sp: Record<string, string | undefined>): { filter: InboxFilter; tab: ItemStatus | "all"; ok: boolean } {
  const status = sp.status === undefined || sp.status === "" ? INBOX_DEFAULTS.status : sp.status;
  const parsed = inboxFilterSchema.safeParse({ ...sp, status: status === "all" ? undefined : status });
  const filter: InboxFilter = parsed.success ? parsed.data : { status: INBOX_DEFAULTS.status };
  filter.sort ??= INBOX_DEFAULTS.sort;
  return { filter, tab: filter.status ?? "all", ok: parsed.success };
}

function inboxWhere(filter: InboxFilter, withStatus: boolean) {
  const dayStart = (d: string) => chinaInstant(d);
  const text = itemTextMatch(filter.q);
  return and(
    ne(items.status, "draft"),
    withStatus && filter.status ? eq(items.status, filter.status) : undefined,
    filter.unitId ? eq(items.unitId, filter.unitId) : undefined,
    filter.sectionId ? eq(items.suggestedSectionId, filter.sectionId) : undefined,
    filter.from ? gte(items.submittedAt, dayStart(filter.from)) : undefined,
    filter.to ? lt(items.submittedAt, new Date(dayStart(filter.to).getTime() + 86_400_000)) : undefined,
    text === "none" ? sql`0` : text,
  );
}

const ORDERS = {
  submitted_asc: [asc(items.submittedAt), asc(items.id)],
  submitted_desc: [desc(items.submittedAt), desc(items.id)],
  title: [asc(items.title), asc(items.id)],
  unit: [asc(units.name), asc(items.submittedAt)],
};

type Counts = Partial<Record<ItemStatus, number>>;

/**
 * Counts per status under the other filters, so the tabs say what each would show. Without
 * filters they are the counts the triggers keep (item_status_counts), not a count of every item.
 */
function countQuery(filter: InboxFilter) {
  const unfiltered = !filter.unitId && !filter.sectionId && !filter.from && !filter.to && !filter.q;
  return unfiltered
    ? db
        .select({ status: itemStatusCounts.status, n: itemStatusCounts.n })
        .from(itemStatusCounts)
        .where(and(ne(itemStatusCounts.status, "draft"), sql`${itemStatusCounts.n} > 0`))
    : db
        .select({ status: items.status, n: sql<number>`count(*)` })
        .from(items)
        .where(inboxWhere(filter, false))
        .groupBy(items.status);
}

/**
 * The page's ids, from items alone, so the planner walks the index of the sort order and stops at
 * the page (joined up front, it may start from units and sort every row). Sorting by unit needs the
 * units' names, so that one order joins.
 */
function idsQuery(filter: InboxFilter, page: Page) {
  return (filter.sort === "unit" ? db.select({ id: items.id }).from(items).innerJoin(units, eq(units.id, items.unitId)) : db.select({ id: items.id }).from(items))
    .where(inboxWhere(filter, true))
    .orderBy(...ORDERS[filter.sort ?? "submitted_asc"])
    .limit(page.size)
    .offset(page.offset);
}

function pageFor(filter: InboxFilter, countRows: { status: ItemStatus; n: number }[]): { counts: Counts; page: Page } {
  const counts = Object.fromEntries(countRows.map((c) => [c.status, c.n])) as Counts;
  const total = filter.status ? (counts[filter.status] ?? 0) : countRows.reduce((n, c) => n + c.n, 0);
  return { counts, page: pageOf(total, filter.page) };
}

/** The rows of the page's ids, in that order. */
function rowsOf(pageIds: number[]): InboxRow[] {
  if (pageIds.length === 0) return [];
  const byId = new Map(
    db
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
      .where(inArray(items.id, pageIds))
      .all()
      .map((r) => [r.id, r]),
  );
  return pageIds.flatMap((id) => byId.get(id) ?? []);
}

export interface InboxPage {
  rows: InboxRow[];
  counts: Counts;
  page: Page;
}

/**
 * One page (PAGE_SIZE rows) of the inbox under the filters, the counts per status under the other
 * filters (for the tabs), and where the page falls (`page.total` is the rows the list would show).
 */
export function listInbox(actor: Actor, filter: InboxFilter = {}): InboxPage {
  requireRole(actor, "editor");
  const { counts, page } = pageFor(filter, countQuery(filter).all());
  return { rows: rowsOf(idsQuery(filter, page).all().map((r) => r.id)), counts, page };
}

/**
 * listInbox for the page: the same queries, but a text search runs its count and its page of ids on
 * the reader thread (lib/jobs/read-off-thread.ts). The search reads the FTS5 indexes
 * (./text-match.ts), not every item; a very common one-character term still joins thousands of
 * hits, and that work stays off the server thread where everyone else's requests run.
 */
export async function listInboxOffThread(actor: Actor, filter: InboxFilter = {}): Promise<InboxPage> {
  requireRole(actor, "editor");
  if (!filter.q) return listInbox(actor, filter);
  const countRows = (await readOffThread(env.DATABASE_PATH, countQuery(filter).toSQL())).map(([status, n]) => ({ status: status as ItemStatus, n: Number(n) }));
  const { counts, page } = pageFor(filter, countRows);
  const ids = (await readOffThread(env.DATABASE_PATH, idsQuery(filter, page).toSQL())).map(([id]) => Number(id));
  return { rows: rowsOf(ids), counts, page };
}

export interface InboxRow {
  id: number;
  title: string;
  status: ItemStatus;
  unitName: string;
  source: string | null;
  submittedAt: Date | null;
  version: number;
  sectionTitle: string | null;
  chars: number;
}

/** Units and catalogue sections, for the inbox filters. */
export function inboxFilterOptions(actor: Actor) {
  requireRole(actor, "editor");
  return {
    units: db.select({ id: units.id, name: units.name }).from(units).orderBy(asc(units.name)).all(),
    sections: db.select({ id: catalogueSections.id, title: catalogueSections.title }).from(catalogueSections).orderBy(asc(catalogueSections.position)).all(),
  };
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


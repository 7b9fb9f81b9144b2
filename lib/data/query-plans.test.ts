// Every list and filter the pages run, checked with EXPLAIN QUERY PLAN on a database with enough
// rows (20,000 items, 300 issues, their revisions, audit rows and notifications): the real data
// functions are called with a statement tracer on the SQLite client, and every SELECT they prepared
// is explained with the parameters it ran with. A full SCAN of a large table (one not using an
// index) fails the test; the list of queries checked and their plans is printed.
import type { Statement } from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { BULK_SEARCH_WORD, bulkSeed } from "@/lib/testing/bulk-seed";
import { demoActor } from "@/lib/testing/fixtures";
import type { Actor } from "./actor";
import { listUnits, publicationSettings } from "./admin";
import { boardView, upcomingDeadline } from "./arrange";
import { countAudit, listAudit } from "./audit-log";
import { inboxFilterFromParams, inboxFilterOptions, listInbox, listPlaceable } from "./inbox";
import { issueHistory, issueYears, listIssues, loadBulletin, proposeNextIssue } from "./issues";
import { countMyItems, getItem, listMyItems } from "./items";
import { nearDuplicatesOf } from "./near-duplicates";
import { computeStats, resolvePeriod } from "./stats";
import { listPublishedItems } from "./recognition";
import { countNotifications, listNotifications, unreadCount } from "./notifications";
import { pageOf } from "./paging";
import { listThreads, reviewQueue, voidedApproval } from "./review";

const LARGE = ["items", "item_fingerprints", "item_fingerprint_bands", "fingerprint_queue", "leader_instructions", "forwards", "item_revisions", "placements", "audit_log", "notifications", "issues", "issue_sections", "comments", "review_rounds"];

/** Scans allowed on purpose, each with its reason (none: the inbox's search uses the FTS5 indexes). */
const ALLOWED: { test: RegExp; why: string }[] = [];

/**
 * Which plan lines read a whole large table: a bare SCAN, or a SCAN through a (non-covering) index
 * that does not stop early — one that must sort afterwards or has no LIMIT. A SCAN in key order
 * with a LIMIT and no sort (the newest page of the audit log, the inbox in date order) stops at the
 * page; a SCAN of a covering index (counts per status) reads only the index.
 */
function fullScans(plan: string[], sql: string): string[] {
  const sorts = plan.some((d) => /TEMP B-TREE FOR (ORDER|GROUP) BY/.test(d));
  const limited = /\blimit\b/i.test(sql);
  const tables = aliases(sql);
  return plan.filter((d, k) => {
    // Plans name a table by its alias in hand-written SQL (FROM items i): read it as the table.
    const named = /^(SCAN|SEARCH) (\w+)\b(.*)$/.exec(d);
    if (!named) return false;
    const table = tables.get(named[2]) ?? named[2];
    const line = `${named[1]} ${table}${named[3]}`;
    // An office has one publication: items searched by publication_id alone are every item.
    if (/^SEARCH items USING (COVERING )?INDEX \w+ \(publication_id=\?\)/.test(line)) return !limited || sorts;
    // Items searched by status alone inside a join (the line before is another table of the same
    // loop): every published item, once per row of the outer table.
    if (/^SEARCH items USING (COVERING )?INDEX \w+ \(status=\?\)/.test(line) && k > 0 && /^(SCAN|SEARCH) /.test(plan[k - 1])) return true;
    const m = new RegExp(`^SCAN (${LARGE.join("|")})\\b(.*)$`).exec(line);
    if (!m) return false;
    if (/USING COVERING INDEX/.test(m[2])) return false;
    return sorts || !limited;
  });
}

/**
 * Aliases of hand-written SQL (`FROM items i`, `JOIN placements AS p`) to their tables; an alias
 * used for two different tables in one statement (or a CTE's name) is left out, so it is read as
 * itself (not a large table).
 */
function aliases(sql: string): Map<string, string> {
  const seen = new Map<string, Set<string>>();
  const keywords = new Set(["on", "where", "join", "left", "inner", "cross", "group", "order", "limit", "using", "union", "as", "natural"]);
  for (const m of sql.matchAll(/\b(?:from|join)\s+"?(\w+)"?(?:\s+(?:as\s+)?"?(\w+)"?)?/gi)) {
    const [, table, alias] = m;
    if (!alias || keywords.has(alias.toLowerCase())) continue;
    const set = seen.get(alias) ?? new Set<string>();
    set.add(table);
    seen.set(alias, set);
  }
  const out = new Map<string, string>();
  for (const [alias, set] of seen) if (set.size === 1) out.set(alias, [...set][0]);
  return out;
}

interface Traced {
  label: string;
  sql: string;
  params: unknown[];
}
let current = "";
const traced: Traced[] = [];
const client = db.$client;
const realPrepare = client.prepare.bind(client);

/** Wraps the client's prepare so each statement records its SQL and parameters when it runs. */
function trace() {
  (client as unknown as { prepare: (sql: string) => Statement }).prepare = (sql: string) => {
    const stmt = realPrepare(sql);
    if (!/^\s*(select|with)/i.test(sql)) return stmt;
    for (const m of ["all", "get", "iterate"] as const) {
      const orig = (stmt[m] as (...a: unknown[]) => unknown).bind(stmt);
      (stmt as unknown as Record<string, unknown>)[m] = (...params: unknown[]) => {
        traced.push({ label: current, sql, params });
        return orig(...params);
      };
    }
    const raw = stmt.raw.bind(stmt);
    (stmt as unknown as Record<string, unknown>).raw = (on?: boolean) => {
      if (on === undefined) raw();
      else raw(on);
      return stmt;
    };
    return stmt;
  };
}

function run(label: string, fn: () => unknown) {
  current = label;
  fn();
  current = "";
}

let editor: Actor, reviewer: Actor, office: Actor, admin: Actor, contributor: Actor;
let issueId = 0;
let itemId = 0;
let unitId = 0;

beforeAll(() => {
  bulkSeed(client, { items: 20_000, issues: 300, perIssue: 12, contributors: 5 });
  [editor, reviewer, office, admin] = ["editor", "reviewer", "office", "admin"].map(demoActor);
  contributor = demoActor("bench01");
  issueId = (client.prepare("select id from issues where status = 'drafting' order by id desc limit 1").get() as { id: number }).id;
  itemId = (client.prepare("select id from items where status = 'published' order by id limit 1").get() as { id: number }).id;
  unitId = contributor.unitId!;
  trace();
}, 300_000); // seeding 20,000 items takes over a minute on a loaded machine
afterAll(() => {
  (client as unknown as { prepare: typeof realPrepare }).prepare = realPrepare;
});

describe("query plans at 20,000 items and 300 issues", () => {
  // Planned twice: as a new database has it (no statistics: the planner's defaults) and after
  // ANALYZE (statistics that make small tables look cheap to start from).
  for (const mode of ["without statistics", "after ANALYZE"] as const) {
    it(`no list or filter the pages run scans a large table (${mode})`, () => {
      if (mode === "after ANALYZE") client.exec("analyze");
      traced.length = 0;
      exercise();
      check(mode);
    });
  }
});

/** Every list and filter the pages call, as they call them. */
function exercise() {
    // The inbox: default, each tab, each filter, each sort, a search.
  run("inbox: default", () => listInbox(editor));
  run("inbox: opening page (waiting, newest first)", () => listInbox(editor, inboxFilterFromParams({}).filter));
  run("inbox: opening page 5", () => listInbox(editor, inboxFilterFromParams({ page: "5" }).filter));
  run("inbox: every status, newest first", () => listInbox(editor, inboxFilterFromParams({ status: "all" }).filter));
  for (const status of ["submitted", "accepted", "returned", "declined", "placed", "published"] as const) run(`inbox: status=${status}`, () => listInbox(editor, { status }));
  run("inbox: by unit", () => listInbox(editor, { unitId }));
  run("inbox: by unit + status", () => listInbox(editor, { unitId, status: "submitted" }));
  run("inbox: by section", () => listInbox(editor, { sectionId: 1 }));
  run("inbox: submitted between dates", () => listInbox(editor, { from: "2020-01-01", to: "2020-03-31" }));
  for (const sort of ["submitted_desc", "title", "unit"] as const) run(`inbox: sort=${sort}`, () => listInbox(editor, { sort }));
  run("inbox: search", () => listInbox(editor, { q: BULK_SEARCH_WORD }));
  // The search through the FTS5 indexes: each term length, several terms, with filters and sorts.
  run("inbox: search, 1 character", () => listInbox(editor, { q: BULK_SEARCH_WORD.slice(0, 1) }));
  run("inbox: search, 4 characters", () => listInbox(editor, { q: "科普讲座" }));
  run("inbox: search, long + short terms", () => listInbox(editor, { q: `学术年会 ${BULK_SEARCH_WORD}` }));
  run("inbox: search + status", () => listInbox(editor, { q: BULK_SEARCH_WORD, status: "submitted" }));
  run("inbox: search + unit", () => listInbox(editor, { q: "科普讲座", unitId }));
  run("inbox: search + dates", () => listInbox(editor, { q: "科普讲座", from: "2020-01-01", to: "2020-12-31" }));
  for (const sort of ["submitted_desc", "title", "unit"] as const) run(`inbox: search, sort=${sort}`, () => listInbox(editor, { q: BULK_SEARCH_WORD, sort }));
  run("inbox: page 40", () => listInbox(editor, { page: 40 }));
  run("inbox: status=declined page 20", () => listInbox(editor, { status: "declined", page: 20 }));
  run("inbox: filter options", () => inboxFilterOptions(editor));
  run("pool: accepted items", () => listPlaceable(editor));
  // The inbox's near-duplicate marks: taking the queued fingerprints, then the marks found (banded
  // lookups), then the same page again (cached marks compared with what came since).
  const waiting = () => listInbox(editor, inboxFilterFromParams({}).filter).rows.map((r) => r.id);
  run("inbox: near-duplicate marks, first", () => nearDuplicatesOf(editor, waiting()));
  run("inbox: near-duplicate marks, cached", () => nearDuplicatesOf(editor, waiting()));
  // The contributor.
  run("contributor: my items", () => listMyItems(contributor));
  run("contributor: my items by status", () => listMyItems(contributor, { status: "submitted" }));
  run("contributor: counts", () => countMyItems(contributor));
  run("contributor: my items page 3", () => listMyItems(contributor, { page: pageOf(countMyItems(contributor).declined, 3) }));
  run("contributor: upcoming deadline", () => upcomingDeadline(contributor));
  // Issues.
  run("issue lists: all issues", () => listIssues(editor));
  run("issue lists: propose next", () => proposeNextIssue(editor));
  run("issue lists: approved (office)", () => listIssues(office, { status: "approved" }));
  run("issue lists: open issues (desk)", () => listIssues(editor, { status: ["drafting", "in_review", "approved"] }));
  run("archive: years with counts", () => issueYears(office, { status: "distributed" }));
  run("archive: a page", () => listIssues(office, { status: "distributed", page: pageOf(300, 3) }));
  run("archive: one year", () => listIssues(office, { status: "distributed", year: 2014 }));
  run("desk issues: years", () => issueYears(editor));
  run("review queue", () => reviewQueue(reviewer));
  run("board", () => boardView(editor, issueId));
  run("bulletin of an issue", () => loadBulletin(issueId));
  run("issue history", () => issueHistory(editor, issueId));
  run("review threads", () => listThreads(reviewer, issueId));
  run("voided approval", () => voidedApproval(editor, issueId));
  run("item by id", () => getItem(editor, itemId));
  // Audit log and notifications.
  run("audit: newest", () => listAudit(admin, {}));
  run("audit: older page", () => listAudit(admin, { before: 5000 }));
  run("audit: an issue", () => listAudit(editor, { entity: "issue", entityId: issueId }));
  run("audit: an item (with issue rows naming it)", () => listAudit(editor, { entity: "item", entityId: itemId }));
  run("audit: by entity kind", () => listAudit(admin, { entity: "user" }));
  run("audit: count, unfiltered", () => countAudit(admin, {}));
  run("audit: count, an issue", () => countAudit(editor, { entity: "issue", entityId: issueId }));
  run("audit: count, an item", () => countAudit(editor, { entity: "item", entityId: itemId }));
  run("notifications: list", () => listNotifications(contributor));
  run("notifications: unread count", () => unreadCount(contributor));
  run("notifications: count", () => countNotifications(contributor));
  run("notifications: page 2", () => listNotifications(contributor, pageOf(countNotifications(contributor), 2)));
  // Statistics (the pages read them on the reader thread; the plans are the same).
  run("stats: a month", () => computeStats(db, 1, resolvePeriod({ period: "month", year: 2020, month: 6 })));
  run("stats: a year", () => computeStats(db, 1, resolvePeriod({ period: "year", year: 2020 })));
  run("office: published items (for 批示)", () => listPublishedItems(office, {}));
  run("office: published items, a search", () => listPublishedItems(office, { q: "科普" }));
  // Admin.
  run("admin: units with counts", () => listUnits(admin));
  run("admin: publication settings", () => publicationSettings(admin));

}

function check(mode: string) {
  const seen = new Set<string>();
  const failures: string[] = [];
  const lines: string[] = [];
  for (const q of traced) {
    const key = `${q.label}\n${q.sql}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const plan = (client.prepare(`explain query plan ${q.sql}`).all(...(q.params as never[])) as { detail: string }[]).map((r) => r.detail);
    const scans = fullScans(plan, q.sql);
    const allowed = ALLOWED.find((a) => a.test.test(q.sql));
    const mark = scans.length ? (allowed ? `ALLOWED (${allowed.why})` : "FULL SCAN") : "ok";
    lines.push(`[${mark}] ${q.label}: ${q.sql.replace(/\s+/g, " ").slice(0, 160)}\n      ${plan.join(" | ")}`);
    if (scans.length && !allowed) failures.push(`${q.label}: ${scans.join(", ")}\n  ${q.sql}`);
  }
  console.log(`query plans checked (${mode}): ${seen.size} distinct queries from ${new Set(traced.map((t) => t.label)).size} calls\n${lines.join("\n")}`);
  expect(seen.size).toBeGreaterThan(30);
  expect(failures).toEqual([]);
}

// nice npx tsx bench/db-time.ts [data/scale-seed.sqlite]
// Time in the database of each list the pages run, at the scale bench's size (run bench/scale.ts
// once first: it writes the seed). Works on a copy, with this branch's migrations applied.
// Median of 9 runs per call, in ms; the ones over 20 ms are marked, except those the pages run on the
// database reader thread (lib/jobs/read-off-thread.ts), marked "(reader thread)": timed here on this one.
import { copyFileSync } from "node:fs";
import path from "node:path";
const seed = path.resolve(process.argv[2] ?? "data/scale-seed.sqlite");
const copy = path.resolve("data/db-time.sqlite");
copyFileSync(seed, copy);
process.env.DATABASE_PATH = copy;
process.env.SEED_DEMO = "0";

async function main() {
  await import("./setup-env");
  process.env.DATABASE_PATH = copy;
  const { demoActor } = await import("@/lib/testing/fixtures");
  const { BULK_SEARCH_WORD } = await import("@/lib/testing/bulk-seed");
  const { listInbox } = await import("@/lib/data/inbox");
  const { listIssues, issueYears, loadBulletin } = await import("@/lib/data/issues");
  const { listMyItems, countMyItems, saveOwnItem, getItem, itemFieldsOf } = await import("@/lib/data/items");
  const { boardView } = await import("@/lib/data/arrange");
  const { reviewQueue } = await import("@/lib/data/review");
  const { listAudit, countAudit } = await import("@/lib/data/audit-log");
  const { listNotifications, countNotifications } = await import("@/lib/data/notifications");
  const { pageOf } = await import("@/lib/data/paging");
  const { searchItems } = await import("@/lib/data/search");
  const { computeStats, resolvePeriod } = await import("@/lib/data/stats");
  const { nearDuplicatesOf, findNearDuplicates, refreshFingerprints } = await import("@/lib/data/near-duplicates");
  const { inboxFilterFromParams } = await import("@/lib/data/inbox");
  const { db } = await import("@/db");
  {
    const t = performance.now();
    const n = refreshFingerprints(); // the background drain's whole work, at once
    console.log(`     (fingerprints of ${n} queued items taken first: ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  }
  const [editor, office, reviewer, admin, unit] = ["editor", "office", "reviewer", "admin", "bench01"].map(demoActor);
  const board = (db.$client.prepare("select id from issues where status = 'drafting' order by id desc limit 1").get() as { id: number }).id;
  const waiting = listInbox(editor, inboxFilterFromParams({}).filter).rows.map((r) => r.id);
  {
    const t = performance.now();
    nearDuplicatesOf(editor, waiting);
    console.log(`     (near-duplicate marks of the inbox's first page, found the first time: ${(performance.now() - t).toFixed(0)} ms)`);
  }
  // A bench contributor's draft, saved as the form's autosave does.
  const draftRow = db.$client.prepare("select i.id, u.username from items i join users u on u.id = i.author_id where i.status = 'draft' and u.username like 'bench%' order by i.id limit 1").get() as { id: number; username: string };
  const author = demoActor(draftRow.username);
  let draft = getItem(author, draftRow.id);
  const calls: [string, () => unknown][] = [
    ["inbox (default)", () => listInbox(editor)],
    ["inbox page 100", () => listInbox(editor, { page: 100 })],
    ["inbox status=submitted", () => listInbox(editor, { status: "submitted" })],
    ["inbox sort=title", () => listInbox(editor, { sort: "title" })],
    ["inbox sort=unit", () => listInbox(editor, { sort: "unit" })],
    [`inbox search ${BULK_SEARCH_WORD} (reader thread)`, () => listInbox(editor, { q: BULK_SEARCH_WORD })],
    ["inbox search 航 (1 char) (reader thread)", () => listInbox(editor, { q: "航" })],
    ["inbox search 科 (1 char, most items) (reader thread)", () => listInbox(editor, { q: "科" })],
    ["inbox search 科普 (2 chars, common) (reader thread)", () => listInbox(editor, { q: "科普" })],
    ["inbox search 院士专家 (4 chars) (reader thread)", () => listInbox(editor, { q: "院士专家" })],
    ["inbox search 航天 学术年会 (2 terms) (reader thread)", () => listInbox(editor, { q: `${BULK_SEARCH_WORD} 学术年会` })],
    ["inbox search 科普 sort=title (reader thread)", () => listInbox(editor, { q: "科普", sort: "title" })],
    ["archive years + page", () => [issueYears(office, { status: "distributed" }), listIssues(office, { status: "distributed", page: pageOf(1000, 1) })]],
    ["archive all issues (before paging)", () => listIssues(office)],
    ["office approved", () => listIssues(office, { status: "approved" })],
    ["review queue", () => reviewQueue(reviewer)],
    ["board view", () => boardView(editor, board)],
    ["bulletin of the board's issue", () => loadBulletin(board)],
    ["my items page 1 + counts", () => listMyItems(unit, { page: pageOf(Object.values(countMyItems(unit)).reduce((a, b) => a + b, 0), 1) })],
    ["audit newest + count", () => [listAudit(admin, {}), countAudit(admin, {})]],
    ["notifications page + count", () => listNotifications(unit, pageOf(countNotifications(unit), 1))],
    ["archive search 科普 (/search)", () => searchItems(office, { q: "科普" })],
    [`archive search ${BULK_SEARCH_WORD} in 2020`, () => searchItems(office, { q: BULK_SEARCH_WORD, year: 2020 })],
    ["archive search 院士专家 学术年会", () => searchItems(office, { q: "院士专家 学术年会" })],
    // The pages read these on the reader thread (computeStatsOffThread); timed here on this one.
    ["stats: a month (reader thread)", () => computeStats(db, 1, resolvePeriod({ period: "month", year: 2020, month: 6 }))],
    ["stats: a year (reader thread)", () => computeStats(db, 1, resolvePeriod({ period: "year", year: 2020 }))],
    ["stats: ten years (reader thread)", () => computeStats(db, 1, resolvePeriod({ period: "range", from: "2013-01-01", to: "2022-12-31" }))],
    ["near-duplicate marks, inbox page (cached)", () => nearDuplicatesOf(editor, waiting)],
    ["autosave of a draft (saveOwnItem)", () => {
      const r = saveOwnItem(author, { ...itemFieldsOf(draft), id: draft.id, version: draft.version, title: `${draft.title.slice(0, 20)}${draft.version}` }, { autosave: true });
      if (r.kind === "saved") draft = getItem(author, r.id);
    }],
    ["near-duplicates of one waiting item", () => findNearDuplicates(editor, waiting[0])],
  ];
  for (const [name, fn] of calls) {
    fn();
    const ms: number[] = [];
    for (let i = 0; i < 9; i++) {
      const t = performance.now();
      fn();
      ms.push(performance.now() - t);
    }
    const med = ms.sort((a, b) => a - b)[4];
    console.log(`${med > 20 && !name.includes("reader thread") ? "OVER" : "    "} ${name.padEnd(52)} ${med.toFixed(1).padStart(7)} ms`);
  }
}
main();

// npx tsx bench/stats.ts [--keep PATH]
// The statistics page's query for a year of a 200-unit office — 10,000 items submitted through the
// year, 50 distributed issues carrying 1,500 of them (a lead item, TOC highlights, co-units joined
// by 、), leader instructions and forwards, three rule versions in force during the year — against a plain COUNT(*) over the same rows (the year's
// submitted items, and the year's placements) in the same run. Median of 30 runs after a warm-up.
// Reports figures only; it asserts nothing.
import "./setup-env";
import { copyFileSync } from "node:fs";
import { db } from "@/db";
import { computeStats, resolvePeriod } from "@/lib/data/stats";

const UNITS = 200;
const ITEMS = 10_000;
const ISSUES = 50;
const PER_ISSUE = 30;
const YEAR = 2025;
const KINDS = ["district", "society", "grassroots", "department", "institution"];

// A fixed-seed generator, so every run builds the same office.
let seed = 20250101;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);

const c = db.$client;
const pubId = (c.prepare("select id from publications order by id limit 1").get() as { id: number }).id;
const body = JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "某单位开展主题活动，反响热烈。" }] }] });

const seeded = c.transaction(() => {
  const insUnit = c.prepare("insert into units (name, kind) values (?, ?)");
  const unitIds: number[] = [];
  const names: string[] = [];
  for (let u = 0; u < UNITS; u++) {
    const name = `测试单位${String(u + 1).padStart(3, "0")}`;
    unitIds.push(Number(insUnit.run(name, KINDS[u % KINDS.length]).lastInsertRowid));
    names.push(name);
  }
  const insItem = c.prepare(
    "insert into items (publication_id, unit_id, title, body, source, status, submitted_at, version) values (?, ?, ?, ?, ?, ?, ?, 1)",
  );
  const insIssue = c.prepare(
    "insert into issues (publication_id, year, number, total_number, date, status, imported) values (?, ?, ?, ?, ?, 'distributed', 0)",
  );
  const insSection = c.prepare("insert into issue_sections (issue_id, title, position) values (?, ?, ?)");
  const insPlacement = c.prepare("insert into placements (issue_id, section_id, item_id, position, in_toc) values (?, ?, ?, ?, ?)");
  const insInstruction = c.prepare("insert into leader_instructions (item_id, leader, level, date, text) values (?, '某领导', ?, ?, '请总结推广。')");
  const insForward = c.prepare("insert into forwards (item_id, target, date, used, used_date) values (?, '《中国科协信息》', ?, 1, ?)");
  const start = Date.parse(`${YEAR}-01-01T00:00:00+08:00`);
  const yearMs = 365 * 86_400_000;
  const statuses = ["submitted", "returned", "declined", "accepted"];
  const published: number[] = [];
  for (let i = 0; i < ITEMS; i++) {
    // Some units are far busier than others, as in a real office.
    const u = Math.floor(rand() ** 2 * UNITS);
    const co = rand() < 0.1 ? `${names[u]}、${names[(u + 1) % UNITS]}` : names[u];
    const isPub = rand() < 0.16 && published.length < ISSUES * PER_ISSUE;
    const id = Number(insItem.run(pubId, unitIds[u], `稿件${i + 1}`, body, co, isPub ? "published" : statuses[Math.floor(rand() * 4)], start + Math.floor((i / ITEMS) * yearMs)).lastInsertRowid);
    if (isPub) published.push(id);
  }
  for (let n = 0; n < ISSUES; n++) {
    const date = new Date(start + Math.floor(((n + 0.5) / ISSUES) * yearMs) + 8 * 3600_000).toISOString().slice(0, 10);
    const issueId = Number(insIssue.run(pubId, YEAR, n + 1, 1000 + n, date).lastInsertRowid);
    const lead = Number(insSection.run(issueId, null, 0).lastInsertRowid);
    const other = Number(insSection.run(issueId, "基层动态", 1).lastInsertRowid);
    for (let k = 0; k < PER_ISSUE; k++) {
      const itemId = published[n * PER_ISSUE + k];
      if (itemId === undefined) break;
      insPlacement.run(issueId, k === 0 ? lead : other, itemId, k, k < 5 ? 1 : 0);
      if (k % 10 === 1) insInstruction.run(itemId, ["central", "provincial", "bureau", "other"][k % 4], date);
      if (k % 10 === 2) insForward.run(itemId, date, date);
    }
  }
});
seeded();
// Two rule versions during the year, so the query scores each event by the version in force.
const insRules = c.prepare(
  `insert into scoring_rules (publication_id, effective_from, per_submission, per_lead, per_highlight, per_ordinary, per_instruction_central,
     per_instruction_provincial, per_instruction_bureau, per_instruction_other, per_forward_used, per_call_answered, per_call_missed, co_unit_share)
   values (?, ?, 1, ?, 5, 3, 20, 15, 10, 5, 10, 2, 2, ?)`,
);
insRules.run(pubId, `${YEAR}-04-01`, 10, 1);
insRules.run(pubId, `${YEAR}-10-01`, 12, 0.5);
c.exec("analyze");

const period = resolvePeriod({ period: "year", year: YEAR });
const fromMs = Date.parse(`${YEAR}-01-01T00:00:00+08:00`);
const toMs = Date.parse(`${YEAR + 1}-01-01T00:00:00+08:00`);
const countItems = c.prepare("select count(*) n from items where publication_id = ? and submitted_at >= ? and submitted_at < ? and status <> 'draft'");
const countPlaced = c.prepare(
  "select count(*) n from issues s join placements p on p.issue_id = s.id join items i on i.id = p.item_id where s.publication_id = ? and s.date >= ? and s.date <= ? and i.status = 'published'",
);

function median(fn: () => unknown, runs = 30): number {
  fn();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

let result = computeStats(db, pubId, period);
const statsMs = median(() => (result = computeStats(db, pubId, period)));
const countMs = median(() => {
  countItems.get(pubId, fromMs, toMs);
  countPlaced.get(pubId, period.from, period.to);
});
const submitted = (countItems.get(pubId, fromMs, toMs) as { n: number }).n;
const placed = (countPlaced.get(pubId, period.from, period.to) as { n: number }).n;
console.log(
  `stats ${YEAR}: ${result.rows.length} units, ${submitted} items submitted, ${placed} adopted in ${ISSUES} issues ` +
    `(totals: submitted ${result.totals.submitted}, adopted ${result.totals.adopted}, score ${result.totals.score}) — ` +
    `stats query ${statsMs.toFixed(1)} ms (median of 30) vs plain COUNT(*) ${countMs.toFixed(1)} ms; target < 200 ms`,
);
const keep = process.argv.indexOf("--keep");
if (keep > 0 && process.argv[keep + 1]) {
  c.pragma("wal_checkpoint(TRUNCATE)");
  copyFileSync(process.env.DATABASE_PATH ?? "", process.argv[keep + 1]);
  console.log(`database kept at ${process.argv[keep + 1]}`);
}

// npx tsx bench/arrange.ts
// Server-side time of one reorder on the arrange board — an issue with 200 placed items, an inbox of
// 10,000 items — against the plain database write of the same change (the same position updates
// and version bump, prepared statements in one transaction) as the baseline, in the same run.
// Reports figures only; it asserts nothing.
import "./setup-env";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { issueSections, placements, units, users } from "@/db/schema";
import { loadActor } from "@/lib/auth/users";
import { arrangeIssue, boardView } from "@/lib/data/arrange";
import { createIssue, getIssue } from "@/lib/data/issues";

const INBOX = 10_000;
const PLACED = 200;
const SECTIONS = 8;
const ROUNDS = 300;

const editorId = db.select({ id: users.id }).from(users).where(eq(users.username, "editor")).get()!.id;
const editor = loadActor(editorId)!;
const pubId = (db.$client.prepare("select id from publications order by id limit 1").get() as { id: number }).id;
const unitIds = db.select({ id: units.id }).from(units).all().map((u) => u.id);

// The inbox: 10,000 items from the units, as many paragraphs as a real item; PLACED + 300 accepted.
const body = JSON.stringify({
  type: "doc",
  content: Array.from({ length: 5 }, (_, i) => ({ type: "paragraph", content: [{ type: "text", text: `第${i + 1}段，某区科协组织开展科普活动，参加人数较多，反响热烈。`.repeat(3) }] })),
});
const insert = db.$client.prepare(
  "insert into items (publication_id, unit_id, title, body, source, status, submitted_at, version) values (?, ?, ?, ?, ?, ?, ?, 1)",
);
const statuses = ["submitted", "returned", "declined", "published"];
db.$client.transaction(() => {
  for (let i = 0; i < INBOX; i++) {
    const status = i < PLACED + 300 ? "accepted" : statuses[i % statuses.length];
    insert.run(pubId, unitIds[i % unitIds.length], `稿件标题第${i + 1}篇：某区科协开展主题活动`, body, "昌平区科协", status, Date.now() - i * 60_000);
  }
})();
const accepted = (db.$client.prepare("select id from items where status = 'accepted' order by id limit ?").all(PLACED) as { id: number }[]).map((r) => r.id);

const issue = createIssue(editor, { year: 2026, number: 1, totalNumber: 79, date: "2026-11-20" });
const version = () => getIssue(editor, issue.id).version;
const titles = ["主题教育", "科学家精神", "科创工作", "科普工作", "科技交流", "学术交流", "人才培育", "基层动态"].slice(0, SECTIONS);
for (const title of titles) arrangeIssue(editor, { issueId: issue.id, version: version(), change: { op: "addSection", title } });
const sectionIds = db.select({ id: issueSections.id }).from(issueSections).where(eq(issueSections.issueId, issue.id)).all().map((s) => s.id);
accepted.forEach((itemId, i) =>
  arrangeIssue(editor, { issueId: issue.id, version: version(), change: { op: "move", itemId, sectionId: sectionIds[i % SECTIONS], index: 1000 } }),
);
const section = sectionIds[0];
const inSection = db.select({ itemId: placements.itemId }).from(placements).where(eq(placements.sectionId, section)).orderBy(placements.position).all();
const itemCount = (db.$client.prepare("select count(*) n from items").get() as { n: number }).n;
const placedCount = (db.$client.prepare("select count(*) n from placements where issue_id = ?").get(issue.id) as { n: number }).n;

// The reorder: the first item of a section of 25 goes to the middle, then back (same rows each round).
const mid = Math.floor(inSection.length / 2);
const moves = [
  { itemId: inSection[0].itemId, index: mid },
  { itemId: inSection[0].itemId, index: 0 },
];

/** Baseline: the same rows written directly — new positions for the section, the issue version bumped. */
const selectSection = db.$client.prepare("select id, position from placements where section_id = ? order by position, id");
const selectItem = db.$client.prepare("select id from placements where item_id = ?");
const setPosition = db.$client.prepare("update placements set position = ? where id = ?");
const bump = db.$client.prepare("update issues set version = version + 1 where id = ?");
const plainWrite = db.$client.transaction((itemId: number, index: number) => {
  const rows = selectSection.all(section) as { id: number; position: number }[];
  const me = (selectItem.get(itemId) as { id: number }).id;
  const at = rows.findIndex((r) => r.id === me);
  const [moved] = rows.splice(at, 1);
  rows.splice(index, 0, moved);
  rows.forEach((r, i) => r.position !== i && setPosition.run(i, r.id));
  bump.run(issue.id);
});

function time(work: (round: number) => void): { median: number; p95: number } {
  for (let r = 0; r < 20; r++) work(r); // warm-up
  const ms: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = process.hrtime.bigint();
    work(r);
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)], p95: ms[Math.floor(ms.length * 0.95)] };
}

const baseline = time((r) => plainWrite(moves[r % 2].itemId, moves[r % 2].index));
let v = version();
const arrange = time((r) => {
  v = arrangeIssue(editor, { issueId: issue.id, version: v, change: { op: "move", itemId: moves[r % 2].itemId, sectionId: section, index: moves[r % 2].index } }).version;
});
// What the server action does: the change, then the board it answers with (pool, counts, preview).
const action = time((r) => {
  v = arrangeIssue(editor, { issueId: issue.id, version: v, change: { op: "move", itemId: moves[r % 2].itemId, sectionId: section, index: moves[r % 2].index } }).version;
  boardView(editor, issue.id);
});
const f = (n: number) => `${n.toFixed(3)} ms`;

console.log(`inbox ${itemCount.toLocaleString("en-US")} items, issue with ${placedCount} placed items in ${SECTIONS} sections; reorder within a section of ${inSection.length}; median (p95) of ${ROUNDS} rounds`);
console.log(`plain database write (baseline):        ${f(baseline.median)} (${f(baseline.p95)})`);
console.log(`arrangeIssue (checks, version, audit):  ${f(arrange.median)} (${f(arrange.p95)})   ratio ${(arrange.median / baseline.median).toFixed(1)}×`);
console.log(`arrangeAction (change + board answer):  ${f(action.median)} (${f(action.p95)})   ratio ${(action.median / baseline.median).toFixed(1)}×`);

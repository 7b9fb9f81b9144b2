// npx tsx bench/search.ts
// Search over 100,000 items: p50/p95 of searchItems (the FTS5 trigram + bigram indexes) for a
// one-character (科 in nearly every item, 攀 rare: a bigram prefix query), a two-character (科普) and a four/five-character (科技工作者, 院士专家) query, against a LIKE scan of
// title, body and attribution returning the same first page and count, in the same run. Each item
// has one or two real sentences from the three sample issues and filler drawn from the samples'
// character frequencies, so a word like 科普 is in some items, not in nearly all of them.
// Reports figures only; it asserts nothing.
import "./setup-env";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { units, users } from "@/db/schema";
import { loadActor } from "@/lib/auth/users";
import { COUNT_CAP, searchItems } from "@/lib/data/search";

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const ROUNDS = 41;

const dir = path.join(__dirname, "../db/samples");
const text = readdirSync(dir)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => readFileSync(path.join(dir, f), "utf8"))
  .join("\n");
const sentences = text
  .replace(/\s+/g, "")
  .split(/(?<=[。；！？])/)
  .filter((s) => s.length >= 8 && s.length <= 200);

const chars = [...text.replace(/[^\u4e00-\u9fff]/g, "")];
// Deterministic pseudo-random numbers, so every run indexes the same items.
let seed = 42;
const rnd = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};

function filler(n: number): string {
  let s = "";
  for (let i = 1; i <= n; i++) s += i % 40 === 0 ? "。" : i % 13 === 0 ? "，" : chars[rnd(chars.length)];
  return s + "。";
}

const editor = loadActor(db.select({ id: users.id }).from(users).where(eq(users.username, "editor")).get()!.id)!;
const pubId = (db.$client.prepare("select id from publications order by id limit 1").get() as { id: number }).id;
const unitRows = db.select({ id: units.id, name: units.name }).from(units).all();

const insert = db.$client.prepare("insert into items (publication_id, unit_id, title, body, source, status, submitted_at, version) values (?, ?, ?, ?, ?, 'submitted', ?, 1)");
const t0 = performance.now();
db.$client.transaction(() => {
  for (let i = 0; i < ITEMS; i++) {
    const unit = unitRows[rnd(unitRows.length)];
    const paras = Array.from({ length: 3 + rnd(3) }, (_, p) => ({ type: "paragraph", content: [{ type: "text", text: p < 1 + rnd(2) ? sentences[rnd(sentences.length)] : filler(60 + rnd(60)) }] }));
    const title = sentences[rnd(sentences.length)].slice(0, 24 + rnd(10)).replace(/[，。；]$/, "");
    insert.run(pubId, unit.id, title, JSON.stringify({ type: "doc", content: paras }), unit.name, Date.now() - i * 60_000);
  }
})();
const loadMs = performance.now() - t0;
const count = (db.$client.prepare("select count(*) n from items").get() as { n: number }).n;

const likeFirst = db.$client.prepare(
  "select id from items where status <> 'draft' and (title like @q or body like @q or source like @q) order by id desc limit 50",
);
// Counted up to the same cap as searchItems counts.
const likeCount = db.$client.prepare(
  `select count(*) n from (select 1 from items where status <> 'draft' and (title like @q or body like @q or source like @q) limit ${COUNT_CAP + 1})`,
);
const likeAll = db.$client.prepare("select count(*) n from items where status <> 'draft' and (title like @q or body like @q or source like @q)");

const likeUnitFirst = db.$client.prepare(
  "select id from items where status <> 'draft' and unit_id = @unitId and (title like @q or body like @q or source like @q) order by id desc limit 50",
);
const likeUnitCount = db.$client.prepare(
  `select count(*) n from (select 1 from items where status <> 'draft' and unit_id = @unitId and (title like @q or body like @q or source like @q) limit ${COUNT_CAP + 1})`,
);

function time(fn: () => unknown) {
  const ms: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const s = performance.now();
    fn();
    ms.push(performance.now() - s);
  }
  ms.sort((a, b) => a - b);
  return { p50: ms[Math.floor(ms.length / 2)], p95: ms[Math.floor(ms.length * 0.95)] };
}

console.log(`search bench: ${count} items (${ITEMS} generated in ${(loadMs / 1000).toFixed(1)} s with the index triggers), ${ROUNDS} rounds each`);
const oneUnit = unitRows.find((u) => u.name === "昌平区科协") ?? unitRows[0];
for (const [q, unitId] of [["科"], ["攀"], ["科普"], ["制冷"], ["科技工作者"], ["院士专家"], ["科普", oneUnit.id]] as [string, number?][]) {
  const r = searchItems(editor, { q, unitId });
  const like = `%${q}%`;
  const likeTotal = unitId ? "-" : (likeAll.get({ q: like }) as { n: number }).n;
  const fts = time(() => searchItems(editor, { q, unitId }));
  const scan = time(() => {
    if (unitId) {
      likeUnitFirst.all({ q: like, unitId });
      likeUnitCount.get({ q: like, unitId });
    } else {
      likeFirst.all({ q: like });
      likeCount.get({ q: like });
    }
  });
  console.log(
    `${q} (${[...q].length} chars${unitId ? `, unit ${oneUnit.name}` : ""}): ${r.total}${r.totalCapped ? "+" : ""} hits (LIKE finds ${likeTotal}) — search p50 ${fts.p50.toFixed(1)} ms, p95 ${fts.p95.toFixed(1)} ms; LIKE scan p50 ${scan.p50.toFixed(1)} ms, p95 ${scan.p95.toFixed(1)} ms; ${(scan.p50 / fts.p50).toFixed(1)}× faster`,
  );
}

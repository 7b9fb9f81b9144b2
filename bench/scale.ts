// nice npx tsx bench/scale.ts [--app DIR] [--port 3170] [--seed data/scale-seed.sqlite] [--out FILE] [--autosave-rounds 3]
//
// The app at archive scale: ten years, 100,000 items and 1,000 issues. Seeds the database once into
// data/scale-seed.sqlite (kept and reused; delete it to reseed), copies it for the run, starts the
// built app (`next start`, build it first) against the copy, and prints p50/p95 over HTTP with one
// user and with ten for the inbox, an inbox search, the archive, the issue lists and the board —
// each as a ratio to a baseline measured in the same run: a primary-key lookup over HTTP (opening an
// already-read notification: session, one row by id, a redirect). Then the autosave latency of 20
// contributors typing at once, alone and while an editor keeps searching the inbox.
// Reports figures only; it asserts nothing. Noisy on a shared machine: compare ratios, not ms.
//
// The seed is a documented bulk path (lib/testing/bulk-seed.ts: prepared statements in one
// transaction, keeping the invariants the product's functions keep), not 100,000 calls of those
// functions (hours here).
import "./setup-env";
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { encode } from "next-auth/jwt";
import { openDatabase } from "@/db/open";
import { BULK_SEARCH_WORD, bulkSeed } from "@/lib/testing/bulk-seed";
import { seedDemo } from "../db/seed";

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const root = path.resolve(__dirname, "..");
const APP = path.resolve(arg("app", root));
const PORT = Number(arg("port", "3170"));
const SEED = path.resolve(root, arg("seed", "data/scale-seed.sqlite"));
const RUN_DB = path.resolve(root, `data/scale-run-${PORT}.sqlite`);
const OUT = arg("out", "");
const ITEMS = 100_000;
const ISSUES = 1_000;
const PER_ISSUE = 12;
const CONTRIBUTORS = 20;
const SEARCH = BULK_SEARCH_WORD; // in about 1% of the items
const ROUNDS = Number(arg("autosave-rounds", "3"));
const SECRET = "bench-scale-secret-0123456789abcdef0123456789";
const BASE = `http://127.0.0.1:${PORT}`;

// ---------------------------------------------------------------------------------------------
// Seeding (once)

function seed(target: string) {
  // Built under another name and renamed at the end, so a failed seed is never reused.
  const file = `${target}.partial`;
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  const db = openDatabase(file);
  seedDemo(db);
  const c = db.$client;
  const ms = bulkSeed(c, { items: ITEMS, issues: ISSUES, perIssue: PER_ISSUE, contributors: CONTRIBUTORS });
  c.pragma("wal_checkpoint(TRUNCATE)");
  const n = (sql: string) => (c.prepare(sql).get() as { n: number }).n;
  console.log(`seeded ${n("select count(*) n from items")} items, ${n("select count(*) n from issues")} issues, ${n("select count(*) n from audit_log")} audit rows, ${n("select count(*) n from notifications")} notifications in ${(ms / 1000).toFixed(0)} s`);
  c.close();
  renameSync(file, target);
}

// ---------------------------------------------------------------------------------------------
// HTTP

let server: ChildProcess | null = null;
async function startServer() {
  const next = path.join(APP, "node_modules/.bin/next");
  server = spawn("nice", [next, "start", "-p", String(PORT)], {
    cwd: APP,
    env: { ...process.env, DATABASE_PATH: RUN_DB, SEED_DEMO: "0", AUTH_SECRET: SECRET, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  server.stdout?.on("data", (d) => (log += d));
  server.stderr?.on("data", (d) => (log += d));
  for (let i = 0; i < 240; i++) {
    try {
      const r = await fetch(`${BASE}/login`);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not start:\n${log}`);
}
function stopServer() {
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {}
  }
}
process.on("exit", stopServer);
process.on("SIGINT", () => process.exit(130));

/** Session versions by user id, read from the copy: a token must carry its user's (lib/auth/options.ts). */
const sessionVersions = new Map<number, number>();
async function cookieFor(userId: number, name: string) {
  const token = await encode({ token: { sub: String(userId), name, uid: userId, sv: sessionVersions.get(userId) ?? 0 }, secret: SECRET, maxAge: 12 * 3600 });
  return `next-auth.session-token=${token}; NEXT_LOCALE=zh-CN`;
}

/** One GET, timed to the last byte; a failed request (reset, refused) counts with status 0. */
async function timedGet(url: string, cookie: string): Promise<{ ms: number; bytes: number; status: number }> {
  const t = performance.now();
  try {
    const r = await fetch(BASE + url, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(60_000) });
    const buf = await r.arrayBuffer();
    return { ms: performance.now() - t, bytes: buf.byteLength, status: r.status };
  } catch {
    return { ms: performance.now() - t, bytes: 0, status: 0 };
  }
}

const pct = (ms: number[], p: number) => {
  const s = [...ms].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))];
};

/** p50/p95 of `url`: `rounds` sequential requests by each of `users` concurrent users. */
async function load(url: string, cookie: string, users: number, rounds: number) {
  const ms: number[] = [];
  let bytes = 0;
  let status = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: users }, async () => {
      for (let r = 0; r < rounds; r++) {
        const x = await timedGet(url, cookie);
        ms.push(x.ms);
        if (x.status === 0 || x.status >= 500) failed++;
        else {
          bytes = x.bytes;
          status = x.status;
        }
      }
    }),
  );
  return { p50: pct(ms, 0.5), p95: pct(ms, 0.95), bytes, status, failed };
}

function actionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(APP, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const hit = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportedName);
  if (!hit) throw new Error(`server action ${exportedName} not found in the build`);
  return hit[0];
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (!existsSync(SEED)) {
    console.log(`seeding ${SEED} (once) …`);
    seed(SEED);
  }
  rmSync(RUN_DB, { force: true });
  rmSync(`${RUN_DB}-wal`, { force: true });
  rmSync(`${RUN_DB}-shm`, { force: true });
  copyFileSync(SEED, RUN_DB);
  // Ids for the requests, read from the copy before the server opens it.
  // Plain SQLite, not openDatabase: the app under test applies its own migrations when it starts.
  const c = new Database(RUN_DB);
  const editor = c.prepare("select id, display_name n from users where username = 'editor'").get() as { id: number; n: string };
  const office = c.prepare("select id, display_name n from users where username = 'office'").get() as { id: number; n: string };
  const reviewer = c.prepare("select id, display_name n from users where username = 'reviewer'").get() as { id: number; n: string };
  const board = (c.prepare("select id from issues where status = 'drafting' order by id desc limit 1").get() as { id: number }).id;
  // The baseline's row: a notification of the editor's, already read (opening it changes nothing).
  const noteId = Number(c.prepare("insert into notifications (user_id, kind, message, read_at) values (?, 'bench', 'bench', 1)").run(editor.id).lastInsertRowid);
  const contributors = c
    .prepare("select u.id, u.display_name n, i.id item, i.version v, i.body b from users u join items i on i.author_id = u.id and i.status = 'draft' and i.title = '正在撰写的稿件' where u.username like 'bench%' order by u.id")
    .all() as { id: number; n: string; item: number; v: number; b: string }[];
  const counts = c.prepare("select (select count(*) from items) items, (select count(*) from issues) issues").get() as { items: number; issues: number };
  for (const u of c.prepare("select id, session_version v from users").all() as { id: number; v: number }[]) sessionVersions.set(u.id, u.v);
  c.close();

  console.log(`starting ${APP} on :${PORT} against a copy of ${path.relative(root, SEED)} (${counts.items} items, ${counts.issues} issues)`);
  const t0 = Date.now();
  await startServer();
  console.log(`server up in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const ed = await cookieFor(editor.id, editor.n);
  const of = await cookieFor(office.id, office.n);
  const rv = await cookieFor(reviewer.id, reviewer.n);
  const pages: [string, string, string][] = [
    ["baseline: PK lookup", `/notifications/${noteId}`, ed],
    ["inbox (/desk/inbox)", "/desk/inbox", ed],
    [`search (/desk/inbox?q=${SEARCH})`, `/desk/inbox?q=${encodeURIComponent(SEARCH)}`, ed],
    ["archive (/office/archive)", "/office/archive", of],
    ["office issues (/office)", "/office", of],
    ["desk issues (/desk/issues)", "/desk/issues", ed],
    ["review queue (/review)", "/review", rv],
    ["board (/desk/issues/N)", `/desk/issues/${board}`, ed],
  ];
  // The near-duplicate fingerprints still to take (a seed from before fingerprint_queue, or a new
  // one: every item) are taken in the background by the server; the PK lookup is timed meanwhile.
  const pending = () => {
    const q = new Database(RUN_DB, { readonly: true });
    try {
      return (q.prepare("select count(*) n from fingerprint_queue").get() as { n: number }).n;
    } catch {
      return 0; // an app from before the queue
    } finally {
      q.close();
    }
  };
  const queued = pending();
  const preRows: string[] = [];
  if (queued) {
    const t1 = Date.now();
    const during: number[] = [];
    while (pending() > 0 && Date.now() - t1 < 30 * 60_000) during.push((await timedGet(`/notifications/${noteId}`, ed)).ms);
    const line = `fingerprints taken in the background: ${queued} in ${((Date.now() - t1) / 1000).toFixed(0)} s; PK lookup meanwhile p50 ${pct(during, 0.5).toFixed(0)} ms, p95 ${pct(during, 0.95).toFixed(0)} ms (${during.length} requests)`;
    preRows.push(line);
    console.log(line);
  }
  // The inbox's first view: every waiting item's near-duplicate mark found (then cached).
  {
    await timedGet(`/notifications/${noteId}`, ed);
    const first = await timedGet("/desk/inbox", ed);
    const line = `inbox, first view (marks found, then cached): ${first.ms.toFixed(0)} ms, HTTP ${first.status}`;
    preRows.push(line, "");
    console.log(line);
  }
  // Warm up every page (compilation of routes, caches).
  for (const [, url, ck] of pages) for (let i = 0; i < 2; i++) await timedGet(url, ck);

  const rows: string[] = [];
  const f = (n: number) => n.toFixed(0).padStart(6);
  const r = (n: number) => `${n.toFixed(1)}×`.padStart(7);
  const header = `${"page".padEnd(34)} ${"KB".padStart(6)} | 1 user p50    p95   ×base50 | 10 users p50    p95  ×base50`;
  rows.push(...preRows, header, "-".repeat(header.length));
  let base1 = { p50: 1, p95: 1 };
  let base10 = { p50: 1, p95: 1 };
  for (const [name, url, ck] of pages) {
    const one = await load(url, ck, 1, 15);
    const ten = await load(url, ck, 10, 5);
    if (name.startsWith("baseline")) {
      base1 = one;
      base10 = ten;
    }
    const line = `${name.padEnd(34)} ${(one.bytes / 1024).toFixed(0).padStart(6)} | ${f(one.p50)} ${f(one.p95)} ${r(one.p50 / base1.p50)} | ${f(ten.p50)} ${f(ten.p95)} ${r(ten.p50 / base10.p50)}${one.status !== 200 && !name.startsWith("baseline") ? `  HTTP ${one.status}` : ""}${one.failed + ten.failed ? `  ${one.failed + ten.failed} failed` : ""}`;
    rows.push(line);
    console.log(line);
  }

  // Autosave: each contributor saves their draft every 300 ms for 12 saves.
  const autosaveId = actionId("autosaveItemAction");
  const cks = await Promise.all(contributors.map((u) => cookieFor(u.id, u.n)));
  const versions = contributors.map((u) => u.v);
  let failed = 0;
  async function autosaves(): Promise<number[]> {
    const ms: number[] = [];
    await Promise.all(
      contributors.map(async (u, k) => {
        for (let s = 0; s < 12; s++) {
          const input = {
            id: u.item, version: versions[k], title: `正在撰写的稿件${s}`, body: JSON.parse(u.b), source: null, suggestedSectionId: null,
            eventDate: null, contactName: "", contactPhone: "", noteToEditor: "",
          };
          const t = performance.now();
          const text = await fetch(`${BASE}/items/${u.item}`, {
            method: "POST",
            headers: { cookie: cks[k], "Next-Action": autosaveId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
            body: JSON.stringify([input]),
            signal: AbortSignal.timeout(60_000),
          }).then(
            (res) => res.text(),
            () => "",
          );
          ms.push(performance.now() - t);
          const m = /"kind":"saved","id":\d+,"version":(\d+)/.exec(text);
          if (m) versions[k] = Number(m[1]);
          else failed++;
          await new Promise((r) => setTimeout(r, 300));
        }
      }),
    );
    return ms;
  }
  await autosaves(); // warm-up
  // One contributor's saves one after another, nobody else: the cost of one save.
  {
    const k = 0;
    const u = contributors[k];
    const ms: number[] = [];
    for (let s = 0; s < 30; s++) {
      const input = { id: u.item, version: versions[k], title: `单独保存${s}`, body: JSON.parse(u.b), source: null, suggestedSectionId: null, eventDate: null, contactName: "", contactPhone: "", noteToEditor: "" };
      const t = performance.now();
      const text = await fetch(`${BASE}/items/${u.item}`, {
        method: "POST",
        headers: { cookie: cks[k], "Next-Action": autosaveId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
        body: JSON.stringify([input]),
      }).then((res) => res.text());
      ms.push(performance.now() - t);
      const m = /"kind":"saved","id":\d+,"version":(\d+)/.exec(text);
      if (m) versions[k] = Number(m[1]);
      else failed++;
    }
    const line = `autosave, one contributor alone, one save at a time: p50 ${f(pct(ms, 0.5))} ms  p95 ${f(pct(ms, 0.95))} ms  (×base ${(pct(ms, 0.5) / base1.p50).toFixed(1)})`;
    rows.push("", line);
    console.log(line);
  }
  // Alone, then while an editor keeps searching, ROUNDS times in turn (one run is noisy).
  rows.push("");
  const p95s: { alone: number; during: number }[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const alone = await autosaves();
    let searching = true;
    let searches = 0;
    const searcher = (async () => {
      while (searching) {
        await timedGet(`/desk/inbox?q=${encodeURIComponent(SEARCH)}`, ed);
        searches++;
      }
    })();
    const during = await autosaves();
    searching = false;
    await searcher;
    p95s.push({ alone: pct(alone, 0.95), during: pct(during, 0.95) });
    const a1 = `autosave #${round}, ${CONTRIBUTORS} contributors alone:          p50 ${f(pct(alone, 0.5))} ms  p95 ${f(pct(alone, 0.95))} ms  (×base ${(pct(alone, 0.95) / base1.p50).toFixed(1)})`;
    const a2 = `autosave #${round}, while an editor searches (${String(searches).padStart(3)}×): p50 ${f(pct(during, 0.5))} ms  p95 ${f(pct(during, 0.95))} ms  (×base ${(pct(during, 0.95) / base1.p50).toFixed(1)})`;
    rows.push(a1, a2);
    console.log(`${a1}\n${a2}`);
  }
  const med = (xs: number[]) => pct(xs, 0.5);
  const summary = `autosave p95, median of ${ROUNDS}: alone ${f(med(p95s.map((x) => x.alone)))} ms, while searching ${f(med(p95s.map((x) => x.during)))} ms (×${(med(p95s.map((x) => x.during)) / med(p95s.map((x) => x.alone))).toFixed(2)} of alone)`;
  rows.push(summary, `autosaves failed: ${failed}`);
  console.log(`${summary}\nautosaves failed: ${failed}`);
  if (OUT) writeFileSync(OUT, `${new Date().toISOString()} ${APP}\n${counts.items} items, ${counts.issues} issues; ms; ratio = p50 / baseline p50 of the same user count\n\n${rows.join("\n")}\n`);
  stopServer();
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  stopServer();
  process.exit(1);
});

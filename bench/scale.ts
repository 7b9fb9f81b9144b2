// nice npx tsx bench/scale.ts [--app DIR] [--port 3170] [--seed data/scale-seed.sqlite] [--out FILE]
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
// The seed is a documented bulk path (prepared statements in one transaction), not 100,000 calls
// of the product's functions (hours here); it keeps the invariants those functions keep:
//  - every item has a revision; every non-draft item has submitted_at and a `submission` revision
//    that submitted_revision_id points to, and `create`/`submit` audit rows;
//  - placed items are status `placed` in a drafting issue and `published` in a distributed one, one
//    placement each (placements_item is unique), in a section of that issue, positions 0..n-1;
//  - decided items (accepted/returned/declined) have a decision audit row and a notification to
//    each contributor of their unit, as decideItem writes;
//  - issues are unique by (year, number) and by total number; distributed issues carry an
//    approval (name, time) and a distribution record like distributeIssue writes.
import "./setup-env";
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { encode } from "next-auth/jwt";
import { openDatabase } from "@/db/open";

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
const SEARCH = "航天"; // in about 1% of the items
const SECRET = "bench-scale-secret-0123456789abcdef0123456789";
const BASE = `http://127.0.0.1:${PORT}`;

// ---------------------------------------------------------------------------------------------
// Seeding (once)

const PHRASES = ["科普讲座", "学术年会", "青少年科技创新大赛", "院士专家服务中心", "科技志愿服务", "全国科普日", "基层科协组织建设", "创新驱动助力工程", "学会党建工作", "智慧社区建设"];
function bodyOf(i: number): string {
  const topic = PHRASES[i % PHRASES.length];
  const extra = i % 97 === 0 ? `，邀请${SEARCH}领域专家作报告` : "";
  const paragraphs = [
    `${2013 + (i % 10)}年${1 + (i % 12)}月${1 + (i % 28)}日，本单位组织开展${topic}活动${extra}，共有${50 + (i % 400)}人参加。`,
    `活动围绕${topic}主题，通过专题报告、现场交流、展览展示等形式，进一步推动科学普及和科技创新工作，受到参与群众的普遍欢迎。`,
    `下一步，将继续深化${topic}工作，完善工作机制，扩大覆盖面，切实提升服务质量和水平。`,
  ];
  return JSON.stringify({ type: "doc", content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) });
}

function seed(target: string) {
  // Built under another name and renamed at the end, so a failed seed is never reused.
  const file = `${target}.partial`;
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  const db = openDatabase(file, { seedDemo: true });
  const c = db.$client;
  const pubId = (c.prepare("select id from publications order by id limit 1").get() as { id: number }).id;
  const hash = (c.prepare("select password_hash h from users where username = 'changping'").get() as { h: string }).h;
  const editor = c.prepare("select id, display_name n from users where username = 'editor'").get() as { id: number; n: string };
  const sections = (c.prepare("select id, title from catalogue_sections order by position").all() as { id: number; title: string }[]).slice(0, 3);
  const t0 = Date.now();
  c.transaction(() => {
    // 40 more units, 20 of them with a contributor of the bench.
    const unitIns = c.prepare("insert into units (name, kind) values (?, 'district')");
    for (let u = 1; u <= 40; u++) unitIns.run(`测试区科协${u}`);
    const unitIds = (c.prepare("select id from units order by id").all() as { id: number }[]).map((r) => r.id);
    const userIns = c.prepare("insert into users (username, display_name, password_hash, unit_id) values (?, ?, ?, ?)");
    const roleIns = c.prepare("insert into user_roles (user_id, role) values (?, 'contributor')");
    const benchUnits = unitIds.slice(-CONTRIBUTORS);
    benchUnits.forEach((unitId, k) => {
      const id = Number(userIns.run(`bench${String(k + 1).padStart(2, "0")}`, `测试员${k + 1}`, hash, unitId).lastInsertRowid);
      roleIns.run(id);
    });
    const unitUsers = new Map<number, number[]>();
    for (const r of c.prepare("select u.id, u.unit_id from users u join user_roles r on r.user_id = u.id and r.role = 'contributor'").all() as { id: number; unit_id: number }[]) {
      unitUsers.set(r.unit_id, [...(unitUsers.get(r.unit_id) ?? []), r.id]);
    }

    const itemIns = c.prepare(
      `insert into items (publication_id, unit_id, author_id, title, body, source, suggested_section_id, event_date, contact_name, contact_phone, status, version, created_at, updated_at, submitted_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, '联系人', '010-12345678', ?, ?, ?, ?, ?)`,
    );
    const revIns = c.prepare("insert into item_revisions (item_id, version, kind, title, body, source, author_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)");
    const setRev = c.prepare("update items set submitted_revision_id = ? where id = ?");
    const auditIns = c.prepare(
      "insert into audit_log (created_at, actor_id, actor_name, entity, entity_id, action, from_state, to_state, detail) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const noteIns = c.prepare("insert into notifications (user_id, kind, item_id, message, read_at, created_at) values (?, ?, ?, ?, ?, ?)");
    const issueIns = c.prepare(
      `insert into issues (publication_id, year, number, total_number, date, status, mailbox, editor_name, reviewer_name, distribution, approved_by_name, approved_at, distributed_at, distributed_to, version, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, 'kxdt@bast.net.cn', '张红波', '李金涛', '["市领导"]', ?, ?, ?, ?, 5, ?, ?)`,
    );
    const sectionIns = c.prepare("insert into issue_sections (issue_id, title, catalogue_section_id, position) values (?, ?, ?, ?)");
    const placeIns = c.prepare("insert into placements (issue_id, section_id, item_id, position, in_toc) values (?, ?, ?, ?, ?)");

    const day = 86_400_000;
    const start = Date.UTC(2013, 0, 1);
    const span = Date.UTC(2026, 10, 1) - start;
    // Issues: 100 a year 2013–2022 (distributed) — plus one drafting issue this year for the board.
    const issueDefs: { id: number; at: number; status: "distributed" | "drafting"; sections: number[] }[] = [];
    for (let k = 0; k < ISSUES; k++) {
      const year = 2013 + Math.floor(k / 100);
      const number = (k % 100) + 1;
      const at = Date.UTC(year, 0, 1) + Math.floor((number - 1) * 3.6 * day);
      const date = new Date(at + 8 * 3600_000).toISOString().slice(0, 10);
      const drafting = k === ISSUES - 1;
      const [y, n, total] = drafting ? [2026, 1, 5000] : [year, number, 1000 + k];
      const id = Number(
        issueIns.run(pubId, y, n, total, drafting ? "2026-11-27" : date, drafting ? "drafting" : "distributed",
          drafting ? null : "李金涛", drafting ? null : at, drafting ? null : at + day, drafting ? null : '["市领导"]', at, at).lastInsertRowid,
      );
      const secs = sections.map((s, p) => Number(sectionIns.run(id, s.title, s.id, p).lastInsertRowid));
      issueDefs.push({ id, at: drafting ? Date.now() - 2 * day : at, status: drafting ? "drafting" : "distributed", sections: secs });
      auditIns.run(at, editor.id, editor.n, "issue", id, "create", null, "drafting", null);
      if (!drafting) auditIns.run(at + day, null, "办公室", "issue", id, "distribute", "approved", "distributed", null);
    }

    // Items: the first ISSUES × PER_ISSUE are placed; the rest spread over ten years.
    let placed = 0;
    for (let i = 0; i < ITEMS; i++) {
      const unitId = unitIds[i % unitIds.length];
      const authors = unitUsers.get(unitId) ?? [];
      const author = authors[0] ?? null;
      const inIssue = placed < ISSUES * PER_ISSUE ? issueDefs[Math.floor(placed / PER_ISSUE)] : null;
      const rest = i - ISSUES * PER_ISSUE;
      const status = inIssue
        ? inIssue.status === "drafting" ? "placed" : "published"
        : rest < 1500 ? "draft" : rest < 4000 ? "submitted" : rest < 4300 ? "accepted" : rest < 12000 ? "returned" : "declined";
      const submittedAt = inIssue ? inIssue.at - (1 + (i % 5)) * day : start + Math.floor(((i * 7919) % ITEMS) / ITEMS * span);
      const created = submittedAt - 3600_000;
      const title = `${PHRASES[i % PHRASES.length]}：测试区第${i + 1}号稿件${i % 97 === 0 ? `（${SEARCH}）` : ""}`;
      const body = bodyOf(i);
      const version = status === "draft" ? 1 : 2;
      const itemId = Number(
        itemIns.run(pubId, unitId, author, title, body, `单位${unitId}`, sections[i % 3].id, new Date(created).toISOString().slice(0, 10),
          status, version + (status === "draft" || status === "submitted" ? 0 : 1), created, submittedAt, status === "draft" ? null : submittedAt).lastInsertRowid,
      );
      revIns.run(itemId, 1, "draft", title, body, `单位${unitId}`, author, created);
      auditIns.run(created, author, "报送员", "item", itemId, "create", null, "draft", null);
      if (status === "draft") continue;
      const rev = Number(revIns.run(itemId, 2, "submission", title, body, `单位${unitId}`, author, submittedAt).lastInsertRowid);
      setRev.run(rev, itemId);
      auditIns.run(submittedAt, author, "报送员", "item", itemId, "submit", "draft", "submitted", null);
      if (status === "submitted") continue;
      const decision = status === "returned" ? "return" : status === "declined" ? "decline" : "accept";
      const decided = submittedAt + 3600_000;
      auditIns.run(decided, editor.id, editor.n, "item", itemId, decision, "submitted", decision === "accept" ? "accepted" : status, null);
      for (const u of authors) noteIns.run(u, `item_${decision}`, itemId, title, decided + day, decided);
      if (inIssue) {
        const p = placed % PER_ISSUE;
        placeIns.run(inIssue.id, inIssue.sections[p % 3], itemId, Math.floor(p / 3), p < 4 ? 1 : 0);
        auditIns.run(decided, editor.id, editor.n, "issue", inIssue.id, "edit", null, null, JSON.stringify({ action: "move", itemId }));
        placed++;
      }
    }
    // Each bench contributor's own draft, written by the autosave part.
    const drafts = c.prepare("select u.id uid, u.unit_id unit from users u where u.username like 'bench%' order by u.id").all() as { uid: number; unit: number }[];
    for (const d of drafts) {
      const body = bodyOf(d.uid);
      const id = Number(itemIns.run(pubId, d.unit, d.uid, "正在撰写的稿件", body, null, null, null, "draft", 1, Date.now(), Date.now(), null).lastInsertRowid);
      revIns.run(id, 1, "draft", "正在撰写的稿件", body, null, d.uid, Date.now());
    }
  })();
  c.pragma("wal_checkpoint(TRUNCATE)");
  c.exec("analyze");
  const n = (sql: string) => (c.prepare(sql).get() as { n: number }).n;
  console.log(`seeded ${n("select count(*) n from items")} items, ${n("select count(*) n from issues")} issues, ${n("select count(*) n from audit_log")} audit rows, ${n("select count(*) n from notifications")} notifications in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
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

async function cookieFor(userId: number, name: string) {
  const token = await encode({ token: { sub: String(userId), name, uid: userId }, secret: SECRET, maxAge: 12 * 3600 });
  return `next-auth.session-token=${token}; NEXT_LOCALE=zh-CN`;
}

async function timedGet(url: string, cookie: string): Promise<{ ms: number; bytes: number; status: number }> {
  const t = performance.now();
  const r = await fetch(BASE + url, { headers: { cookie }, redirect: "manual" });
  const buf = await r.arrayBuffer();
  return { ms: performance.now() - t, bytes: buf.byteLength, status: r.status };
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
  await Promise.all(
    Array.from({ length: users }, async () => {
      for (let r = 0; r < rounds; r++) {
        const x = await timedGet(url, cookie);
        ms.push(x.ms);
        bytes = x.bytes;
        status = x.status;
      }
    }),
  );
  return { p50: pct(ms, 0.5), p95: pct(ms, 0.95), bytes, status };
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
  // Warm up every page (compilation of routes, caches).
  for (const [, url, ck] of pages) for (let i = 0; i < 2; i++) await timedGet(url, ck);

  const rows: string[] = [];
  const f = (n: number) => n.toFixed(0).padStart(6);
  const r = (n: number) => `${n.toFixed(1)}×`.padStart(7);
  const header = `${"page".padEnd(34)} ${"KB".padStart(6)} | 1 user p50    p95   ×base50 | 10 users p50    p95  ×base50`;
  rows.push(header, "-".repeat(header.length));
  let base1 = { p50: 1, p95: 1 };
  let base10 = { p50: 1, p95: 1 };
  for (const [name, url, ck] of pages) {
    const one = await load(url, ck, 1, 15);
    const ten = await load(url, ck, 10, 5);
    if (name.startsWith("baseline")) {
      base1 = one;
      base10 = ten;
    }
    const line = `${name.padEnd(34)} ${(one.bytes / 1024).toFixed(0).padStart(6)} | ${f(one.p50)} ${f(one.p95)} ${r(one.p50 / base1.p50)} | ${f(ten.p50)} ${f(ten.p95)} ${r(ten.p50 / base10.p50)}${one.status >= 400 ? `  HTTP ${one.status}` : ""}`;
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
          const res = await fetch(`${BASE}/items/${u.item}`, {
            method: "POST",
            headers: { cookie: cks[k], "Next-Action": autosaveId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
            body: JSON.stringify([input]),
          });
          const text = await res.text();
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
  const a1 = `autosave, ${CONTRIBUTORS} contributors alone:          p50 ${f(pct(alone, 0.5))} ms  p95 ${f(pct(alone, 0.95))} ms  (×base ${(pct(alone, 0.95) / base1.p50).toFixed(1)})`;
  const a2 = `autosave, while an editor searches (${String(searches).padStart(3)}×): p50 ${f(pct(during, 0.5))} ms  p95 ${f(pct(during, 0.95))} ms  (×base ${(pct(during, 0.95) / base1.p50).toFixed(1)})`;
  rows.push("", a1, a2, `autosaves failed: ${failed}`);
  console.log(`\n${a1}\n${a2}\nautosaves failed: ${failed}`);
  if (OUT) writeFileSync(OUT, `${new Date().toISOString()} ${APP}\n${counts.items} items, ${counts.issues} issues; ms; ratio = p50 / baseline p50 of the same user count\n\n${rows.join("\n")}\n`);
  stopServer();
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  stopServer();
  process.exit(1);
});

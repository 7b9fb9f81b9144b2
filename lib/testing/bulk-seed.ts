// Bulk seeding for the scale bench and the query-plan test: many items and issues written with
// prepared statements in one transaction (the product's functions would take hours for 100,000),
// keeping the invariants those functions keep:
//  - every item has a revision; every non-draft item has submitted_at and a `submission` revision
//    that submitted_revision_id points to, and `create`/`submit` audit rows;
//  - placed items are status `placed` in a drafting issue and `published` in a distributed one, one
//    placement each (placements_item is unique), in a section of that issue;
//  - decided items (accepted/returned/declined) have a decision audit row and a notification to
//    each contributor of their unit, as decideItem writes;
//  - issues are unique by (year, number) and by total number; distributed issues carry an
//    approval (name, time) and a distribution record like distributeIssue writes.
// Needs a database with the demo publication, units and users (db/seed.ts) already loaded.
import type Database from "better-sqlite3";
import { chinaDay } from "@/lib/time";

export interface BulkSeedOptions {
  /** Items in all (placed ones included). */
  items: number;
  /** Issues: all distributed except the last, which is drafting (for the board). */
  issues: number;
  /** Items placed in each issue. */
  perIssue: number;
  /** Contributors `bench01`… added, one unit each, each with a draft titled 正在撰写的稿件. */
  contributors: number;
}

/** A word in about 1% of the titles and bodies (i % 97 === 0), for timing a search. */
export const BULK_SEARCH_WORD = "航天";
const SEARCH = BULK_SEARCH_WORD;

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

/** Writes the rows (see the header for what it keeps true); returns how long it took in ms. */
export function bulkSeed(c: Database.Database, opts: BulkSeedOptions): number {
  const { items: ITEMS, issues: ISSUES, perIssue: PER_ISSUE, contributors: CONTRIBUTORS } = opts;
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
      const date = chinaDay(at);
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
  return Date.now() - t0;
}

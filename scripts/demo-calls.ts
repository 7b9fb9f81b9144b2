// DATABASE_PATH=data/manual/jianbao.sqlite npx tsx --conditions=react-server scripts/demo-calls.ts
// A walk through calls, reminders and the register on a database of its own (demo data), for the
// closing note and screenshots. The reminder clock is simulated: the scheduler is handed the times
// 24 h and 2 h before the deadline, and the server "restarts" (a new scheduler instance) between
// them. To let the deadline pass without waiting 30 hours, the demo then moves the call's stored
// times back by 31 hours (deadline, reminder rows, the first answer, its notices), and says so.
import Module from "node:module";
import path from "node:path";
import { chinaDateTimeLocal } from "@/lib/time";

const stub = path.join(process.cwd(), "lib/testing/server-only-stub.ts");
const m = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const resolve = m._resolveFilename;
m._resolveFilename = function (request: string, ...rest: unknown[]) {
  return request === "server-only" ? stub : resolve.call(this, request, ...rest);
};

async function main() {
  const bcrypt = (await import("bcryptjs")).default;
  const { db } = await import("@/db");
  const { loadActor } = await import("@/lib/auth/users");
  const { publishCall, callView, formatChina, updateGuidance } = await import("@/lib/data/calls");
  const { callFiguresByUnit } = await import("@/lib/data/call-figures");
  const { createItem, submitItem, decideItem } = await import("@/lib/data/items");
  const { listNotifications } = await import("@/lib/data/notifications");
  const { remindNow } = await import("@/lib/data/reminders");
  const { createReminderScheduler } = await import("@/lib/reminder-scheduler");
  const { arrangeIssue } = await import("@/lib/data/arrange");
  const { approveIssue, createIssue, distributeIssue, loadBulletin, proposeNextIssue, sendToReview } = await import("@/lib/data/issues");
  const { correctRegisterEntry, listRegister } = await import("@/lib/data/register");
  const { paragraphsToDoc } = await import("@/lib/editor/schema");
  const c = db.$client;
  const HOUR = 3600_000;
  const actor = (u: string) => {
    const row = c.prepare("select id from users where username = ?").get(u) as { id: number };
    const a = loadActor(row.id);
    if (!a) throw new Error(u);
    return a;
  };
  // A third contributing unit's account (the demo has two): 石景山区科协, login shijingshan.
  if (!c.prepare("select 1 from users where username = 'shijingshan'").get()) {
    const unit = c.prepare("select id from units where name = '石景山区科协'").get() as { id: number };
    const u = c
      .prepare("insert into users (username, display_name, password_hash, unit_id) values ('shijingshan', '赵磊', ?, ?) returning id")
      .get(bcrypt.hashSync("jianbao2026", 10), unit.id) as { id: number };
    c.prepare("insert into user_roles (user_id, role) values (?, 'contributor')").run(u.id);
  }
  const [editor, reviewer, office, changping, dongcheng, shijingshan] = ["editor", "reviewer", "office", "changping", "dongcheng", "shijingshan"].map(actor);
  const fields = (title: string, text: string, source: string, callId: number | null) => ({
    title,
    body: paragraphsToDoc([text]),
    source,
    suggestedSectionId: null,
    eventDate: null,
    contactName: "联系人",
    contactPhone: "010-12345678",
    noteToEditor: "",
    callId,
  });
  const log = (s: string) => console.log(s);

  updateGuidance(editor, { body: "本季度重点报送：\n1. 全国科技工作者日系列活动；\n2. 科普进社区、进校园；\n3. 院士专家服务基层。\n稿件 500～800 字，注明联系人。" });

  const t0 = Date.now();
  const deadlineIn = chinaDateTimeLocal(t0 + 30 * HOUR);
  const call = publishCall(editor, {
    topic: "全国科技工作者日活动情况",
    guidance: "请各单位报送本单位组织开展全国科技工作者日活动的情况，突出科技工作者风采。",
    deadline: deadlineIn,
    target: "chosen",
    unitIds: [changping.unitId, dongcheng.unitId, shijingshan.unitId].map(Number),
    issueId: null,
  });
  const D = call.deadline.getTime();
  log(`约稿 #${call.id}「${call.topic}」 截止 ${formatChina(D)}（北京时间），约稿单位：昌平区科协、东城区科协、石景山区科协`);

  const answer = (a: typeof editor, title: string, text: string, source: string) => {
    const item = createItem(a, fields(title, text, source, call.id));
    return submitItem(a, { id: item.id, version: item.version });
  };
  answer(changping, "昌平区科协举办科技工作者日座谈会", "5月30日，昌平区科协举办全国科技工作者日座谈会，二十余位科技工作者代表交流科研经历，开展科普讲解。", "昌平区科协");
  log(`${formatChina(Date.now())} 昌平区科协报送（按时）`);

  const unitName = (id: number) => (c.prepare("select name from units where id = ?").get(id) as { name: string }).name;
  const mine = <T extends { key: string }>(sent: T[]) => sent.filter((s) => s.key.startsWith(`call:${call.id}:`));
  const show = (label: string, sent: { key: string; unitIds: number[]; notified: number }[]) =>
    log(`${label}: ${sent.length ? sent.map((s) => `${s.key} → ${s.unitIds.map(unitName).join("、")}（${s.notified} 条通知）`).join("; ") : "无（没有到期或已发送过的提醒）"}`);

  const first = createReminderScheduler(db, { intervalMs: 0, offsetsHours: [24, 2] });
  show(`调度器A ${formatChina(t0)} 运行`, mine(await first.tick(t0)));
  show(`调度器A ${formatChina(D - 24 * HOUR + 1000)}（截止前24小时）运行`, mine(await first.tick(D - 24 * HOUR + 1000)));
  first.stop();
  log("—— 服务器重启：调度器A停止，新建调度器B（提醒记录在数据库中）——");
  const second = createReminderScheduler(db, { intervalMs: 0, offsetsHours: [24, 2] });
  show(`调度器B ${formatChina(D - 24 * HOUR + 60_000)} 运行`, mine(await second.tick(D - 24 * HOUR + 60_000)));
  show(`调度器B ${formatChina(D - 2 * HOUR + 1000)}（截止前2小时）运行`, mine(await second.tick(D - 2 * HOUR + 1000)));
  show(`调度器B ${formatChina(D - 2 * HOUR + 120_000)} 再次运行`, mine(await second.tick(D - 2 * HOUR + 120_000)));
  const urged = await remindNow(editor, { callId: call.id }, { now: D - HOUR, mailer: null });
  log(`编辑催报 ${formatChina(D - HOUR)}: ${urged.unitIds.map(unitName).join("、")}（${urged.notified} 条通知）`);
  second.stop();

  // Let the deadline pass: the call's stored times move back 31 h (see the header).
  const shift = 31 * HOUR;
  c.transaction(() => {
    c.prepare("update calls set deadline = deadline - ?, created_at = created_at - ? where id = ?").run(shift, shift, call.id);
    c.prepare("update reminders set due_at = due_at - ?, sent_at = sent_at - ?, key = replace(key, ?, ?) where call_id = ?").run(shift, shift, `:${D}:`, `:${D - shift}:`, call.id);
    c.prepare("update item_revisions set created_at = created_at - ? where kind = 'submission' and item_id in (select id from items where call_id = ?)").run(shift, call.id);
    c.prepare("update notifications set created_at = created_at - ?, message = replace(message, ?, ?) where kind like 'call_%' and message like ?").run(
      shift,
      formatChina(D),
      formatChina(D - shift),
      `${call.topic}%`,
    );
  })();
  log(`—— 演示时钟：该约稿的存储时间整体前移31小时，截止时间变为 ${formatChina(D - shift)}（已过）——`);
  answer(dongcheng, "东城区科协开展科技工作者日走访慰问", "东城区科协走访慰问一线科技工作者，宣传科学家精神。", "东城区科协");
  log(`${formatChina(Date.now())} 东城区科协报送（逾期）；石景山区科协未报送`);
  const after = await createReminderScheduler(db, { intervalMs: 0, offsetsHours: [24, 2] }).tick(Date.now());
  show(`新调度器 ${formatChina(Date.now())} 运行`, mine(after));

  const view = callView(editor, call.id);
  log("\n约稿回应情况：");
  for (const u of view.units) log(`  ${u.unitName}: ${u.status}${u.answeredAt ? `（${formatChina(u.answeredAt)}）` : ""}`);
  const figs = callFiguresByUnit(db, view.call.deadline.getTime() - 1, view.call.deadline.getTime() + 1);
  log("callFiguresByUnit：");
  for (const u of view.units) log(`  ${u.unitName}: ${JSON.stringify(figs.get(u.unitId))}`);
  log("\n各单位的通知列表（本约稿）：");
  for (const a of [changping, dongcheng, shijingshan]) {
    const rows = listNotifications(a).filter((n) => n.message.startsWith(call.topic));
    log(`  ${a.displayName}（${view.units.find((u) => u.unitId === a.unitId)?.unitName}）:`);
    for (const n of rows.reverse()) log(`    ${formatChina(n.createdAt.getTime())} ${n.kind} ${n.message}`);
  }
  log("\n提醒记录（reminders 表）：");
  for (const r of c.prepare("select key, due_at, sent_at, units_reminded from reminders where call_id = ? order by due_at").all(call.id) as {
    key: string;
    due_at: number;
    sent_at: number | null;
    units_reminded: string;
  }[])
    log(`  ${r.key} 计划 ${formatChina(r.due_at)} 发送 ${r.sent_at ? formatChina(r.sent_at) : "—"} 提醒 ${(JSON.parse(r.units_reminded) as number[]).map(unitName).join("、")}`);

  // The register: an issue distributed with its entry, then corrected.
  const ids = (c.prepare("select id, version from items where status = 'submitted' order by id limit 3").all() as { id: number; version: number }[]).map((r) =>
    decideItem(editor, { id: r.id, version: r.version, decision: "accept", note: "" }),
  );
  let issue = createIssue(editor, proposeNextIssue(editor));
  for (const it of ids) issue = arrangeIssue(editor, { issueId: issue.id, version: issue.version, change: { op: "place", itemId: it.id, sectionTitle: "科普工作", inToc: true } });
  issue = sendToReview(editor, { issueId: issue.id, version: issue.version });
  issue = approveIssue(reviewer, { issueId: issue.id, version: issue.version, fingerprint: loadBulletin(issue.id).fingerprint });
  const groups = ["市科协第十届委员会主席、副主席、常委、委员", "市科协驻会领导", "市科协各部门、各直属单位", "各区科协、各市级学会"];
  distributeIssue(office, { issueId: issue.id, version: issue.version, date: issue.date, distribution: groups, method: "print", recipientCount: 120, printRun: 150 });
  const entry = listRegister(office, issue.year).find((r) => r.issue.id === issue.id);
  if (entry) correctRegisterEntry(office, { recordId: entry.current.id, date: issue.date, method: "print", groups: [...groups, "中国科协办公厅"], recipientCount: 121, printRun: 150, reason: "补登报送中国科协办公厅一份" });
  log(`\n发文登记：${issue.year}年第${issue.number}期 已分发并更正一次`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

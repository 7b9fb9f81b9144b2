import bcrypt from "bcryptjs";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { loadActor } from "@/lib/auth/users";
import { smtpMailer } from "@/lib/mail";
import { createReminderScheduler } from "@/lib/reminder-scheduler";
import { demoActor, errorCode, itemFields } from "@/lib/testing/fixtures";
import type { Actor } from "./actor";
import { callFiguresByUnit } from "./call-figures";
import { callView, currentGuidance, openCallsForUnit, publishCall, updateGuidance } from "./calls";
import { createIssue, proposeNextIssue } from "./issues";
import { createItem, submitItem } from "./items";
import { listNotifications } from "./notifications";
import { remindNow, runDueReminders } from "./reminders";

const HOUR = 3600_000;
let changping: Actor, dongcheng: Actor, haidian: Actor, editor: Actor;
const c = db.$client;

/** A third contributing unit with a contributor (the demo has two). */
function addUnitWithContributor(unit: string, username: string, email: string | null): Actor {
  const u = c.prepare("insert into units (name, kind) values (?, 'district') returning id").get(unit) as { id: number };
  const user = c
    .prepare("insert into users (username, display_name, password_hash, unit_id, email) values (?, ?, ?, ?, ?) returning id")
    .get(username, `${unit}报送员`, bcrypt.hashSync("x", 4), u.id, email) as { id: number };
  c.prepare("insert into user_roles (user_id, role) values (?, 'contributor')").run(user.id);
  const a = loadActor(user.id);
  if (!a) throw new Error("no actor");
  return a;
}

/** "yyyy-mm-ddThh:mm" in Beijing time, `hours` from now. */
function inHours(hours: number): string {
  return new Date(Date.now() + hours * HOUR + 8 * HOUR).toISOString().slice(0, 16);
}

function answer(actor: Actor, callId: number, title: string) {
  const item = createItem(actor, { ...itemFields(title, ["按约稿报送的稿件。"]), source: null, callId });
  return submitItem(actor, { id: item.id, version: item.version });
}

const kinds = (a: Actor) => listNotifications(a).map((n) => n.kind);

beforeAll(() => {
  [changping, dongcheng, editor] = ["changping", "dongcheng", "editor"].map(demoActor);
  haidian = addUnitWithContributor("通州区科协试点", "haidian", "haidian@example.org");
});

describe("calls for items", () => {
  it("a call answered on time by one unit, late by another, missed by a third: the desk's view and callFiguresByUnit", () => {
    const call = publishCall(editor, { topic: "科技工作者日活动", guidance: "请报送本单位活动情况", deadline: inHours(48), target: "chosen", unitIds: [changping.unitId ?? 0, dongcheng.unitId ?? 0, haidian.unitId ?? 0], issueId: null });
    // The units asked see it at the top of their list, and were told.
    expect(openCallsForUnit(haidian).map((o) => o.call.id)).toContain(call.id);
    expect(kinds(haidian)).toContain("call_published");
    const a = answer(changping, call.id, "昌平区科技工作者日");
    const b = answer(dongcheng, call.id, "东城区科技工作者日");
    // Time passes: changping sent before the deadline, dongcheng after; haidian never.
    const deadline = Date.now() - HOUR;
    c.prepare("update calls set deadline = ? where id = ?").run(deadline, call.id);
    c.prepare("update item_revisions set created_at = ? where item_id = ? and kind = 'submission'").run(deadline - 5 * HOUR, a.id);
    c.prepare("update item_revisions set created_at = ? where item_id = ? and kind = 'submission'").run(deadline + 30 * 60_000, b.id);
    const view = callView(editor, call.id);
    const byUnit = Object.fromEntries(view.units.map((u) => [u.unitName, u.status]));
    expect(byUnit).toEqual({ 昌平区科协: "answered", 东城区科协: "late", 通州区科协试点: "missed" });
    // The unit that has not answered still sees the call (a late answer is taken), marked as past its deadline.
    expect(openCallsForUnit(haidian).find((o) => o.call.id === call.id)).toMatchObject({ pastDeadline: true, overdue: true });
    expect(openCallsForUnit(haidian, deadline - HOUR).find((o) => o.call.id === call.id)).toMatchObject({ pastDeadline: false, overdue: false });
    const figures = callFiguresByUnit(db, deadline - 1, deadline + 1);
    expect(figures.get(changping.unitId ?? 0)).toEqual({ answered: 1, answeredLate: 0, missed: 0 });
    expect(figures.get(dongcheng.unitId ?? 0)).toEqual({ answered: 0, answeredLate: 1, missed: 0 });
    expect(figures.get(haidian.unitId ?? 0)).toEqual({ answered: 0, answeredLate: 0, missed: 1 });
    // Outside [from, to) the call does not count.
    expect(callFiguresByUnit(db, deadline + 1, deadline + HOUR).size).toBe(0);
  });

  it("a unit not asked cannot link an item to the call; only the editor publishes", () => {
    const call = publishCall(editor, { topic: "只问昌平", guidance: "", deadline: inHours(10), target: "chosen", unitIds: [changping.unitId ?? 0], issueId: null });
    expect(errorCode(() => createItem(dongcheng, { ...itemFields("东城稿"), callId: call.id }))).toBe("invalid");
    expect(openCallsForUnit(dongcheng).map((o) => o.call.id)).not.toContain(call.id);
    expect(errorCode(() => publishCall(changping, { topic: "x", guidance: "", deadline: inHours(10), target: "all", unitIds: [], issueId: null }))).toBe("forbidden");
    expect(errorCode(() => publishCall(editor, { topic: "过去", guidance: "", deadline: inHours(-1), target: "all", unitIds: [], issueId: null }))).toBe("deadline_past");
    // A mistyped year is not a call open for eight thousand years; a year ahead still is fine.
    expect(errorCode(() => publishCall(editor, { topic: "太远", guidance: "", deadline: "9999-12-31T17:00", target: "all", unitIds: [], issueId: null }))).toBe("deadline_too_far");
    expect(errorCode(() => publishCall(editor, { topic: "太远", guidance: "", deadline: inHours(367 * 24), target: "all", unitIds: [], issueId: null }))).toBe("deadline_too_far");
    expect(db.$client.prepare("select count(*) n from calls where topic = '太远'").get()).toEqual({ n: 0 });
    expect(publishCall(editor, { topic: "一年内", guidance: "", deadline: inHours(360 * 24), target: "all", unitIds: [], issueId: null }).topic).toBe("一年内");
  });

  it("standing guidance: the editor edits, everyone reads; a contributor cannot edit", () => {
    updateGuidance(editor, { body: "本季度重点报送：科普日活动、院士专家服务。" });
    expect(currentGuidance().body).toContain("科普日");
    expect(errorCode(() => updateGuidance(changping, { body: "x" }))).toBe("forbidden");
  });
});

describe("reminders", () => {
  it("each reminder goes once to the units that have sent nothing; a new scheduler after a restart sends nothing twice; 催报 sends now", async () => {
    const start = Date.now();
    const call = publishCall(editor, { topic: "冬季科普活动", guidance: "", deadline: inHours(30), target: "chosen", unitIds: [changping.unitId ?? 0, dongcheng.unitId ?? 0, haidian.unitId ?? 0], issueId: null });
    const deadline = call.deadline.getTime();
    const mine = (sent: { key: string }[]) => sent.filter((s) => s.key.startsWith(`call:${call.id}:`));
    const remindersOf = (a: Actor) => listNotifications(a).filter((n) => n.kind === "call_reminder" && n.message.startsWith("冬季科普活动"));

    const first = createReminderScheduler(db, { intervalMs: 0, offsetsHours: [24, 2] });
    expect((await first.tick(start)).filter((s) => s.key.startsWith(`call:${call.id}:`))).toEqual([]); // nothing due yet
    answer(changping, call.id, "昌平冬季科普");
    // 24 h before: changping has answered, the other two are reminded.
    const at24 = (await first.tick(deadline - 24 * HOUR + 1000)).filter((s) => s.key.startsWith(`call:${call.id}:`));
    expect(at24).toHaveLength(1);
    expect(at24[0].unitIds.sort()).toEqual([dongcheng.unitId, haidian.unitId].sort());
    expect(mine(await first.tick(deadline - 24 * HOUR + 2000))).toEqual([]);
    first.stop();

    // The server restarts: a new scheduler, same database. The 24 h reminder is not sent again.
    const second = createReminderScheduler(db, { intervalMs: 0, offsetsHours: [24, 2] });
    expect(mine(await second.tick(deadline - 20 * HOUR))).toEqual([]);
    answer(dongcheng, call.id, "东城冬季科普");
    const at2 = (await second.tick(deadline - 2 * HOUR + 1000)).filter((s) => s.key.startsWith(`call:${call.id}:`));
    expect(at2.map((s) => s.unitIds)).toEqual([[haidian.unitId]]);
    expect(mine(await second.tick(deadline - HOUR))).toEqual([]);
    // And the CLI's run-due at the same time: nothing left.
    expect(mine(await runDueReminders(db, deadline - HOUR))).toEqual([]);

    expect(remindersOf(changping)).toHaveLength(0);
    expect(remindersOf(dongcheng)).toHaveLength(1);
    expect(remindersOf(haidian)).toHaveLength(2);
    const sentRows = c.prepare("select count(*) n from reminders where call_id = ? and sent_at is not null").get(call.id) as { n: number };
    expect(sentRows.n).toBe(2);

    // 催报: the editor reminds now; only haidian has still sent nothing.
    const urged = await remindNow(editor, { callId: call.id }, { mailer: null });
    expect(urged.unitIds).toEqual([haidian.unitId]);
    expect(listNotifications(haidian).filter((n) => n.kind === "call_urge")).toHaveLength(1);
    await expect(remindNow(changping, { callId: call.id })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("claiming is atomic: two schedulers ticking at the same moment send each reminder once", async () => {
    const call = publishCall(editor, { topic: "并发测试", guidance: "", deadline: inHours(5), target: "chosen", unitIds: [haidian.unitId ?? 0], issueId: null });
    const due = call.deadline.getTime() - 2 * HOUR + 1000;
    const [x, y] = await Promise.all([runDueReminders(db, due, { offsetsHours: [2] }), runDueReminders(db, due, { offsetsHours: [2] })]);
    expect([...x, ...y].filter((s) => s.key.startsWith(`call:${call.id}:`))).toHaveLength(1);
  });
});

describe("issue deadline (截稿) reminders", () => {
  it("remind the units that submitted nothing since the issue was opened, once per offset", async () => {
    const issue = createIssue(editor, proposeNextIssue(editor, "2026-12-04"));
    const deadline = Date.now() + 30 * HOUR;
    c.prepare("update issues set deadline = ? where id = ?").run(deadline, issue.id);
    const item = createItem(changping, itemFields("昌平本期稿件"));
    submitItem(changping, { id: item.id, version: item.version });
    const mine = <T extends { key: string }>(sent: T[]) => sent.filter((s) => s.key.startsWith(`issue:${issue.id}:`));
    const sent = mine(await runDueReminders(db, deadline - 24 * HOUR + 1000));
    expect(sent).toHaveLength(1);
    expect(sent[0].unitIds).not.toContain(changping.unitId);
    expect(sent[0].unitIds).toEqual(expect.arrayContaining([dongcheng.unitId, haidian.unitId]));
    expect(listNotifications(dongcheng).filter((n) => n.kind === "issue_reminder" && n.issueId === issue.id)).toHaveLength(1);
    expect(mine(await runDueReminders(db, deadline - 24 * HOUR + 5000))).toEqual([]);
  });
});

describe("reminder e-mail over SMTP", () => {
  const received: { to: string[]; data: string }[] = [];
  let server: SMTPServer;
  let port = 0;
  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, done) {
        const chunks: Buffer[] = [];
        stream.on("data", (d: Buffer) => chunks.push(d));
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString("utf8") });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    port = (server.server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("a reminder reaches a user with an address through the SMTP server", async () => {
    const call = publishCall(editor, { topic: "邮件提醒测试", guidance: "", deadline: inHours(3), target: "chosen", unitIds: [haidian.unitId ?? 0], issueId: null });
    const mailer = smtpMailer(`smtp://127.0.0.1:${port}`, "简报编发 <noreply@example.org>");
    const sent = await remindNow(editor, { callId: call.id }, { mailer });
    expect(sent.emailed).toBe(1);
    expect(received).toHaveLength(1);
    expect(received[0].to).toEqual(["haidian@example.org"]);
    expect(received[0].data).toMatch(/Subject: =\?UTF-8\?/);
    expect(Buffer.from(received[0].data).toString()).toContain("noreply@example.org");
  });
});

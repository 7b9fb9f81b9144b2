import "server-only";
import { z } from "zod";
import { db as appDb } from "@/db";
import type { Db } from "@/db/open";
import type { Call, Issue } from "@/db/schema";
import { type Mailer, mailerFromEnv } from "@/lib/mail";
import { type Actor, requireRole } from "./actor";
import { audit } from "./audit";
import { callAnswers, callTargetUnits, formatChina } from "./calls";
import { AppError } from "./errors";
import { issueName } from "./issue-kinds";

/**
 * Deadline reminders (催报). The schedule is stored: one row per deadline and offset, keyed so it is
 * written once ("call:<id>:<deadline ms>:<minutes>", "issue:…"); a reminder is claimed by the
 * single statement `UPDATE … SET sent_at = now WHERE sent_at IS NULL AND due_at <= now RETURNING`,
 * in the same transaction as its notifications, so a restart, a second scheduler or a second
 * process never sends it twice. Each reminder goes to the units that have sent nothing for the
 * deadline at the time it is sent: for a call, the asked units with no item answering it; for an
 * issue's 截稿, the units with an active contributor that submitted nothing since the issue was
 * created. In-app always; by e-mail as well to users with an address when a mailer is given.
 */
export interface ReminderOptions {
  /** Hours before a deadline to remind at; default 24 and 2. */
  offsetsHours?: number[];
  mailer?: Mailer | null;
}

export interface SentReminder {
  id: number;
  key: string;
  kind: "call" | "issue";
  targetId: number;
  manual: boolean;
  unitIds: number[];
  /** Users notified in the app. */
  notified: number;
  /** E-mails handed to the SMTP server. */
  emailed: number;
}

export const DEFAULT_OFFSETS_HOURS = [24, 2];

/** Writes the reminder rows for every open call and every drafting issue with a future deadline. */
export function scheduleReminders(database: Db, now: number, offsetsHours = DEFAULT_OFFSETS_HOURS): void {
  const c = database.$client;
  const upsert = c.prepare("insert or ignore into reminders (key, call_id, issue_id, due_at, offset_minutes) values (?, ?, ?, ?, ?)");
  // A moved deadline: the unsent rows for the old one go, the new one's are written.
  const dropStale = c.prepare("delete from reminders where sent_at is null and offset_minutes is not null and key like ? and key not like ?");
  const openCalls = c.prepare("select id, deadline, created_at as createdAt from calls where closed_at is null and deadline > ?").all(now) as { id: number; deadline: number; createdAt: number }[];
  const openIssues = c.prepare("select id, deadline, created_at as createdAt from issues where status = 'drafting' and deadline is not null and deadline > ?").all(now) as {
    id: number;
    deadline: number;
    createdAt: number;
  }[];
  database.$client.transaction(() => {
    for (const [kind, rows] of [
      ["call", openCalls],
      ["issue", openIssues],
    ] as const) {
      for (const r of rows) {
        dropStale.run(`${kind}:${r.id}:%`, `${kind}:${r.id}:${r.deadline}:%`);
        for (const h of offsetsHours) {
          const minutes = Math.round(h * 60);
          const due = r.deadline - minutes * 60_000;
          // A deadline set with less time left than the offset gets no reminder for that offset.
          if (due <= r.createdAt) continue;
          upsert.run(`${kind}:${r.id}:${r.deadline}:${minutes}`, kind === "call" ? r.id : null, kind === "issue" ? r.id : null, due, minutes);
        }
      }
    }
  })();
}

interface ClaimedRow {
  id: number;
  key: string;
  call_id: number | null;
  issue_id: number | null;
  offset_minutes: number | null;
}

/** The units that have sent nothing for the reminder's deadline (none once it is closed or past, unless the editor asks now). */
function unitsToRemind(database: Db, row: ClaimedRow, now: number): { unitIds: number[]; message: string } {
  const c = database.$client;
  if (row.call_id !== null) {
    const call = c.prepare("select id, topic, target, deadline, closed_at as closedAt from calls where id = ?").get(row.call_id) as
      | { id: number; topic: string; target: Call["target"]; deadline: number; closedAt: number | null }
      | undefined;
    if (!call || call.closedAt || (row.offset_minutes !== null && call.deadline <= now)) return { unitIds: [], message: "" };
    const answered = callAnswers(database, call.id);
    return {
      unitIds: callTargetUnits(database, call).filter((u) => !answered.has(u.id)).map((u) => u.id),
      message: `${call.topic}（截止 ${formatChina(call.deadline)}）`,
    };
  }
  const issue = c
    .prepare(
      "select id, kind, year, number, number_end as numberEnd, total_number as totalNumber, total_number_end as totalNumberEnd, supplement_label as supplementLabel, date, deadline, status, created_at as createdAt from issues where id = ?",
    )
    .get(row.issue_id) as (Pick<Issue, "kind" | "year" | "number" | "numberEnd" | "totalNumber" | "totalNumberEnd" | "supplementLabel" | "date"> & { id: number; deadline: number | null; status: string; createdAt: number }) | undefined;
  if (!issue || issue.deadline === null || issue.status !== "drafting" || (row.offset_minutes !== null && issue.deadline <= now)) return { unitIds: [], message: "" };
  const sent = new Set(
    (
      c
        .prepare("select distinct i.unit_id as u from items i join item_revisions r on r.item_id = i.id and r.kind = 'submission' where r.created_at >= ?")
        .all(issue.createdAt) as { u: number }[]
    ).map((r) => r.u),
  );
  return {
    unitIds: callTargetUnits(database, { id: 0, target: "all" })
      .filter((u) => !sent.has(u.id))
      .map((u) => u.id),
    message: `${issueName(issue)}（截稿 ${formatChina(issue.deadline)}）`,
  };
}

/**
 * Claims every due, unsent reminder (or the one with `onlyId`) and sends it: notifications in the
 * same transaction as the claim, then e-mails. Returns what was sent.
 */
async function claimAndSend(database: Db, now: number, mailer: Mailer | null | undefined, onlyId?: number): Promise<SentReminder[]> {
  const c = database.$client;
  const claim = c.prepare(
    `update reminders set sent_at = @now where sent_at is null and due_at <= @now ${onlyId ? "and id = @id" : ""}
     returning id, key, call_id, issue_id, offset_minutes`,
  );
  const usersOf = c.prepare("select id, email from users where unit_id = ? and active = 1");
  const notify = c.prepare("insert into notifications (user_id, kind, item_id, issue_id, message, created_at) values (?, ?, null, ?, ?, ?)");
  const mark = c.prepare("update reminders set units_reminded = ? where id = ?");
  const mails: { to: string; subject: string; text: string; reminder: number }[] = [];
  const sent = c.transaction(() => {
    const rows = claim.all(onlyId ? { now, id: onlyId } : { now }) as ClaimedRow[];
    return rows.map((row) => {
      const { unitIds, message } = unitsToRemind(database, row, now);
      const kind = row.call_id !== null ? "call" : "issue";
      const noticeKind = `${kind}_${row.offset_minutes === null ? "urge" : "reminder"}`;
      let notified = 0;
      for (const unitId of unitIds) {
        for (const u of usersOf.all(unitId) as { id: number; email: string | null }[]) {
          notify.run(u.id, noticeKind, kind === "issue" ? row.issue_id : null, message, now);
          notified++;
          if (u.email) mails.push({ to: u.email, subject: `【催报】${message}`, text: reminderMailText(kind, message), reminder: row.id });
        }
      }
      mark.run(JSON.stringify(unitIds), row.id);
      return { id: row.id, key: row.key, kind, targetId: (row.call_id ?? row.issue_id) as number, manual: row.offset_minutes === null, unitIds, notified, emailed: 0 } as SentReminder;
    });
  })();
  if (mailer) {
    for (const { reminder, ...m } of mails) {
      try {
        await mailer.send(m);
        const s = sent.find((x) => x.id === reminder);
        if (s) s.emailed++;
      } catch (e) {
        // In-app notices went out with the claim; a failed e-mail is reported, not retried.
        console.error(`reminder e-mail to ${m.to} failed:`, e instanceof Error ? e.message : e);
      }
    }
  }
  return sent;
}

function reminderMailText(kind: "call" | "issue", message: string): string {
  return kind === "call"
    ? `您好：\n\n约稿「${message}」尚未收到贵单位的稿件，请在截止前登录简报编发报送。\n\n此邮件由简报编发系统自动发送。`
    : `您好：\n\n${message}即将截稿，尚未收到贵单位的稿件，请及时登录简报编发报送。\n\n此邮件由简报编发系统自动发送。`;
}

/**
 * The scheduler's tick (and the CLI's `run-due`): writes the schedule for current deadlines, then
 * sends whatever is due and unsent. Safe to call from any number of processes at once.
 */
export async function runDueReminders(database: Db, now: number, opts: ReminderOptions = {}): Promise<SentReminder[]> {
  scheduleReminders(database, now, opts.offsetsHours);
  return claimAndSend(database, now, opts.mailer);
}

export const remindNowSchema = z.union([z.object({ callId: z.number().int().positive() }).strict(), z.object({ issueId: z.number().int().positive() }).strict()]);

/** The editor's 催报: one reminder now to every unit that has sent nothing for the call or issue. Logged. */
export async function remindNow(actor: Actor, input: z.infer<typeof remindNowSchema>, opts: { database?: Db; now?: number; mailer?: Mailer | null } = {}): Promise<SentReminder> {
  requireRole(actor, "editor");
  const database = opts.database ?? appDb;
  const now = opts.now ?? Date.now();
  const c = database.$client;
  const isCall = "callId" in input;
  const targetId = isCall ? input.callId : input.issueId;
  const target = c.prepare(isCall ? "select id, closed_at as closed from calls where id = ?" : "select id, status, deadline from issues where id = ?").get(targetId) as
    | { id: number; closed?: number | null; status?: string; deadline?: number | null }
    | undefined;
  if (!target) throw new AppError("not_found");
  if (isCall ? target.closed : target.status !== "drafting" || target.deadline === null) throw new AppError("not_allowed_now");
  const key = `${isCall ? "call" : "issue"}:${targetId}:now:${now}:${actor.id}`;
  const row = c
    .prepare("insert into reminders (key, call_id, issue_id, due_at, offset_minutes, created_by_id) values (?, ?, ?, ?, null, ?) returning id")
    .get(key, isCall ? targetId : null, isCall ? null : targetId, now, actor.id) as { id: number };
  const [sent] = await claimAndSend(database, now, opts.mailer === undefined ? defaultMailer() : opts.mailer, row.id);
  if (!sent) throw new AppError("conflict");
  database.transaction((tx) =>
    isCall
      ? audit(tx, actor, { entity: "publication", entityId: null, action: "remind_now", detail: { callId: targetId, units: sent.unitIds } })
      : audit(tx, actor, { entity: "issue", entityId: targetId, action: "remind_now", detail: { issueId: targetId, units: sent.unitIds } }),
  );
  return sent;
}

let cachedMailer: Mailer | null | undefined;
/** The SMTP mailer when SMTP_URL is configured, else null (in-app only). */
export function defaultMailer(): Mailer | null {
  if (cachedMailer === undefined) cachedMailer = mailerFromEnv();
  return cachedMailer;
}

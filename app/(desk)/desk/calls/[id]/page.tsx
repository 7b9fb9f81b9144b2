import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { CloseCallButton, RemindNowButton } from "@/components/calls/remind-now-button";
import { requirePageActor } from "@/lib/auth/session";
import { callView } from "@/lib/data/calls";
import { answerTime, nearDateTime } from "@/lib/i18n/dates";
import { reminderOffsetsHours } from "@/lib/mail";
import { offsetMinutesOf, offsetWords, skippedOffsets } from "@/lib/reminders/offset";
import styles from "@/components/calls/calls.module.css";
import { loadPageRecord } from "@/lib/auth/page-record";
import { issueLabeler } from "@/lib/i18n/issue-label";

export default async function CallPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("editor");
  const view = await loadPageRecord(params, (id) => callView(actor, id));
  const { call, units, reminders, issue } = view;
  const [t, label, format] = await Promise.all([getTranslations("calls"), issueLabeler(), getFormatter()]);
  const open = !call.closedAt;
  // Offsets already past when the call was published get no reminder (the units had just been told
  // of the call): listed as not scheduled, so nobody wonders where the 24-hour reminder went.
  const skipped = skippedOffsets(
    offsetMinutesOf(reminderOffsetsHours()),
    call.deadline.getTime(),
    call.createdAt.getTime(),
    reminders.map((r) => r.offsetMinutes),
  );
  return (
    <section>
      <p>
        <Link href="/desk/calls">{t("back")}</Link>
      </p>
      <div className="title-row">
        <h1>{call.topic}</h1>
        <span>{!open ? t("closed") : view.pastDeadline ? t("pastDeadline") : t("open")}</span>
      </div>
      <p>
        {t("due", { time: nearDateTime(format, call.deadline) })}
        {issue && <> · {label(issue)}</>}
      </p>
      {call.guidance && <p className="note">{call.guidance}</p>}
      {open && (
        <p>
          <RemindNowButton target={{ callId: call.id }} /> <CloseCallButton callId={call.id} />
        </p>
      )}
      <table className="table" data-testid="call-units">
        <thead>
          <tr>
            <th scope="col">{t("unit")}</th>
            <th scope="col">{t("status")}</th>
            <th scope="col">{t("answeredAt")}</th>
            <th scope="col">{t("items")}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.unitId} data-status={u.status}>
              <td>{u.unitName}</td>
              <td>
                <span className={`badge ${styles[u.status]}`}>{t(u.status)}</span>
              </td>
              <td>{u.answeredAt ? answerTime(format, u.answeredAt, call.deadline) : "—"}</td>
              <td>{u.items}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("reminders")}</h2>
      <table className="table" data-testid="call-reminders">
        <thead>
          <tr>
            <th scope="col">{t("reminderKind")}</th>
            <th scope="col">{t("reminderDue")}</th>
            <th scope="col">{t("reminderSent")}</th>
            <th scope="col">{t("reminderUnits")}</th>
          </tr>
        </thead>
        <tbody>
          {skipped.map((m) => (
            <tr key={`skipped-${m}`} data-testid="reminder-skipped">
              <td>{t("reminderOffset", { span: offsetWords(t, m) })}</td>
              <td>—</td>
              <td>{t("reminderSkipped", { span: offsetWords(t, m) })}</td>
              <td>—</td>
            </tr>
          ))}
          {reminders.map((r) => (
            <tr key={r.id}>
              <td>{r.offsetMinutes === null ? t("reminderManual") : t("reminderOffset", { span: offsetWords(t, r.offsetMinutes) })}</td>
              <td>{nearDateTime(format, r.dueAt)}</td>
              <td>{r.sentAt ? nearDateTime(format, r.sentAt) : t("notSent")}</td>
              <td>{r.unitsReminded ? (JSON.parse(r.unitsReminded) as number[]).length : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

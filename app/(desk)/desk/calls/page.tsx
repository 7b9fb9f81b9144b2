import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { GuidanceEditor } from "@/components/calls/guidance-editor";
import { PublishCallForm } from "@/components/calls/publish-call-form";
import { RemindNowButton } from "@/components/calls/remind-now-button";
import styles from "@/components/calls/calls.module.css";
import { requirePageActor } from "@/lib/auth/session";
import { callableUnits, currentGuidance, defaultCallDeadline, listCalls } from "@/lib/data/calls";
import { nearDateTime } from "@/lib/i18n/dates";
import { listIssues } from "@/lib/data/issues";
import { reminderOffsetsHours } from "@/lib/mail";
import { offsetMinutesOf, offsetWords } from "@/lib/reminders/offset";
import { issueLabeler } from "@/lib/i18n/issue-label";

export default async function CallsPage() {
  const actor = await requirePageActor("editor");
  const rows = listCalls(actor);
  const [t, format] = await Promise.all([getTranslations("calls"), getFormatter()]);
  const units = callableUnits(actor);
  const drafting = listIssues(actor).filter((i) => i.status === "drafting");
  const withDeadline = drafting.filter((i) => i.deadline);
  const labelOf = await issueLabeler();
  const issues = drafting.map((i) => ({ id: i.id, label: labelOf(i) }));
  const inThreeDays = defaultCallDeadline();
  return (
    <section>
      <h1>{t("title")}</h1>
      <p className="hint">{t("intro", { offsets: offsetMinutesOf(reminderOffsetsHours()).map((m) => offsetWords(t, m)).join("、") })}</p>
      <h2>{t("list")}</h2>
      {rows.length === 0 ? (
        <p className="empty">{t("empty")}</p>
      ) : (
        <table className="table" data-testid="calls">
          <thead>
            <tr>
              <th scope="col">{t("topic")}</th>
              <th scope="col">{t("deadline")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("asked")}</th>
              <th scope="col">{t("answered")}</th>
              <th scope="col">{t("late")}</th>
              <th scope="col">{t("missed")}</th>
              <th scope="col">{t("pending")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.call.id}>
                <td>
                  <Link href={`/desk/calls/${r.call.id}`}>{r.call.topic}</Link>
                </td>
                <td>{nearDateTime(format, r.call.deadline)}</td>
                <td>{r.call.closedAt ? t("closed") : r.pastDeadline ? t("pastDeadline") : t("open")}</td>
                <td>{r.asked}</td>
                <td>{r.answered}</td>
                <td>{r.late}</td>
                <td>{r.missed}</td>
                <td>{r.pending}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {withDeadline.length > 0 && (
        <>
          <h2>{t("issueDeadlines")}</h2>
          <ul className="list" data-testid="issue-deadlines">
            {withDeadline.map((i) => (
              <li key={i.id}>
                {labelOf(i)} · {t("due", { time: nearDateTime(format, i.deadline ?? 0) })} <RemindNowButton target={{ issueId: i.id }} />
              </li>
            ))}
          </ul>
        </>
      )}
      <div className={styles.cols}>
        <PublishCallForm units={units} issues={issues} defaultDeadline={inThreeDays} />
        <GuidanceEditor body={currentGuidance().body} />
      </div>
    </section>
  );
}

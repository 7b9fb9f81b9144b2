import { getFormatter, getTranslations } from "next-intl/server";
import type { DistributionRecord } from "@/db/schema";
import { METHOD_LABELS } from "@/lib/data/register";
import { calendarDay, DATE_TIME } from "@/lib/i18n/dates";

/** An issue's register entry as a readable list (the latest entry; earlier ones as its history). */
export async function RegisterEntry({ entries }: { entries: DistributionRecord[] }) {
  const [t, format] = await Promise.all([getTranslations("register"), getFormatter()]);
  const current = entries.at(-1);
  if (!current) return <p className="hint">{t("noEntry")}</p>;
  return (
    <div className="register-entry" data-testid="register-entry">
      <dl className="meta">
        <dt>{t("date")}</dt>
        <dd>{calendarDay(format, current.date)}</dd>
        <dt>{t("method")}</dt>
        <dd>{METHOD_LABELS[current.method]}</dd>
        <dt>{t("groups")}</dt>
        <dd>{current.groups.join("；")}</dd>
        <dt>{t("count")}</dt>
        <dd>{current.recipientCount}</dd>
        <dt>{t("printRun")}</dt>
        <dd>{current.printRun ?? "—"}</dd>
        <dt>{t("by")}</dt>
        <dd>{t("recordedAt", { name: current.recordedByName, time: format.dateTime(current.createdAt, DATE_TIME) })}</dd>
      </dl>
      {entries.length > 1 && (
        <details>
          <summary>{t("history")}</summary>
          <ol>
            {entries.map((e) => (
              <li key={e.id}>
                #{e.id} · {calendarDay(format, e.date)} · {METHOD_LABELS[e.method]} · {e.groups.join("；")} · {e.recipientCount} · {e.printRun ?? "—"} · {e.recordedByName}
                {e.correctsId && <> · {t("correctionOf", { id: e.correctsId, reason: e.reason })}</>}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}

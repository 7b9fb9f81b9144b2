import { getFormatter, getTranslations } from "next-intl/server";
import type { Forward, LeaderInstruction } from "@/db/schema";
import { calendarDay } from "@/lib/i18n/dates";
import { RemoveRecognition } from "./recognition-forms";

/**
 * An item's leader instructions (领导批示) and forwards (转报), as the desk, the unit and the office
 * see them; the office also gets a delete button on each (the forms to add are separate).
 */
export async function RecognitionPanel({ instructions, forwards, editable = false }: { instructions: LeaderInstruction[]; forwards: Forward[]; editable?: boolean }) {
  const [t, format] = await Promise.all([getTranslations("recognition"), getFormatter()]);
  if (!editable && instructions.length === 0 && forwards.length === 0) return null;
  return (
    <section className="card" aria-labelledby="recognition-title" data-testid="recognition">
      <h2 id="recognition-title">{t("title")}</h2>
      <h3>{t("instructions")}</h3>
      {instructions.length === 0 ? (
        <p className="empty">{t("none")}</p>
      ) : (
        <ul className="list">
          {instructions.map((i) => (
            <li key={i.id}>
              <strong>{i.leader}</strong>（{t(`levels.${i.level}`)}）· {calendarDay(format, i.date)}：{i.text}
              {editable && <RemoveRecognition kind="instruction" id={i.id} />}
            </li>
          ))}
        </ul>
      )}
      <h3>{t("forwards")}</h3>
      {forwards.length === 0 ? (
        <p className="empty">{t("none")}</p>
      ) : (
        <ul className="list">
          {forwards.map((f) => (
            <li key={f.id}>
              {f.target} · {calendarDay(format, f.date)} · {f.used && f.usedDate ? t("usedOn", { date: calendarDay(format, f.usedDate) }) : t("notUsed")}
              {editable && <RemoveRecognition kind="forward" id={f.id} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

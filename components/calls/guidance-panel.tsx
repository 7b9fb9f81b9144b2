import { getFormatter, getTranslations } from "next-intl/server";
import { currentGuidance } from "@/lib/data/calls";
import { DATE, nearDateTime } from "@/lib/i18n/dates";
import styles from "./calls.module.css";

/**
 * Beside the contributor's form: the standing guidance (报送要点) and the open calls the unit is
 * asked to answer, each with its own guidance and deadline; a call whose deadline has passed (still
 * answerable for a week, counted late) says so instead of showing its deadline as if to come.
 * Server component.
 */
export async function GuidancePanel({ calls }: { calls: { id: number; topic: string; guidance: string; deadline: Date; pastDeadline: boolean }[] }) {
  const [t, format] = await Promise.all([getTranslations("calls"), getFormatter()]);
  const g = currentGuidance();
  return (
    <section className={styles.panel} aria-labelledby="guidance-title" data-testid="guidance-panel">
      <h2 id="guidance-title">{t("guidanceTitle")}</h2>
      {g.body ? <p className={styles.pre}>{g.body}</p> : <p className="hint">{t("guidanceEmpty")}</p>}
      {g.updatedAt && <p className="hint">{t("guidanceUpdated", { time: format.dateTime(g.updatedAt, DATE) })}</p>}
      {calls.length > 0 && (
        <>
          <h3>{t("openCallsSide")}</h3>
          <ul className={styles.calls}>
            {calls.map((c) => (
              <li key={c.id}>
                <strong>{c.topic}</strong>{" "}
                <span className="hint">{t(c.pastDeadline ? "dueLate" : "due", { time: nearDateTime(format, c.deadline) })}</span>
                {c.guidance && <p className={styles.pre}>{c.guidance}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

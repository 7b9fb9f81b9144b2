import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { nearDateTime } from "@/lib/i18n/dates";
import type { Actor } from "@/lib/data/actor";
import { openCallsForUnit } from "@/lib/data/calls";
import styles from "./calls.module.css";

/** At the top of the unit's list: the calls it is asked to answer, with whether it has. */
export async function OpenCalls({ actor }: { actor: Actor }) {
  const rows = openCallsForUnit(actor);
  if (rows.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("calls"), getFormatter()]);
  return (
    <section className={styles.open} aria-labelledby="open-calls-title" data-testid="open-calls">
      <h2 id="open-calls-title">{t("openCalls")}</h2>
      <ul>
        {rows.map(({ call, answeredAt, late, overdue }) => (
          <li key={call.id} data-answered={answeredAt ? "yes" : "no"}>
            <strong>{call.topic}</strong> <span>{t("due", { time: nearDateTime(format, call.deadline) })}</span>
            {call.guidance && <p className={styles.pre}>{call.guidance}</p>}
            {answeredAt ? (
              <span className={late ? "error" : "ok"}>{t(late ? "youAnsweredLate" : "youAnswered", { time: nearDateTime(format, answeredAt) })}</span>
            ) : (
              <>
                {overdue && <span className="error">{t("overdue")} </span>}
                <Link href={`/items/new?call=${call.id}`} className="button">
                  {t("answer")}
                </Link>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

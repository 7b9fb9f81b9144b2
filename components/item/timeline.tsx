import { getFormatter, getTranslations } from "next-intl/server";
import type { AuditEntry } from "@/db/schema";

/** Who did what and when, from the audit log. */
export async function Timeline({ entries, title }: { entries: AuditEntry[]; title?: string }) {
  const [t, format] = await Promise.all([getTranslations("audit"), getFormatter()]);
  const tItem = await getTranslations("item");
  return (
    <section className="timeline" aria-label={title ?? tItem("timeline")}>
      <h2>{title ?? tItem("timeline")}</h2>
      <ol data-testid="timeline">
        {entries.map((e) => {
          const note = typeof e.detail?.note === "string" ? e.detail.note : typeof e.detail?.comment === "string" ? e.detail.comment : null;
          return (
            <li key={e.id}>
              <time dateTime={e.at.toISOString()}>{format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short" })}</time>{" "}
              <span className="who">{e.actorName}</span> <span className="what">{t.has(e.action) ? t(e.action as "create") : e.action}</span>
              {note && <span className="detail">：{note}</span>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { calendarDay } from "@/lib/i18n/dates";
import { reviewQueue } from "@/lib/data/review";
import { issueLabeler } from "@/lib/i18n/issue-label";

export default async function ReviewQueuePage() {
  const actor = await requirePageActor("reviewer", "signer");
  const rows = reviewQueue(actor);
  const [t, td, labelOf, format] = await Promise.all([getTranslations("review"), getTranslations("desk"), issueLabeler(), getFormatter()]);
  return (
    <section>
      <h1>{t("queueTitle")}</h1>
      {rows.length === 0 ? (
        <p className="empty">{t("queueEmpty")}</p>
      ) : (
        <ul className="list" data-testid="review-queue">
          {rows.map((r) => (
            <li key={r.id}>
              <Link href={`/review/issues/${r.id}`}>{labelOf(r)}</Link>{" "}
              {calendarDay(format, r.date)} · {td("itemsCount", { count: r.items })} · {t("roundLabel", { round: r.round })}
              {r.openThreads > 0 && <> · {t("openThreads", { count: r.openThreads })}</>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { chineseDate } from "@/lib/bulletin/dates";
import { listIssues } from "@/lib/data/issues";

export default async function ReviewQueuePage() {
  const actor = await requirePageActor("reviewer");
  const rows = listIssues(actor).filter((r) => r.status === "in_review");
  const [t, td] = await Promise.all([getTranslations("review"), getTranslations("desk")]);
  return (
    <section>
      <h1>{t("queueTitle")}</h1>
      {rows.length === 0 ? (
        <p className="empty">{t("queueEmpty")}</p>
      ) : (
        <ul className="list" data-testid="review-queue">
          {rows.map((r) => (
            <li key={r.id}>
              <Link href={`/review/issues/${r.id}`}>{td("issueLabel", { year: r.year, number: r.number, total: r.totalNumber })}</Link>{" "}
              {chineseDate(r.date)} · {td("itemsCount", { count: r.items })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

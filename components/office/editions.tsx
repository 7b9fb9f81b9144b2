import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/data/actor";
import { listEditions } from "@/lib/data/issues";

/**
 * The revisions of a distributed issue's frozen edition: the first as distributed (or imported),
 * then each 勘误 with its reason — each still readable — and, for the office, the way to add one.
 */
export async function Editions({ actor, issueId }: { actor: Actor; issueId: number }) {
  const editions = listEditions(actor, issueId);
  const [t, format] = await Promise.all([getTranslations("correction"), getFormatter()]);
  const canCorrect = actor.roles.includes("office");
  if (editions.length < 2 && !canCorrect) return null;
  return (
    <div className="note" data-testid={`editions-${issueId}`}>
      {editions.length > 1 && (
        <ul className="list">
          {editions.map((e) => (
            <li key={e.revision}>
              {t("revision", { n: e.revision })} · {t(`kind_${e.kind}`)}
              {e.note && e.kind === "correction" ? `：${e.note}` : ""} · {e.createdByName} · {format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "short" })} ·{" "}
              <a href={`/api/issues/${issueId}/export?format=txt&revision=${e.revision}`}>{t("textExport")}</a> ·{" "}
              <a href={`/api/issues/${issueId}/export?format=html&revision=${e.revision}`} target="_blank" rel="noopener">
                {t("printView")}
              </a>
            </li>
          ))}
        </ul>
      )}
      {canCorrect && <Link href={`/office/issues/${issueId}/correct`}>{t("add")}</Link>}
    </div>
  );
}

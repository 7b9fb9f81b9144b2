import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/data/actor";
import { findNearDuplicates } from "@/lib/data/near-duplicates";
import { nearDateTime } from "@/lib/i18n/dates";
import { duplicateNote } from "@/lib/i18n/duplicate-note";

/**
 * On the desk's item page: the printed and inbox items this one closely matches, each linked, with
 * where it stands (its issue by name, or the inbox), its unit and when it was sent (before or after
 * this item's `submittedAt`).
 */
export async function NearDuplicates({ actor, itemId, submittedAt }: { actor: Actor; itemId: number; submittedAt?: Date | null }) {
  const found = findNearDuplicates(actor, itemId);
  if (!found.length) return null;
  const [t, format] = await Promise.all([getTranslations("nearDuplicates"), getFormatter()]);
  return (
    <section className="card" role="alert" aria-labelledby="near-duplicates-title" data-testid="near-duplicates">
      <h2 id="near-duplicates-title">{t("title")}</h2>
      <p>{t("intro")}</p>
      <ul>
        {found.map((d) => (
          <li key={d.id}>
            <Link href={`/desk/items/${d.id}`}>{d.title}</Link>
            {" — "}
            {d.issue ? t(d.issue.status === "distributed" || d.status === "published" ? "printed" : "placed", { issue: d.issue.label }) : t("inbox")}
            {duplicateNote(t as never, (at) => nearDateTime(format, at), { ...d, issue: null }, submittedAt ?? null)}
            {"，"}
            {t("similarity", { percent: Math.round(d.similarity * 100) })}
          </li>
        ))}
      </ul>
    </section>
  );
}

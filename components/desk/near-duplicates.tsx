import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/data/actor";
import { findNearDuplicates } from "@/lib/data/near-duplicates";

/** On the desk's item page: the printed and inbox items this one closely matches, each linked. */
export async function NearDuplicates({ actor, itemId }: { actor: Actor; itemId: number }) {
  const found = findNearDuplicates(actor, itemId);
  if (!found.length) return null;
  const t = await getTranslations("nearDuplicates");
  return (
    <section className="card" role="alert" aria-labelledby="near-duplicates-title" data-testid="near-duplicates">
      <h2 id="near-duplicates-title">{t("title")}</h2>
      <p>{t("intro")}</p>
      <ul>
        {found.map((d) => (
          <li key={d.id}>
            <Link href={`/desk/items/${d.id}`}>{d.title}</Link>
            {" — "}
            {d.issue
              ? d.issue.status === "distributed"
                ? t("printed", { year: d.issue.year, number: d.issue.number })
                : t("placed", { year: d.issue.year, number: d.issue.number })
              : t("inbox")}
            {"，"}
            {t("similarity", { percent: Math.round(d.similarity * 100) })}
          </li>
        ))}
      </ul>
    </section>
  );
}

import "server-only";
import { getTranslations } from "next-intl/server";
import { itemWordListHits } from "@/lib/copycheck/word-lists";
import type { Actor } from "@/lib/data/actor";
import { wordListsFor } from "@/lib/data/word-lists";
import { innerBookTitle } from "@/lib/text/book-title";

/**
 * Every remaining hit of the admin's 规范表述 and 敏感词 lists in the given items: on the review
 * page for the whole issue (before approval) and on the desk's item page. Nothing when none.
 */
export async function WordListHits({ actor, items }: { actor: Actor; items: { title: string; paragraphs: string[]; source: string | null }[] }) {
  const lists = wordListsFor(actor);
  const hits = items.flatMap((item) => itemWordListHits(item, lists).map((h) => ({ ...h, item: item.title })));
  if (!hits.length) return null;
  const t = await getTranslations("wordListHits");
  return (
    <section className="card" role="alert" aria-labelledby="word-list-hits-title" data-testid="word-list-hits">
      <h2 id="word-list-hits-title">{t("title", { count: hits.length })}</h2>
      <p>{t("intro")}</p>
      <ul>
        {hits.map((h, i) => (
          <li key={i} data-testid="word-list-hit" data-kind={h.kind}>
            {h.kind === "standard" ? t("standard", { item: innerBookTitle(h.item), term: h.term, right: h.right ?? "" }) : t("sensitive", { item: innerBookTitle(h.item), term: h.term })}
            {t("where", { place: h.place })}
          </li>
        ))}
      </ul>
    </section>
  );
}

import { getTranslations } from "next-intl/server";
import { TextDiff } from "@/components/item/text-diff";
import type { RoundComparison } from "@/lib/bulletin/compare";
import { bookTitle } from "@/lib/text/book-title";

/** From round 2 on: what changed since the reviewer last saw the issue. */
export async function RoundChanges({ comparison, round }: { comparison: RoundComparison; round: number }) {
  const t = await getTranslations("rounds");
  const place = (p?: { section: string | null; index: number }) => ({ section: p?.section ?? t("lead"), index: (p?.index ?? 0) + 1 });
  return (
    <section className="card round-changes" data-testid="round-changes" aria-label={t("title")}>
      <h2>
        {t("title")} · {t("roundN", { round })}
      </h2>
      {comparison.unchanged && <p>{t("unchanged")}</p>}
      <ul>
        {comparison.items.map((c) => (
          <li key={c.key} data-kind={c.kind}>
            <strong className={`change-${c.kind}`}>{t(c.kind)}</strong> {bookTitle(c.title)}
            {c.kind === "moved" && (
              <small>
                {" "}
                {t("from", place(c.from))} → {t("to", place(c.to))}
              </small>
            )}
            {c.diff && <TextDiff parts={c.diff} label={c.title} />}
          </li>
        ))}
      </ul>
      {comparison.sectionOrder && (
        <p>
          <strong>{t("sectionOrder")}</strong>：{t("before")} {comparison.sectionOrder.before.map((s) => s ?? t("lead")).join("、")}；{t("after")}{" "}
          {comparison.sectionOrder.after.map((s) => s ?? t("lead")).join("、")}
        </p>
      )}
      {comparison.toc && (
        <div>
          <strong>{t("toc")}</strong>
          <TextDiff parts={comparison.toc} label={t("toc")} />
        </div>
      )}
      {comparison.masthead && (
        <div>
          <strong>{t("masthead")}</strong>
          <TextDiff parts={comparison.masthead} label={t("masthead")} />
        </div>
      )}
      {comparison.footer && (
        <div>
          <strong>{t("footer")}</strong>
          <TextDiff parts={comparison.footer} label={t("footer")} />
        </div>
      )}
    </section>
  );
}

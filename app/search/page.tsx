import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Highlighted } from "@/components/search/highlighted";
import { requirePageActor } from "@/lib/auth/session";
import { hasRole } from "@/lib/data/actor";
import { AppError } from "@/lib/data/errors";
import { type SearchHit, searchFacets, searchInputSchema, searchItems, type SearchResult } from "@/lib/data/search";
import { issueLabeler } from "@/lib/i18n/issue-label";
import { searchProblem } from "@/lib/search/problem";
import styles from "@/components/search/search.module.css";

type Params = { q?: string; unitId?: string; section?: string; year?: string; issueId?: string };

export default async function SearchPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requirePageActor("contributor", "editor", "reviewer", "signer", "office", "admin");
  const sp = await searchParams;
  const desk = hasRole(actor, "editor", "reviewer", "office", "admin");
  const t = await getTranslations("search");
  const facets = searchFacets(actor);
  let result: SearchResult | null = null;
  let error: string | null = null;
  const q = (sp.q ?? "").trim();
  if (q) {
    const parsed = searchInputSchema.safeParse({ ...sp, q });
    if (!parsed.success) {
      const problem = searchProblem(parsed.error.issues, sp);
      error = problem.key === "badFilter" ? t("badFilter", { field: t(problem.field ?? "unit"), value: problem.value ?? "" }) : t(problem.key);
    }
    else {
      try {
        result = searchItems(actor, parsed.data);
      } catch (e) {
        if (e instanceof AppError) error = t("tooShort");
        else throw e;
      }
    }
  }
  // The editor opens the item on the desk, a unit its own item; the reviewer and the office read it in its issue.
  const editor = hasRole(actor, "editor");
  const itemHref = (h: { id: number; unitId: number; issueId: number | null }) =>
    editor ? `/desk/items/${h.id}` : !desk ? `/items/${h.id}` : h.issueId ? `/office/archive/${h.issueId}?q=${encodeURIComponent(q)}` : null;
  const issueLabel = await issueLabeler();
  const hitIssue = (h: SearchHit) => ({ kind: h.issueKind ?? "regular", year: h.issueYear ?? 0, number: h.issueNumber ?? 0, numberEnd: h.issueNumberEnd, totalNumber: h.issueTotal ?? 0, totalNumberEnd: h.issueTotalEnd, supplementLabel: h.issueSupplementLabel });
  return (
    <section>
      <h1>{t("title")}</h1>
      <p className="hint">{desk ? t("intro") : t("introUnit")}</p>
      <form method="get" action="/search" className="card form" role="search">
        <div className="field">
          <label htmlFor="search-q">{t("q")}</label>
          <input id="search-q" name="q" type="search" defaultValue={q} maxLength={100} aria-invalid={error ? true : undefined} aria-describedby={error ? "search-error" : undefined} />
          {error && (
            <span id="search-error" className="field-error" role="alert">
              {error}
            </span>
          )}
        </div>
        <div className="field-row">
        {desk && (
          <div className="field">
            <label htmlFor="search-unit">{t("unit")}</label>
            <select id="search-unit" name="unitId" defaultValue={sp.unitId ?? ""}>
              <option value="">{t("any")}</option>
              {facets.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="search-section">{t("section")}</label>
          <select id="search-section" name="section" defaultValue={sp.section ?? ""}>
            <option value="">{t("any")}</option>
            {facets.sections.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="search-year">{t("year")}</label>
          <select id="search-year" name="year" defaultValue={sp.year ?? ""}>
            <option value="">{t("any")}</option>
            {facets.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="search-issue">{t("issue")}</label>
          <select id="search-issue" name="issueId" defaultValue={sp.issueId ?? ""}>
            <option value="">{t("any")}</option>
            {facets.issues.map((i) => (
              <option key={i.id} value={i.id}>
                {issueLabel(i)}
              </option>
            ))}
          </select>
        </div>
        </div>
        <div>
          <button type="submit" className="primary">
            {t("submit")}
          </button>
        </div>
      </form>
      {result && (
        <>
          <p className="hint" data-testid="search-summary">
            {result.totalCapped ? t("resultsCapped", { total: result.total, ms: result.tookMs, shown: result.hits.length }) : t("results", { total: result.total, ms: result.tookMs })}
          </p>
          {result.hits.length === 0 ? (
            <p className="empty">{t("none")}</p>
          ) : (
            <ol className={styles.hits} data-testid="search-results">
              {result.hits.map((h) => (
                <li key={h.id}>
                  <h2 className={styles.hitTitle}>
                    {itemHref(h) ? (
                      <Link href={itemHref(h) ?? ""}>
                        <Highlighted parts={h.title_parts} />
                      </Link>
                    ) : (
                      <Highlighted parts={h.title_parts} />
                    )}
                  </h2>
                  <p className={styles.snippet}>
                    <Highlighted parts={h.snippet} />
                  </p>
                  <p className="hint">
                    {h.unitName}
                    {h.sectionTitle && <> · {h.sectionTitle}</>} ·{" "}
                    {h.issueId && h.issueYear && h.issueNumber && h.issueTotal ? (
                      desk ? (
                        <Link href={`/office/archive/${h.issueId}?q=${encodeURIComponent(q)}`}>{t("openIssue", { label: issueLabel(hitIssue(h)) })}</Link>
                      ) : (
                        issueLabel(hitIssue(h))
                      )
                    ) : (
                      t("notPlaced")
                    )}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

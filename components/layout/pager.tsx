import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Page } from "@/lib/data/paging";
import styles from "./pager.module.css";

/** `path?query` keeping every filter in `params` and setting `page` (page 1 leaves it out). */
export function pageHref(path: string, params: Record<string, string | number | undefined | null>, page: number): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (k !== "page" && v !== undefined && v !== null && v !== "") q.set(k, String(v));
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/**
 * Page links under a long list: how many rows in all, which page, first/previous/next/last. The
 * links keep the list's filters (`params`, as the page's searchParams had them).
 */
export async function Pager({ path, params, page }: { path: string; params: Record<string, string | number | undefined | null>; page: Page }) {
  const t = await getTranslations("paging");
  const link = (n: number, label: string, rel?: string) =>
    n === page.page || n < 1 || n > page.pages ? (
      <span aria-disabled="true">{label}</span>
    ) : (
      <Link href={pageHref(path, params, n)} rel={rel}>
        {label}
      </Link>
    );
  return (
    <nav className={styles.pager} aria-label={t("label")} data-testid="pager">
      <span>{t("summary", { total: page.total, page: page.page, pages: page.pages })}</span>
      {page.pages > 1 && (
        <>
          {" "}
          {link(1, t("first"))} {link(page.page - 1, t("prev"), "prev")} {link(page.page + 1, t("next"), "next")} {link(page.pages, t("last"))}
        </>
      )}
    </nav>
  );
}

/** Year links over a list paged by year (the archive, the desk's issues), each with its count. */
export async function YearNav({ path, params, years, current }: { path: string; params: Record<string, string | number | undefined | null>; years: { year: number; count: number }[]; current: number | null }) {
  const t = await getTranslations("paging");
  return (
    <nav aria-label={t("years")}>
      <ul className={styles.years} data-testid="years">
        {years.map((y) => (
          <li key={y.year}>
            <Link href={pageHref(path, { ...params, year: y.year }, 1)} aria-current={y.year === current ? "page" : undefined}>
              {t("yearCount", { year: y.year, count: y.count })}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

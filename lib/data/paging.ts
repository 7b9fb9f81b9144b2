import { z } from "zod";

/** Rows per page on the long lists (inbox, a unit's items, notifications). */
export const PAGE_SIZE = 50;

/** `?page=` as the URL sends it: a positive integer, anything else is page 1. */
export const pageParam = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().int().min(1).max(100_000).optional().catch(undefined));

export interface Page {
  /** 1-based, clamped to the last page. */
  page: number;
  /** At least 1, even when there are no rows. */
  pages: number;
  /** Rows matching the filters, over all pages. */
  total: number;
  size: number;
  /** Rows to skip for this page (LIMIT size OFFSET offset). */
  offset: number;
}

/** Where page `requested` of `total` rows falls; a page past the end shows the last one. */
export function pageOf(total: number, requested: number | undefined, size = PAGE_SIZE): Page {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, requested ?? 1), pages);
  return { page, pages, total, size, offset: (page - 1) * size };
}

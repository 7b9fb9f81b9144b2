import type { Locale } from "../config";

/**
 * Messages are kept in one file per feature (messages/<locale>/<feature>.json) so features can be
 * worked on apart; each file holds whole top-level namespaces, merged here.
 */
export const FEATURES = ["common", "item", "desk", "review", "office", "archive", "admin", "signoff", "trust", "intake", "issueKinds", "archiveBatch", "stats", "calls", "paging", "titles", "form", "pdfExport", "confirm"] as const;

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const parts = await Promise.all(FEATURES.map((f) => import(`./${locale}/${f}.json`).then((m) => m.default as Record<string, unknown>)));
  return Object.assign({}, ...parts);
}

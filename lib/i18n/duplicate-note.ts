/** What a near-duplicate mark says about the other item (lib/data/near-duplicates.ts NearDuplicate). */
export interface DuplicateFacts {
  status: string;
  unitName: string | null;
  submittedAt: Date | null;
  issue: { status: string; label: string } | null;
}

/**
 * The bracketed note after the other item's title in a near-duplicate mark, so the editor sees
 * which of two alike items came first: its unit and where it stands — 已刊发于2025年第3期 (in a
 * distributed issue), 已编入2026年第5期 (placed), else when it was sent and whether that was before
 * or after `ownSubmittedAt` (this item's own sending; null: not compared). E.g.
 * 「（东城区科协，11月28日 12:04报送，早于本篇）」. `t` is the "nearDuplicates" translator, `when`
 * formats a moment (DAY_TIME or nearDateTime). Returns "" when there is nothing to say.
 */
export function duplicateNote(
  t: (key: string, values?: Record<string, string | number>) => string,
  when: (d: Date) => string,
  other: DuplicateFacts,
  ownSubmittedAt: Date | null,
): string {
  const unit = other.unitName || "none";
  if (other.issue) return t("note", { unit, what: t(other.issue.status === "distributed" || other.status === "published" ? "printed" : "placed", { issue: other.issue.label }) });
  if (other.submittedAt) {
    const a = other.submittedAt.getTime();
    const b = ownSubmittedAt?.getTime();
    const order = b === undefined || a === b ? "same" : a < b ? "earlier" : "later";
    return t("note", { unit, what: t("sent", { when: when(other.submittedAt), order }) });
  }
  return other.unitName ? t("noteUnit", { unit: other.unitName }) : "";
}

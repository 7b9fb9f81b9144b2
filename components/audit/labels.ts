/**
 * The message key under "audit" for a log row: an issue "edit" names its kind (a move, a
 * placement, the TOC, an item's text) when the row records it.
 */
export function auditKind(action: string, detail: Record<string, unknown> | null): string {
  return action === "edit" && typeof detail?.action === "string" ? `edit_${detail.action}` : action;
}

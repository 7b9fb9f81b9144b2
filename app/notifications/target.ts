import type { Actor } from "@/lib/data/actor";

/** Where a notification leads, for the person holding it. */
export function noticeTarget(actor: Actor, n: { itemId: number | null; issueId: number | null }): string {
  if (n.itemId) return actor.roles.includes("contributor") ? `/items/${n.itemId}` : `/desk/items/${n.itemId}`;
  if (n.issueId) {
    if (actor.roles.includes("reviewer") || actor.roles.includes("signer")) return `/review/issues/${n.issueId}`;
    if (actor.roles.includes("editor")) return `/desk/issues/${n.issueId}`;
    return "/office";
  }
  return "/notifications";
}

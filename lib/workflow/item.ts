import type { ItemStatus, Role } from "@/db/schema";

export const ITEM_ACTIONS = ["save", "submit", "withdraw", "accept", "return", "decline", "place", "unplace", "publish"] as const;
export type ItemAction = (typeof ITEM_ACTIONS)[number];

/** The system itself (e.g. publishing the items of a distributed issue) acts as "system". */
export type Actor = Role | "system";

type Rule = { from: ItemStatus; action: ItemAction; roles: Actor[]; to: ItemStatus };

/**
 * The item (稿件) state machine, SPEC §3. One row per allowed (state, action); anything not listed
 * is refused. `save` is an edit that keeps the state.
 */
export const ITEM_TRANSITIONS: readonly Rule[] = [
  { from: "draft", action: "save", roles: ["contributor"], to: "draft" },
  { from: "returned", action: "save", roles: ["contributor"], to: "returned" },
  { from: "draft", action: "submit", roles: ["contributor"], to: "submitted" },
  { from: "returned", action: "submit", roles: ["contributor"], to: "submitted" },
  { from: "submitted", action: "withdraw", roles: ["contributor"], to: "draft" },
  { from: "submitted", action: "accept", roles: ["editor"], to: "accepted" },
  { from: "submitted", action: "return", roles: ["editor"], to: "returned" },
  { from: "submitted", action: "decline", roles: ["editor"], to: "declined" },
  // The editor edits accepted and placed items; the submitted text stays in its revision.
  { from: "submitted", action: "save", roles: ["editor"], to: "submitted" },
  { from: "accepted", action: "save", roles: ["editor"], to: "accepted" },
  { from: "placed", action: "save", roles: ["editor"], to: "placed" },
  { from: "accepted", action: "place", roles: ["editor"], to: "placed" },
  { from: "placed", action: "unplace", roles: ["editor"], to: "accepted" },
  { from: "placed", action: "publish", roles: ["office", "system"], to: "published" },
];

export class TransitionError extends Error {
  constructor(
    readonly entity: "item" | "issue",
    readonly from: string,
    readonly action: string,
  ) {
    super(`${entity}: action "${action}" is not allowed from "${from}"`);
  }
}

/** The next state for (state, action) by someone holding `roles`, or null when not allowed. */
export function nextItemState(from: ItemStatus, action: ItemAction, roles: readonly Actor[]): ItemStatus | null {
  const rule = ITEM_TRANSITIONS.find((r) => r.from === from && r.action === action);
  if (!rule || !rule.roles.some((r) => roles.includes(r))) return null;
  return rule.to;
}

export function itemTransition(from: ItemStatus, action: ItemAction, roles: readonly Actor[]): ItemStatus {
  const to = nextItemState(from, action, roles);
  if (to === null) throw new TransitionError("item", from, action);
  return to;
}

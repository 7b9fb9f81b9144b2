import type { IssueStatus } from "@/db/schema";
import { type Actor, TransitionError } from "./item";

export const ISSUE_ACTIONS = ["edit", "send_to_review", "return", "approve", "reopen", "void", "distribute"] as const;
export type IssueAction = (typeof ISSUE_ACTIONS)[number];

type Rule = { from: IssueStatus; action: IssueAction; roles: Actor[]; to: IssueStatus };

/**
 * The issue (期) state machine, SPEC §3. `edit` is any change to content or arrangement and keeps
 * the state; it is only possible while drafting. `void` is the system noticing that approved
 * content changed underneath the approval.
 */
export const ISSUE_TRANSITIONS: readonly Rule[] = [
  { from: "drafting", action: "edit", roles: ["editor"], to: "drafting" },
  { from: "drafting", action: "send_to_review", roles: ["editor"], to: "in_review" },
  { from: "in_review", action: "return", roles: ["reviewer"], to: "drafting" },
  { from: "in_review", action: "approve", roles: ["reviewer"], to: "approved" },
  { from: "approved", action: "reopen", roles: ["editor"], to: "drafting" },
  { from: "approved", action: "void", roles: ["system"], to: "drafting" },
  { from: "approved", action: "distribute", roles: ["office"], to: "distributed" },
];

export function nextIssueState(from: IssueStatus, action: IssueAction, roles: readonly Actor[]): IssueStatus | null {
  const rule = ISSUE_TRANSITIONS.find((r) => r.from === from && r.action === action);
  if (!rule || !rule.roles.some((r) => roles.includes(r))) return null;
  return rule.to;
}

export function issueTransition(from: IssueStatus, action: IssueAction, roles: readonly Actor[]): IssueStatus {
  const to = nextIssueState(from, action, roles);
  if (to === null) throw new TransitionError("issue", from, action);
  return to;
}

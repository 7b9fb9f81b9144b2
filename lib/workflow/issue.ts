import type { IssueStatus } from "@/db/schema";
import { type Actor, TransitionError } from "./item";

export const ISSUE_ACTIONS = ["edit", "send_to_review", "return", "review", "approve", "sign", "reopen", "void", "distribute", "correct"] as const;
export type IssueAction = (typeof ISSUE_ACTIONS)[number];

type Rule = { from: IssueStatus; action: IssueAction; roles: Actor[]; to: IssueStatus };

/**
 * The issue (期) state machine, SPEC §3. `edit` is any change to content or arrangement and keeps
 * the state; it is only possible while drafting. With one sign-off level the reviewer's `approve`
 * is final; with two, the reviewer's `review` (审核) keeps the issue in review and the signer's
 * `sign` (签发) approves it. `void` is the write that changed printed content after an approval
 * (acting for the system) sending the issue back to drafting. `correct` (勘误) adds a revision to
 * a distributed issue. Who may approve a given round is checked in lib/data (not the sender, not
 * whoever changed the content).
 */
export const ISSUE_TRANSITIONS: readonly Rule[] = [
  { from: "drafting", action: "edit", roles: ["editor"], to: "drafting" },
  { from: "drafting", action: "send_to_review", roles: ["editor"], to: "in_review" },
  { from: "in_review", action: "return", roles: ["reviewer", "signer"], to: "drafting" },
  { from: "in_review", action: "review", roles: ["reviewer"], to: "in_review" },
  { from: "in_review", action: "approve", roles: ["reviewer"], to: "approved" },
  { from: "in_review", action: "sign", roles: ["signer"], to: "approved" },
  { from: "in_review", action: "void", roles: ["system"], to: "drafting" },
  { from: "approved", action: "reopen", roles: ["editor"], to: "drafting" },
  { from: "approved", action: "void", roles: ["system"], to: "drafting" },
  { from: "approved", action: "distribute", roles: ["office"], to: "distributed" },
  { from: "distributed", action: "correct", roles: ["office"], to: "distributed" },
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

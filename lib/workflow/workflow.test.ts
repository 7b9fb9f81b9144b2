import { describe, expect, it } from "vitest";
import { ISSUE_STATUSES, ITEM_STATUSES, ROLES } from "@/db/schema";
import { ISSUE_ACTIONS, nextIssueState } from "./issue";
import { type Actor, ITEM_ACTIONS, itemTransition, nextItemState, TransitionError } from "./item";

const ACTORS: Actor[] = [...ROLES, "system"];

/**
 * The expected tables, written out from SPEC §3 independently of the implementation's rule list:
 * key "state action" → { role → next state }. Every combination not listed must be refused.
 */
const ITEM_EXPECTED: Record<string, Partial<Record<Actor, string>>> = {
  "draft save": { contributor: "draft" },
  "returned save": { contributor: "returned" },
  "draft submit": { contributor: "submitted" },
  "returned submit": { contributor: "submitted" },
  "submitted withdraw": { contributor: "draft" },
  "submitted accept": { editor: "accepted" },
  "submitted return": { editor: "returned" },
  "submitted decline": { editor: "declined" },
  "submitted save": { editor: "submitted" },
  "accepted save": { editor: "accepted" },
  "placed save": { editor: "placed" },
  "accepted place": { editor: "placed" },
  "placed unplace": { editor: "accepted" },
  "placed publish": { office: "published", system: "published" },
};

const ISSUE_EXPECTED: Record<string, Partial<Record<Actor, string>>> = {
  "drafting edit": { editor: "drafting" },
  "drafting send_to_review": { editor: "in_review" },
  "in_review return": { reviewer: "drafting", signer: "drafting" },
  "in_review review": { reviewer: "in_review" },
  "in_review approve": { reviewer: "approved" },
  "in_review sign": { signer: "approved" },
  "in_review void": { system: "drafting" },
  "approved reopen": { editor: "drafting" },
  "approved void": { system: "drafting" },
  "approved distribute": { office: "distributed" },
  "distributed correct": { office: "distributed" },
};

describe("item state machine: every state × action × role", () => {
  for (const state of ITEM_STATUSES)
    for (const action of ITEM_ACTIONS)
      for (const role of ACTORS) {
        const expected = ITEM_EXPECTED[`${state} ${action}`]?.[role] ?? null;
        it(`${state} --${action}/${role}--> ${expected ?? "refused"}`, () => {
          expect(nextItemState(state, action, [role])).toBe(expected);
          if (expected === null) expect(() => itemTransition(state, action, [role])).toThrow(TransitionError);
        });
      }

  it("a user holding several roles gets the transition any of them allows", () => {
    expect(nextItemState("submitted", "accept", ["contributor", "editor"])).toBe("accepted");
    expect(nextItemState("submitted", "accept", ["contributor", "office"])).toBeNull();
  });
});

describe("issue state machine: every state × action × role", () => {
  for (const state of ISSUE_STATUSES)
    for (const action of ISSUE_ACTIONS)
      for (const role of ACTORS) {
        const expected = ISSUE_EXPECTED[`${state} ${action}`]?.[role] ?? null;
        it(`${state} --${action}/${role}--> ${expected ?? "refused"}`, () => {
          expect(nextIssueState(state, action, [role])).toBe(expected);
        });
      }
});

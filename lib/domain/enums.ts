/**
 * The value lists of the domain — roles, unit kinds, item and issue statuses, and the other closed
 * sets the database stores as text. Client-safe: no drizzle import, so a client component can show
 * or validate these values without the client bundle carrying the table definitions. db/schema.ts
 * uses these lists for its `text(…, { enum })` columns and re-exports them.
 */

/** A user's roles (a user may hold several; user_roles rows). */
export const ROLES = ["contributor", "editor", "reviewer", "signer", "office", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** What kind of unit (单位) a contributing body is: 办公室, 区, 学会, 基层组织, 部门, 事业单位, other. */
export const UNIT_KINDS = ["office", "district", "society", "grassroots", "department", "institution", "other"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** An item's (稿件) status; lib/workflow/item.ts holds the transitions between them. */
export const ITEM_STATUSES = ["draft", "submitted", "accepted", "returned", "declined", "placed", "published"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** An issue's (期) status; lib/workflow/issue.ts holds the transitions between them. */
export const ISSUE_STATUSES = ["drafting", "in_review", "approved", "distributed"] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

/** The level of a leader instruction (批示): central, provincial, bureau, other. */
export const INSTRUCTION_LEVELS = ["central", "provincial", "bureau", "other"] as const;
export type InstructionLevel = (typeof INSTRUCTION_LEVELS)[number];

/** Whom a call (约稿) goes to: every active unit, or the units chosen. */
export const CALL_TARGETS = ["all", "chosen"] as const;
export type CallTarget = (typeof CALL_TARGETS)[number];

/** How an issue went out: 印发 (print), 电子 (electronic), 邮寄 (post). */
export const DISTRIBUTION_METHODS = ["print", "electronic", "post"] as const;
export type DistributionMethod = (typeof DISTRIBUTION_METHODS)[number];

/** The word lists the checker reads: standard usage, sensitive words. */
export const WORD_LISTS = ["standard", "sensitive"] as const;
export type WordList = (typeof WORD_LISTS)[number];

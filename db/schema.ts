import { sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { CALL_TARGETS, DISTRIBUTION_METHODS, INSTRUCTION_LEVELS, ISSUE_STATUSES, ITEM_STATUSES, ROLES, UNIT_KINDS, WORD_LISTS } from "../lib/domain/enums";
import type { RichDoc } from "@/lib/editor/schema";

// The value lists live in lib/domain/enums.ts (client-safe, no drizzle); re-exported here for the server code.
export {
  CALL_TARGETS,
  DISTRIBUTION_METHODS,
  INSTRUCTION_LEVELS,
  ISSUE_STATUSES,
  ITEM_STATUSES,
  ROLES,
  UNIT_KINDS,
  WORD_LISTS,
  type CallTarget,
  type DistributionMethod,
  type InstructionLevel,
  type IssueStatus,
  type ItemStatus,
  type Role,
  type UnitKind,
  type WordList,
} from "../lib/domain/enums";

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const publications = sqliteTable("publications", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  title: text("title").notNull(),
  office: text("office").notNull(),
  mailbox: text("mailbox").notNull().default(""),
  // Default 分送 groups, one entry a printed line.
  distribution: text("distribution", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  defaultEditorName: text("default_editor_name").notNull().default(""),
  defaultReviewerName: text("default_reviewer_name").notNull().default(""),
  // The running number (总第M期) of the first issue this system holds is total - number + 1; kept
  // so the first issue created in a new installation proposes the right total.
  totalNumberOffset: integer("total_number_offset").notNull().default(0),
  // Sign-off levels: 1 = 审核 only; 2 = 审核, then 签发 by a signer.
  signoffLevels: integer("signoff_levels").notNull().default(1),
  // Loaded by the demo seed (db/seed.ts): every page then says so, with the demo logins.
  demo: integer("demo", { mode: "boolean" }).notNull().default(false),
  // How the issue line is printed: 第21期 or 第二十一期; 2024年 or 〔2024〕.
  numerals: text("numerals", { enum: ["arabic", "chinese"] }).notNull().default("arabic"),
  yearBrackets: integer("year_brackets", { mode: "boolean" }).notNull().default(false),
  // The last issue published before this system (or outside it), so proposals are right without
  // importing years of files. Null: not recorded.
  lastPublishedYear: integer("last_published_year"),
  lastPublishedNumber: integer("last_published_number"),
  lastPublishedTotal: integer("last_published_total"),
  createdAt: createdAt(),
});

/** The publication's section catalogue (栏目), in default order. */
export const catalogueSections = sqliteTable(
  "catalogue_sections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    publicationId: integer("publication_id")
      .notNull()
      .references(() => publications.id),
    title: text("title").notNull(),
    position: integer("position").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
  },
  (t) => [uniqueIndex("catalogue_sections_pub_title").on(t.publicationId, t.title)],
);

export const units = sqliteTable("units", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
  kind: text("kind", { enum: UNIT_KINDS }).notNull().default("other"),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  // Set when a unit was created by an import rather than by an admin: someone should check it.
  needsReview: integer("needs_review", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
});

/** Other names a unit goes by in past issues (市科协 = 北京市科协): imports match them to the unit. */
export const unitAliases = sqliteTable("unit_aliases", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  unitId: integer("unit_id")
    .notNull()
    .references(() => units.id),
  // Normalised (no spaces, full-width letters and digits folded) so lookups are exact.
  alias: text("alias").notNull().unique(),
  createdAt: createdAt(),
});

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  passwordHash: text("password_hash").notNull(),
  // Where reminders are e-mailed when SMTP is configured; null: in-app only.
  email: text("email"),
  unitId: integer("unit_id").references(() => units.id),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  // Bumped by sign-out, password reset, role change and deactivation: every session carrying an
  // older value ends on its next request (lib/auth/options.ts).
  sessionVersion: integer("session_version").notNull().default(0),
  // New users and reset passwords must be changed at first login.
  mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
});

export const userRoles = sqliteTable(
  "user_roles",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

/** Failed logins, per account and per address, for slowing down guessing. */
export const loginThrottle = sqliteTable("login_throttle", {
  key: text("key").primaryKey(), // "user:<name>" or "ip:<addr>"
  failures: integer("failures").notNull().default(0),
  lastFailureAt: integer("last_failure_at", { mode: "timestamp_ms" }),
  blockedUntil: integer("blocked_until", { mode: "timestamp_ms" }),
});

export const items = sqliteTable(
  "items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    publicationId: integer("publication_id")
      .notNull()
      .references(() => publications.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    authorId: integer("author_id").references(() => users.id),
    title: text("title").notNull(),
    body: text("body", { mode: "json" }).$type<RichDoc>().notNull(),
    // Attribution printed at the end of the item, e.g. "昌平区科协" or "北京制冷学会、昌平区科协";
    // null for the office's own news.
    source: text("source"),
    // A person the attribution names beside the unit (（通讯员 张三））; imported past issues carry it.
    bylineName: text("byline_name"),
    suggestedSectionId: integer("suggested_section_id").references(() => catalogueSections.id),
    eventDate: text("event_date"), // yyyy-mm-dd
    contactName: text("contact_name").notNull().default(""),
    contactPhone: text("contact_phone").notNull().default(""),
    noteToEditor: text("note_to_editor").notNull().default(""),
    // The editor's latest note to the unit (reason for returning or declining).
    editorNote: text("editor_note").notNull().default(""),
    status: text("status", { enum: ITEM_STATUSES }).notNull().default("draft"),
    // The revision holding exactly what the unit last submitted; editors' edits never overwrite it.
    submittedRevisionId: integer("submitted_revision_id").references((): AnySQLiteColumn => itemRevisions.id),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
    // The call (约稿) this item answers, if any.
    callId: integer("call_id").references((): AnySQLiteColumn => calls.id),
    // The editor's manual title breaks (offsets where a printed line starts) and the title they were
    // set on: when the title changes, breaks whose neighbours changed are dropped (lib/bulletin/title-breaks).
    titleBreaks: text("title_breaks", { mode: "json" }).$type<{ title: string; at: number[] }>(),
  },
  (t) => [
    index("items_call").on(t.callId),
    index("items_status").on(t.status),
    index("items_unit").on(t.unitId, t.status),
    // Adoption statistics count submissions by submission date.
    index("items_pub_submitted").on(t.publicationId, t.submittedAt),
    // The inbox and the pool, newest or oldest first, per status and over all statuses.
    index("items_status_submitted").on(t.status, t.submittedAt),
    // (status last: the inbox's page of ids is read from the index alone, however deep the page)
    index("items_submitted").on(t.submittedAt, t.status),
    // A unit's own list, most recently changed first; the inbox by unit, by section, by title.
    index("items_unit_updated").on(t.unitId, t.updatedAt),
    index("items_unit_submitted").on(t.unitId, t.submittedAt),
    index("items_section").on(t.suggestedSectionId, t.submittedAt),
    index("items_title").on(t.title, t.status),
  ],
);

/**
 * How many items are in each state, kept by triggers on items (migration scale_status_counts), so
 * the inbox's tabs do not count 100,000 rows on every page view. Read-only for the code.
 */
export const itemStatusCounts = sqliteTable("item_status_counts", {
  status: text("status", { enum: ITEM_STATUSES }).primaryKey(),
  n: integer("n").notNull().default(0),
});

export const itemRevisions = sqliteTable(
  "item_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    itemId: integer("item_id")
      .notNull()
      .references((): AnySQLiteColumn => items.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    kind: text("kind", { enum: ["draft", "submission", "edit", "import"] }).notNull(),
    title: text("title").notNull(),
    body: text("body", { mode: "json" }).$type<RichDoc>().notNull(),
    source: text("source"),
    authorId: integer("author_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("item_revisions_item").on(t.itemId)],
);

export const issues = sqliteTable(
  "issues",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    publicationId: integer("publication_id")
      .notNull()
      .references(() => publications.id),
    year: integer("year").notNull(),
    number: integer("number").notNull(),
    totalNumber: integer("total_number").notNull(),
    date: text("date").notNull(), // yyyy-mm-dd, printed as 2023年7月7日
    deadline: integer("deadline", { mode: "timestamp_ms" }), // 截稿时间 shown to contributors
    status: text("status", { enum: ISSUE_STATUSES }).notNull().default("drafting"),
    // Footer (版记)
    mailbox: text("mailbox").notNull().default(""),
    editorName: text("editor_name").notNull().default(""),
    reviewerName: text("reviewer_name").notNull().default(""),
    distribution: text("distribution", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    printedBy: text("printed_by"), // 印发 office
    printedDate: text("printed_date"), // 印发 date, yyyy-mm-dd
    printRun: integer("print_run"), // 共印N份
    // Approval record: who, when, and a fingerprint of exactly the printed content approved.
    approvedById: integer("approved_by_id").references(() => users.id),
    approvedByName: text("approved_by_name"),
    approvedAt: integer("approved_at", { mode: "timestamp_ms" }),
    approvalFingerprint: text("approval_fingerprint"),
    distributedAt: integer("distributed_at", { mode: "timestamp_ms" }),
    distributedTo: text("distributed_to", { mode: "json" }).$type<string[]>(),
    imported: integer("imported", { mode: "boolean" }).notNull().default(false),
    // Users who changed printed content since the issue was last sent to review (they cannot approve the next round).
    changedByIds: text("changed_by_ids", { mode: "json" }).$type<number[]>().notNull().default(sql`'[]'`),
    // Items the editor moved since the last send to review (reported as moved, not their neighbours).
    movedItemIds: text("moved_item_ids", { mode: "json" }).$type<number[]>().notNull().default(sql`'[]'`),
    // 合刊 covers number..numberEnd and totalNumber..totalNumberEnd; a supplement (增刊/专刊/特刊)
    // is outside the regular sequence: its number counts supplements of the year (0: unnumbered)
    // and its totalNumber is 0.
    kind: text("kind", { enum: ["regular", "double", "supplement"] }).notNull().default("regular"),
    numberEnd: integer("number_end"),
    totalNumberEnd: integer("total_number_end"),
    supplementLabel: text("supplement_label", { enum: ["增刊", "专刊", "特刊"] }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [
    uniqueIndex("issues_pub_year_number").on(t.publicationId, t.year, t.number).where(sql`${t.kind} <> 'supplement'`),
    uniqueIndex("issues_pub_total").on(t.publicationId, t.totalNumber).where(sql`${t.kind} <> 'supplement'`),
    // Adoption statistics find a period's issues by date.
    index("issues_pub_date").on(t.publicationId, t.date),
    // The issue lists by state (office: approved, archive: distributed by year, review: in review).
    index("issues_pub_status").on(t.publicationId, t.status, t.year, t.number),
    // The next deadline shown to contributors.
    index("issues_status_deadline").on(t.status, t.deadline),
  ],
);

/** An issue's sections, in print order. A null title is the lead block printed without a heading. */
export const issueSections = sqliteTable(
  "issue_sections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    issueId: integer("issue_id")
      .notNull()
      .references(() => issues.id, { onDelete: "cascade" }),
    title: text("title"),
    catalogueSectionId: integer("catalogue_section_id").references(() => catalogueSections.id),
    position: integer("position").notNull(),
  },
  (t) => [index("issue_sections_issue").on(t.issueId), index("issue_sections_catalogue").on(t.catalogueSectionId)],
);

export const placements = sqliteTable(
  "placements",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    issueId: integer("issue_id")
      .notNull()
      .references(() => issues.id, { onDelete: "cascade" }),
    sectionId: integer("section_id")
      .notNull()
      .references(() => issueSections.id, { onDelete: "cascade" }),
    itemId: integer("item_id")
      .notNull()
      .references(() => items.id),
    position: integer("position").notNull(),
    inToc: integer("in_toc", { mode: "boolean" }).notNull().default(false),
    tocTitle: text("toc_title"), // shortened title for 目录提要; null uses the item's title
    sourceOverride: text("source_override"), // attribution printed in this issue instead of the item's
  },
  (t) => [
    uniqueIndex("placements_item").on(t.itemId),
    index("placements_section").on(t.sectionId, t.position),
    // Items per issue (the issue lists count them, the bulletin loads them).
    index("placements_issue").on(t.issueId, t.position),
  ],
);

/** Each send-to-review keeps what the reviewer was shown. */
export const reviewRounds = sqliteTable(
  "review_rounds",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    issueId: integer("issue_id")
      .notNull()
      .references(() => issues.id, { onDelete: "cascade" }),
    round: integer("round").notNull(),
    snapshot: text("snapshot", { mode: "json" }).notNull(),
    fingerprint: text("fingerprint").notNull(),
    sentById: integer("sent_by_id").references(() => users.id),
    sentAt: createdAt(),
    outcome: text("outcome", { enum: ["approved", "returned"] }),
    // Who changed printed content between the previous round and this one (with sentById: may not approve it).
    changedByIds: text("changed_by_ids", { mode: "json" }).$type<number[]>().notNull().default(sql`'[]'`),
    movedItemIds: text("moved_item_ids", { mode: "json" }).$type<number[]>().notNull().default(sql`'[]'`),
    // The reviewer's reason when the round was returned.
    returnReason: text("return_reason"),
  },
  (t) => [uniqueIndex("review_rounds_issue_round").on(t.issueId, t.round)],
);

/**
 * One sign-off of one review round at one level (1 审核, 2 签发): who, when, and the fingerprint of
 * exactly what they approved. Voided (never deleted) by the write that changes what prints, by
 * reopening or by a new round.
 */
export const issueApprovals = sqliteTable(
  "issue_approvals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    issueId: integer("issue_id")
      .notNull()
      .references(() => issues.id, { onDelete: "cascade" }),
    round: integer("round").notNull(),
    level: integer("level").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    userName: text("user_name").notNull(),
    fingerprint: text("fingerprint").notNull(),
    at: createdAt(),
    voidedAt: integer("voided_at", { mode: "timestamp_ms" }),
    voidedByName: text("voided_by_name"),
    voidReason: text("void_reason", { enum: ["reopen", "content_changed", "returned", "levels_changed"] }),
  },
  (t) => [index("issue_approvals_issue").on(t.issueId)],
);

/**
 * The frozen archive: what was distributed (or imported), exactly, with its fingerprint. Revision 1
 * is the first distribution; a correction (勘误) adds a revision and keeps the earlier ones. Every
 * export of a distributed issue renders the latest revision.
 */
export const issueEditions = sqliteTable(
  "issue_editions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    issueId: integer("issue_id")
      .notNull()
      .references(() => issues.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    kind: text("kind", { enum: ["distribution", "import", "correction"] }).notNull(),
    document: text("document", { mode: "json" }).notNull(),
    fingerprint: text("fingerprint").notNull(),
    note: text("note").notNull().default(""),
    createdById: integer("created_by_id").references(() => users.id),
    createdByName: text("created_by_name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("issue_editions_issue_revision").on(t.issueId, t.revision)],
);

export const comments = sqliteTable(
  "comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    issueId: integer("issue_id").references(() => issues.id, { onDelete: "cascade" }),
    itemId: integer("item_id").references(() => items.id, { onDelete: "cascade" }),
    parentId: integer("parent_id").references((): AnySQLiteColumn => comments.id, { onDelete: "cascade" }),
    // The passage a comment is anchored to, as quoted text (null: the whole item or issue).
    quote: text("quote"),
    round: integer("round"),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    resolvedAt: integer("resolved_at", { mode: "timestamp_ms" }),
    resolvedById: integer("resolved_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("comments_issue").on(t.issueId), index("comments_item").on(t.itemId)],
);

export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    itemId: integer("item_id").references(() => items.id, { onDelete: "cascade" }),
    issueId: integer("issue_id").references(() => issues.id, { onDelete: "cascade" }),
    message: text("message").notNull(),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("notifications_user").on(t.userId, t.readAt), index("notifications_user_recent").on(t.userId, t.id)],
);

/** Append-only record of every state change and edit. Nothing updates or deletes rows here. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: createdAt(),
    actorId: integer("actor_id").references(() => users.id),
    actorName: text("actor_name").notNull(),
    entity: text("entity", { enum: ["item", "issue", "user", "unit", "publication", "auth"] }).notNull(),
    entityId: integer("entity_id"),
    action: text("action").notNull(),
    fromState: text("from_state"),
    toState: text("to_state"),
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [index("audit_entity").on(t.entity, t.entityId)],
);

/**
 * The publication's scoring rules (信息工作考核办法), versioned: a version applies from its
 * effective date (yyyy-mm-dd) until the next one, so a past period is scored with the rules then
 * in force. Points are numbers (may be fractional); deductions are positive numbers subtracted.
 */
export const scoringRules = sqliteTable(
  "scoring_rules",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    publicationId: integer("publication_id")
      .notNull()
      .references(() => publications.id),
    effectiveFrom: text("effective_from").notNull(), // yyyy-mm-dd
    perSubmission: real("per_submission").notNull(),
    perLead: real("per_lead").notNull(),
    perHighlight: real("per_highlight").notNull(),
    perOrdinary: real("per_ordinary").notNull(),
    perInstructionCentral: real("per_instruction_central").notNull(),
    perInstructionProvincial: real("per_instruction_provincial").notNull(),
    perInstructionBureau: real("per_instruction_bureau").notNull(),
    perInstructionOther: real("per_instruction_other").notNull(),
    perForwardUsed: real("per_forward_used").notNull(),
    perCallAnswered: real("per_call_answered").notNull(),
    perCallMissed: real("per_call_missed").notNull(), // deducted
    // Credit of each co-unit after the first named in an attribution (1 = full, 0.5 = half).
    coUnitShare: real("co_unit_share").notNull().default(1),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("scoring_rules_pub_from").on(t.publicationId, t.effectiveFrom)],
);

/** A leader's written instruction (领导批示) on a published item, recorded by the office. */
export const leaderInstructions = sqliteTable(
  "leader_instructions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    itemId: integer("item_id")
      .notNull()
      .references(() => items.id, { onDelete: "cascade" }),
    leader: text("leader").notNull(), // who, e.g. 「市委副书记某某」
    level: text("level", { enum: INSTRUCTION_LEVELS }).notNull(),
    date: text("date").notNull(), // yyyy-mm-dd
    text: text("text").notNull(),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("leader_instructions_item").on(t.itemId), index("leader_instructions_date").on(t.date)],
);

/** An adopted item forwarded (转报) to a higher-level publication, and whether it was used there. */
export const forwards = sqliteTable(
  "forwards",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    itemId: integer("item_id")
      .notNull()
      .references(() => items.id, { onDelete: "cascade" }),
    target: text("target").notNull(), // the higher-level publication, e.g. 《中国科协信息》
    date: text("date").notNull(), // yyyy-mm-dd forwarded
    used: integer("used", { mode: "boolean" }).notNull().default(false),
    usedDate: text("used_date"), // yyyy-mm-dd the higher level used it; scores in that period
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("forwards_item_target").on(t.itemId, t.target), index("forwards_used_date").on(t.usedDate)],
);

/** A call for items (约稿): the editor asks units for items on a topic by a deadline. */
export const calls = sqliteTable(
  "calls",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    publicationId: integer("publication_id")
      .notNull()
      .references(() => publications.id),
    topic: text("topic").notNull(),
    guidance: text("guidance").notNull().default(""),
    deadline: integer("deadline", { mode: "timestamp_ms" }).notNull(),
    // "all": every active contributing unit; "chosen": the units in call_units.
    target: text("target", { enum: CALL_TARGETS }).notNull().default("all"),
    issueId: integer("issue_id").references((): AnySQLiteColumn => issues.id),
    createdById: integer("created_by_id").references(() => users.id),
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("calls_deadline").on(t.deadline)],
);

export const callUnits = sqliteTable(
  "call_units",
  {
    callId: integer("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.callId, t.unitId] })],
);

/** The publication's standing submission guidance (报送要点), one current text. */
export const publicationGuidance = sqliteTable("publication_guidance", {
  publicationId: integer("publication_id")
    .primaryKey()
    .references(() => publications.id),
  body: text("body").notNull().default(""),
  updatedById: integer("updated_by_id").references(() => users.id),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
});

/**
 * The reminder schedule: one row per deadline and offset (or per 催报). A row is claimed by setting
 * sent_at in the same statement that selects it, so no reminder goes out twice, whatever restarts.
 */
export const reminders = sqliteTable(
  "reminders",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // "call:<id>:<minutes>", "issue:<id>:<minutes>" or "call:<id>:now:<ms>" for a 催报.
    key: text("key").notNull().unique(),
    callId: integer("call_id").references(() => calls.id, { onDelete: "cascade" }),
    issueId: integer("issue_id").references(() => issues.id, { onDelete: "cascade" }),
    dueAt: integer("due_at", { mode: "timestamp_ms" }).notNull(),
    offsetMinutes: integer("offset_minutes"), // null for a 催报 sent by the editor
    createdById: integer("created_by_id").references(() => users.id),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    unitsReminded: text("units_reminded", { mode: "json" }).$type<number[]>(),
    createdAt: createdAt(),
  },
  (t) => [index("reminders_due").on(t.sentAt, t.dueAt)],
);

/**
 * The distribution register (发文登记): one row per recorded distribution; a correction is a new
 * row pointing at the one it corrects, never an update.
 */
export const distributionRecords = sqliteTable(
  "distribution_records",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    issueId: integer("issue_id")
      .notNull()
      .references(() => issues.id),
    date: text("date").notNull(), // yyyy-mm-dd
    method: text("method", { enum: DISTRIBUTION_METHODS }).notNull(),
    groups: text("groups", { mode: "json" }).$type<string[]>().notNull(),
    recipientCount: integer("recipient_count").notNull(),
    printRun: integer("print_run"),
    recordedById: integer("recorded_by_id").references(() => users.id),
    recordedByName: text("recorded_by_name").notNull(),
    correctsId: integer("corrects_id").references((): AnySQLiteColumn => distributionRecords.id),
    reason: text("reason").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("distribution_records_issue").on(t.issueId)],
);

export type Call = typeof calls.$inferSelect;
export type Reminder = typeof reminders.$inferSelect;
export type DistributionRecord = typeof distributionRecords.$inferSelect;
export type Publication = typeof publications.$inferSelect;
export type Unit = typeof units.$inferSelect;
export type User = typeof users.$inferSelect;
export type Item = typeof items.$inferSelect;
export type ItemRevision = typeof itemRevisions.$inferSelect;
export type Issue = typeof issues.$inferSelect;
export type IssueSection = typeof issueSections.$inferSelect;
export type Placement = typeof placements.$inferSelect;
export type Comment = typeof comments.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type IssueApproval = typeof issueApprovals.$inferSelect;
export type IssueEdition = typeof issueEditions.$inferSelect;

/**
 * Near-duplicate fingerprints (lib/bulletin/near-duplicate.ts): an item's MinHash signature, kept
 * up to date lazily (rebuilt when the item changed after it), and its band keys, indexed, so an
 * item is compared only with the few that share a band.
 */
export const itemFingerprints = sqliteTable("item_fingerprints", {
  itemId: integer("item_id")
    .primaryKey()
    .references(() => items.id, { onDelete: "cascade" }),
  // JSON array of 36 unsigned 32-bit integers; null when the text is too short to compare.
  signature: text("signature", { mode: "json" }).$type<number[] | null>(),
  // items.updated_at the signature was computed from.
  itemUpdatedAt: integer("item_updated_at", { mode: "timestamp_ms" }).notNull(),
  // Raised (to the largest + 1) each time the fingerprint is stored or its item re-enters the pool,
  // so a cached comparison knows which fingerprints came after it.
  seq: integer("seq").notNull().default(0),
  // The inbox's cached mark: the closest pooled item (null: none at the threshold), its similarity,
  // and the seq up to which that was checked (null: never, or the text changed since).
  bestItemId: integer("best_item_id"),
  bestSimilarity: real("best_similarity"),
  bestSeq: integer("best_seq"),
}, (t) => [index("item_fingerprints_seq").on(t.seq)]);

/**
 * Items whose fingerprint must be taken again: filled by triggers on every insert of an item and
 * every change of its title, body or status (migration 0016), emptied by refreshFingerprints — so
 * finding what changed reads this short list, not every item.
 */
export const fingerprintQueue = sqliteTable("fingerprint_queue", {
  itemId: integer("item_id").primaryKey(),
});

export const itemFingerprintBands = sqliteTable(
  "item_fingerprint_bands",
  {
    band: integer("band").notNull(),
    key: integer("key").notNull(),
    itemId: integer("item_id")
      .notNull()
      .references(() => items.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.band, t.key, t.itemId] }), index("item_fingerprint_bands_item").on(t.itemId)],
);

/**
 * The admin's two lists for the copy checks: 规范表述 (standard: a wrong or outdated form → the right
 * form) and 敏感词 (sensitive: words that must not print; flagged, never rewritten automatically).
 */
export const wordListEntries = sqliteTable(
  "word_list_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    list: text("list", { enum: WORD_LISTS }).notNull(),
    term: text("term").notNull(),
    // The right form, for a 规范表述 entry; null for a 敏感词.
    replacement: text("replacement"),
    note: text("note").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [uniqueIndex("word_list_entries_term").on(t.list, t.term)],
);
export type ScoringRules = typeof scoringRules.$inferSelect;
export type LeaderInstruction = typeof leaderInstructions.$inferSelect;
export type Forward = typeof forwards.$inferSelect;

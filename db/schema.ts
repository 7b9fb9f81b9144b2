import { sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import type { RichDoc } from "@/lib/editor/schema";

export const ROLES = ["contributor", "editor", "reviewer", "signer", "office", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const UNIT_KINDS = ["office", "district", "society", "grassroots", "department", "institution", "other"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const ITEM_STATUSES = ["draft", "submitted", "accepted", "returned", "declined", "placed", "published"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const ISSUE_STATUSES = ["drafting", "in_review", "approved", "distributed"] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

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

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  passwordHash: text("password_hash").notNull(),
  unitId: integer("unit_id").references(() => units.id),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
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
  },
  (t) => [index("items_status").on(t.status), index("items_unit").on(t.unitId, t.status)],
);

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
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [
    uniqueIndex("issues_pub_year_number").on(t.publicationId, t.year, t.number),
    uniqueIndex("issues_pub_total").on(t.publicationId, t.totalNumber),
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
  (t) => [index("issue_sections_issue").on(t.issueId)],
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
  (t) => [uniqueIndex("placements_item").on(t.itemId), index("placements_section").on(t.sectionId, t.position)],
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
  (t) => [index("notifications_user").on(t.userId, t.readAt)],
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

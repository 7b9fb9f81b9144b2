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

export const ROLES = ["contributor", "editor", "reviewer", "office", "admin"] as const;
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
  // Where reminders are e-mailed when SMTP is configured; null: in-app only.
  email: text("email"),
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
    // The call (约稿) this item answers, if any.
    callId: integer("call_id").references((): AnySQLiteColumn => calls.id),
  },
  (t) => [index("items_call").on(t.callId), index("items_status").on(t.status), index("items_unit").on(t.unitId, t.status)],
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
  },
  (t) => [uniqueIndex("review_rounds_issue_round").on(t.issueId, t.round)],
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

export const CALL_TARGETS = ["all", "chosen"] as const;

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

export const DISTRIBUTION_METHODS = ["print", "electronic", "post"] as const; // 印发 / 电子 / 邮寄
export type DistributionMethod = (typeof DISTRIBUTION_METHODS)[number];

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

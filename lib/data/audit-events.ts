import { z } from "zod";
import { ROLES, UNIT_KINDS } from "@/db/schema";

/**
 * Every kind of audit row, one type per (entity, action), each with a zod-validated payload
 * (`detail`). `audit()` refuses a row whose kind is not listed here or whose detail does not match,
 * so the log can be read back as typed events (`readAuditEvent`) — for display only: domain logic
 * keeps its facts in its own tables (approvals, review rounds, editions), never in this JSON.
 *
 * Adding a kind: add a key "entity.action" with its schema here (and its label under "audit" in
 * the locale files).
 */
const id = z.number().int().positive();
const text = z.string();
const fingerprint = z.string().regex(/^[0-9a-f]{64}$/);
const none = z.undefined();
const note = z.object({ note: text.optional() }).strict().optional();
const issueRef = z.object({ issueId: id }).strict();
const sectionRef = z.object({ sectionId: id, title: text }).strict();
const change = <T extends z.ZodType>(t: T) => z.object({ from: t, to: t }).strict();
const nullableText = text.nullable();
const wordListEntry = z.object({ list: z.enum(["standard", "sensitive"]), term: text, replacement: text.nullable() }).strict();

/** What an issue `edit` changed: one board operation, the issue's numbers, or a placed item's text. */
const issueEdit = z.discriminatedUnion("action", [
  z.object({ action: z.literal("place"), itemId: id, sectionTitle: text, inToc: z.boolean() }),
  z.object({ action: z.literal("move"), itemId: id, sectionId: id, index: z.number().int().min(0) }),
  z.object({ action: z.literal("unplace"), itemId: id }),
  // `title` and `from` (0-based, like `index`) since the log names the section; older rows lack them.
  z.object({ action: z.literal("moveSection"), sectionId: id, index: z.number().int().min(0), title: z.string().nullable().optional(), from: z.number().int().min(0).optional() }),
  z.object({ action: z.literal("addSection"), title: text }),
  z.object({ action: z.literal("removeSection"), sectionId: id }),
  z.object({ action: z.literal("placement"), itemId: id, inToc: z.boolean(), tocTitle: nullableText, sourceOverride: nullableText }),
  z.object({
    action: z.literal("footer"),
    mailbox: text,
    editorName: text,
    reviewerName: text,
    distribution: z.array(text),
    printedBy: nullableText,
    printedDate: nullableText,
    printRun: z.number().int().nullable(),
  }),
  // `label`: the issue's name after the change (2026年增刊第1期, 2026年第3-4期合刊); older rows lack it.
  z.object({ action: z.literal("meta"), year: z.number().int(), number: z.number().int(), totalNumber: z.number().int(), date: text, deadline: nullableText, label: text.optional(), totalNumberEnd: z.number().int().nullable().optional() }),
  // `titleFrom`: the title before, when the edit changed it; `bodyChanged`: the body changed. Older rows lack both.
  z.object({ action: z.literal("item_text"), itemId: id, title: text, titleFrom: text.optional(), bodyChanged: z.boolean().optional() }),
  z.object({ action: z.literal("title_breaks"), itemId: id, lines: z.array(text) }),
]);

const approval = z.object({ fingerprint, level: z.number().int().min(1).max(2), round: z.number().int().positive() }).strict();
const voidedApproval = z
  .object({ voidedApproval: z.object({ by: nullableText, at: nullableText, fingerprint: nullableText }).strict(), fingerprintNow: fingerprint.optional() })
  .strict();
const publicationFields = z
  .object({
    title: change(text),
    office: change(text),
    mailbox: change(text),
    defaultEditorName: change(text),
    defaultReviewerName: change(text),
    distribution: change(z.array(text)),
    signoffLevels: change(z.number().int()),
  })
  .partial()
  .strict();

export const AUDIT_EVENTS = {
  // Items
  "item.create": none,
  // `chars`: the body's length after the save. Since the log says what changed: `title` from → to
  // when the title changed, `bodyChars` from → to when the body changed (absent: unchanged, or an older row).
  "item.edit": z.object({ version: z.number().int(), chars: z.number().int(), title: change(text).optional(), bodyChars: change(z.number().int()).optional() }).strict(),
  "item.submit": note,
  "item.withdraw": note,
  // 删除草稿: the deleted draft's title (the item row is gone).
  "item.delete": z.object({ title: text }).strict(),
  "item.accept": note,
  "item.return": note,
  "item.decline": note,
  "item.place": issueRef,
  "item.unplace": issueRef,
  "item.publish": issueRef,
  "item.import": z.object({ issueId: id, origin: text }).strict(),
  /** The editor set (or cleared, breaks []) the title's manual breaks; lines: the title as it now prints. */
  "item.title_breaks": z.object({ title: text, breaks: z.array(z.number().int()), lines: z.array(text) }).strict(),
  // Issues
  "issue.create": z
    .object({
      year: z.number().int(),
      number: z.number().int(),
      totalNumber: z.number().int(),
      date: text,
      kind: z.enum(["regular", "double", "supplement"]).optional(),
      numberEnd: z.number().int().nullable().optional(),
      totalNumberEnd: z.number().int().nullable().optional(),
      // The issue's name as issueName gives it (2026年增刊第1期, 2026年专刊第1期, 2026年第3-4期合刊); older rows lack it.
      label: text.optional(),
    })
    .strict(),
  "issue.edit": issueEdit,
  "issue.send_to_review": z.object({ fingerprint }).strict(),
  "issue.return": z.object({ comment: text }).strict(),
  "issue.review": approval,
  "issue.approve": approval,
  "issue.sign": approval,
  "issue.reopen": voidedApproval,
  "issue.void": voidedApproval,
  "issue.register_correct": z
    .object({ recordId: id, corrects: id, reason: text, changed: z.array(z.enum(["date", "method", "groups", "recipientCount", "printRun"])) })
    .strict(),
  "issue.remind_now": z.object({ issueId: id, units: z.array(id) }).strict(),
  "issue.distribute": z.object({ date: text, distribution: z.array(text), fingerprint }).strict(),
  "issue.correct": z.object({ note: text, fromFingerprint: fingerprint, fingerprint }).strict(),
  "issue.export": z.object({ format: text, draft: z.boolean(), revision: z.number().int().positive().optional() }).strict(),
  "issue.import": z.object({ origin: text, items: z.number().int(), unitsCreated: z.array(text) }).strict(),
  "issue.comment": z.object({ commentId: id, itemId: id.nullable(), body: text }).strict(),
  "issue.reply": z.object({ commentId: id, itemId: id.nullable(), body: text }).strict(),
  "issue.resolve_comment": z.object({ commentId: id, itemId: id.nullable() }).strict(),
  "issue.reopen_comment": z.object({ commentId: id, itemId: id.nullable() }).strict(),
  // Units
  "unit.unit_created": z.object({ name: text, kind: z.enum(UNIT_KINDS) }).strict(),
  "unit.unit_updated": change(z.object({ name: text, kind: z.enum(UNIT_KINDS) }).strict()),
  "unit.unit_reactivated": z.object({ name: text }).strict(),
  "unit.unit_deactivated": z.object({ name: text }).strict(),
  "unit.unit_confirmed": z.object({ name: text }).strict(),
  "item.instruction": z.object({ leader: text, level: text, date: text }).strict(),
  "item.instruction_removed": z.object({ leader: text, date: text }).strict(),
  "item.forward": z.object({ target: text, date: text, used: z.boolean(), usedDate: nullableText }).strict(),
  "item.forward_removed": z.object({ target: text }).strict(),
  "unit.alias_added": z.object({ alias: text, unit: text }).strict(),
  "unit.alias_removed": z.object({ alias: text }).strict(),
  "unit.unit_merged": z.object({ from: text, fromId: id, into: text, items: z.array(id), users: z.array(id) }).strict(),
  // Users
  "user.user_created": z.object({ username: text, roles: z.array(z.enum(ROLES)), unitId: id.nullable(), email: text.nullable().optional() }).strict(),
  "user.user_updated": change(z.object({ displayName: text, roles: z.array(z.enum(ROLES)), unitId: id.nullable(), email: text.nullable().optional() }).strict()),
  "user.password_reset": none,
  "user.user_reactivated": z.object({ username: text }).strict(),
  "user.user_deactivated": z.object({ username: text }).strict(),
  "user.password_changed": none,
  "user.login_throttle_lifted": z.object({ username: text }).strict(),
  "user.first_admin_created": z.object({ username: text, publication: text }).strict(),
  // The publication
  "publication.publication_updated": publicationFields,
  "publication.update_numbering": z
    .object({
      numerals: z.enum(["arabic", "chinese"]),
      yearBrackets: z.boolean(),
      lastPublishedYear: z.number().int().nullable(),
      lastPublishedNumber: z.number().int().nullable(),
      lastPublishedTotal: z.number().int().nullable(),
    })
    .strict(),
  "publication.scoring_rules": z
    .object({ effectiveFrom: text, replaced: z.boolean(), perSubmission: z.number(), perLead: z.number(), perHighlight: z.number(), perOrdinary: z.number(), perInstructionCentral: z.number(), perInstructionProvincial: z.number(), perInstructionBureau: z.number(), perInstructionOther: z.number(), perForwardUsed: z.number(), perCallAnswered: z.number(), perCallMissed: z.number(), coUnitShare: z.number() })
    .strict(),
  "publication.call_publish": z.object({ callId: id, topic: text, deadline: text, target: z.enum(["all", "chosen"]), units: z.array(id) }).strict(),
  "publication.call_close": z.object({ callId: id, topic: text }).strict(),
  "publication.guidance_update": z.object({ before: text, after: text }).strict(),
  "publication.remind_now": z.object({ callId: id, units: z.array(id) }).strict(),
  "publication.section_added": sectionRef,
  "publication.section_renamed": z.object({ sectionId: id, from: text, to: text }).strict(),
  "publication.section_moved": z.object({ sectionId: id, title: text, direction: z.enum(["up", "down"]) }).strict(),
  "publication.section_hidden": sectionRef,
  "publication.section_shown": sectionRef,
  "publication.section_removed": sectionRef,
  "publication.word_list_entry_added": wordListEntry,
  "publication.word_list_entry_updated": change(wordListEntry),
  "publication.word_list_entry_removed": wordListEntry,
  // Sign-in
  "auth.login": z.object({ ip: text }).strict(),
  "auth.login_failed": z.object({ username: text, ip: text }).strict(),
} as const satisfies Record<string, z.ZodType>;

type Events = typeof AUDIT_EVENTS;
export type AuditEventKey = keyof Events;
type EntityOf<K> = K extends `${infer E}.${string}` ? E : never;
type ActionOf<K> = K extends `${string}.${infer A}` ? A : never;

/** One audit event as written: entity, action and a detail of exactly that kind's type. */
export type AuditEvent = {
  [K in AuditEventKey]: { entity: EntityOf<K>; action: ActionOf<K> } & (undefined extends z.input<Events[K]>
    ? { detail?: z.input<Events[K]> }
    : { detail: z.input<Events[K]> });
}[AuditEventKey];

/** The same, as read back: `detail` parsed by its kind's schema (null when an old row does not match). */
export type ReadAuditEvent = {
  [K in AuditEventKey]: { key: K; detail: z.output<Events[K]> | null };
}[AuditEventKey];

/** An audit row of an unknown kind, or whose detail is not of its kind's type: a programming error. */
export class AuditEventError extends Error {}

/** Validates an event's detail against its kind; returns the detail to store (null when none). */
export function checkAuditEvent(entity: string, action: string, detail: unknown): Record<string, unknown> | null {
  const key = `${entity}.${action}`;
  const schema = (AUDIT_EVENTS as Record<string, z.ZodType>)[key];
  if (!schema) throw new AuditEventError(`unknown audit event ${key}`);
  const parsed = schema.safeParse(detail ?? undefined);
  if (!parsed.success) throw new AuditEventError(`audit event ${key}: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  return (parsed.data as Record<string, unknown> | undefined) ?? null;
}

/** A stored row as a typed event, for display. */
export function readAuditEvent(row: { entity: string; action: string; detail: unknown }): ReadAuditEvent | null {
  const key = `${row.entity}.${row.action}`;
  const schema = (AUDIT_EVENTS as Record<string, z.ZodType>)[key];
  if (!schema) return null;
  const parsed = schema.safeParse(row.detail ?? undefined);
  return { key, detail: parsed.success ? parsed.data : null } as ReadAuditEvent;
}


import "server-only";
import { and, asc, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { textLine } from "@/lib/text/rule";
import { db } from "@/db";
import { ROLES, WORD_LISTS, wordListEntries } from "@/db/schema";
import type { WordLists } from "@/lib/copycheck";
import { type Actor, requireRole } from "./actor";
import { audit } from "./audit";
import { AppError } from "./errors";

/**
 * The admin's 规范表述 and 敏感词 lists. Everyone signed in reads them (the form's copy checks run
 * them in the browser); only an admin adds, changes or removes an entry, with an audit row each.
 */
export function listWordListEntries(actor: Actor) {
  requireRole(actor, ...ROLES);
  return db.select().from(wordListEntries).orderBy(asc(wordListEntries.list), asc(wordListEntries.term)).all();
}

/** The lists in the shape the copy checks take. */
export function wordListsFor(actor: Actor): WordLists {
  const rows = listWordListEntries(actor);
  return {
    standard: rows.filter((r) => r.list === "standard" && r.replacement).map((r) => ({ wrong: r.term, right: r.replacement as string, note: r.note })),
    sensitive: rows.filter((r) => r.list === "sensitive").map((r) => ({ term: r.term, note: r.note })),
  };
}

const term = textLine({ label: "词语", max: 60, required: "required", tooLong: "too_long", noMarkup: true });
export const saveWordListEntrySchema = z
  .object({
    id: z.number().int().positive().optional(),
    list: z.enum(WORD_LISTS),
    term,
    replacement: textLine({ label: "规范表述", max: 60, tooLong: "too_long", noMarkup: true }).optional().default(""),
    note: textLine({ label: "说明", max: 200, tooLong: "too_long", noMarkup: true }).optional().default(""),
  })
  .strict()
  .refine((v) => v.list === "sensitive" || v.replacement.length > 0, { message: "required", path: ["replacement"] })
  .refine((v) => v.list === "sensitive" || v.replacement !== v.term, { message: "replacement_same", path: ["replacement"] });

/** Adds an entry, or changes one (with id). A term already on the same list is refused as a duplicate. */
export function saveWordListEntry(actor: Actor, raw: z.input<typeof saveWordListEntrySchema>) {
  requireRole(actor, "admin");
  const input = saveWordListEntrySchema.parse(raw);
  const replacement = input.list === "standard" ? input.replacement : null;
  return db.transaction((tx) => {
    const clash = tx
      .select({ id: wordListEntries.id })
      .from(wordListEntries)
      .where(and(eq(wordListEntries.list, input.list), eq(wordListEntries.term, input.term), input.id ? ne(wordListEntries.id, input.id) : undefined))
      .get();
    if (clash) throw new AppError("name_taken", {}, "term");
    if (input.id) {
      const before = tx.select().from(wordListEntries).where(eq(wordListEntries.id, input.id)).get();
      if (!before) throw new AppError("not_found");
      const row = tx
        .update(wordListEntries)
        .set({ list: input.list, term: input.term, replacement, note: input.note, updatedAt: new Date() })
        .where(eq(wordListEntries.id, input.id))
        .returning()
        .get();
      audit(tx, actor, { entity: "publication", entityId: null, action: "word_list_entry_updated", detail: { from: { list: before.list, term: before.term, replacement: before.replacement }, to: { list: row.list, term: row.term, replacement: row.replacement } } });
      return row;
    }
    const row = tx.insert(wordListEntries).values({ list: input.list, term: input.term, replacement, note: input.note }).returning().get();
    audit(tx, actor, { entity: "publication", entityId: null, action: "word_list_entry_added", detail: { list: row.list, term: row.term, replacement: row.replacement } });
    return row;
  });
}

export const deleteWordListEntrySchema = z.object({ id: z.number().int().positive() }).strict();

export function deleteWordListEntry(actor: Actor, raw: z.input<typeof deleteWordListEntrySchema>) {
  requireRole(actor, "admin");
  const { id } = deleteWordListEntrySchema.parse(raw);
  db.transaction((tx) => {
    const row = tx.select().from(wordListEntries).where(eq(wordListEntries.id, id)).get();
    if (!row) throw new AppError("not_found");
    tx.delete(wordListEntries).where(eq(wordListEntries.id, id)).run();
    audit(tx, actor, { entity: "publication", entityId: null, action: "word_list_entry_removed", detail: { list: row.list, term: row.term, replacement: row.replacement } });
  });
}

import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { items } from "@/db/schema";
import { type Actor, requireRole } from "./actor";
import { audit } from "./audit";
import { AppError } from "./errors";

export const deleteDraftSchema = z
  .object({
    id: z.number("invalid").int("invalid").positive("invalid").max(2 ** 31, "invalid"),
    version: z.number("invalid").int("invalid").positive("invalid").max(2 ** 31, "invalid"),
  })
  .strict();

/**
 * 删除草稿: removes a draft the unit has never submitted, with its revisions (and, by cascade, its
 * fingerprints and any notices or comments naming it), and writes an `item.delete` audit row
 * carrying the title, so the log still says what was deleted.
 *
 * Only a contributor of the item's own unit, whatever other roles the actor holds; only status
 * `draft` and never submitted (`submitted_at` null — a withdrawn or returned item has been seen by
 * the desk and stays). Errors: `not_found` (no such item, or another unit's), `forbidden` (not a
 * contributor), `draft_not_deletable` (submitted once, or not a draft), `conflict` (the draft
 * changed since the page read `version`). Returns the deleted item's id.
 */
export function deleteDraft(actor: Actor, input: z.infer<typeof deleteDraftSchema>): { id: number } {
  requireRole(actor, "contributor");
  return db.transaction((tx) => {
    const item = tx.select().from(items).where(eq(items.id, input.id)).get();
    if (!item || actor.unitId === null || item.unitId !== actor.unitId) throw new AppError("not_found");
    if (item.status !== "draft" || item.submittedAt !== null || item.submittedRevisionId !== null) throw new AppError("draft_not_deletable");
    if (item.version !== input.version) throw new AppError("conflict");
    const gone = tx
      .delete(items)
      .where(and(eq(items.id, item.id), eq(items.version, input.version), eq(items.status, "draft"), isNull(items.submittedAt)))
      .returning({ id: items.id })
      .get();
    if (!gone) throw new AppError("conflict");
    audit(tx, actor, { entity: "item", entityId: item.id, action: "delete", from: "draft", detail: { title: item.title } });
    return { id: item.id };
  });
}

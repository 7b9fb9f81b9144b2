import { and, eq } from "drizzle-orm";
import { items, type Item } from "@/db/schema";
import { type ItemAction, itemTransition } from "@/lib/workflow/item";
import type { Actor } from "./actor";
import { audit, type AuditInput } from "./audit";
import { AppError } from "./errors";
import type { Tx } from "./issues";

export interface ItemStatusOptions {
  /** Other columns written with the new status (e.g. the editor's note). */
  set?: Partial<typeof items.$inferInsert>;
  /** The audit row's detail, of the event kind item.<action> (audit-events.ts). */
  detail?: Record<string, unknown>;
}

/**
 * The one function that writes an item's status. Inside the caller's transaction: the next state
 * from the state table (lib/workflow/item.ts) for `action` by `actor`'s roles (null: the system),
 * the version bump — refused with `conflict` if the row changed since `item` was read — and the
 * audit row, typed by its event kind. Returns the updated item. Throws TransitionError when the
 * table does not allow it.
 */
export function writeItemStatus(tx: Tx, actor: Actor | null, item: Item, action: ItemAction, opts: ItemStatusOptions = {}): Item {
  const updated = tx
    .update(items)
    .set({ ...opts.set, status: itemTransition(item.status, action, actor ? actor.roles : ["system"]), version: item.version + 1, updatedAt: new Date() })
    .where(and(eq(items.id, item.id), eq(items.version, item.version)))
    .returning()
    .get();
  if (!updated) throw new AppError("conflict");
  // The action is a variable here: the event kind is checked at run time by audit().
  audit(tx, actor, { entity: "item", entityId: item.id, action, from: item.status, to: updated.status, detail: opts.detail } as AuditInput);
  return updated;
}

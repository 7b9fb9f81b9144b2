import { auditLog } from "@/db/schema";
import type { Db } from "@/db/open";
import type { Actor } from "./actor";
import { type AuditEvent, checkAuditEvent } from "./audit-events";

type Tx = Pick<Db, "insert">;

/** One audit row: a typed event (see audit-events.ts) about one entity, with its state change if any. */
export type AuditInput = AuditEvent & {
  entityId: number | null;
  from?: string | null;
  to?: string | null;
};

/**
 * Appends one audit row; call inside the transaction that makes the change. The detail is
 * validated against its event kind: an unknown kind or a wrong detail throws (and so rolls the
 * write back) — it is a programming error, never the user's.
 */
export function audit(tx: Tx, actor: Actor | null, input: AuditInput): void {
  const detail = checkAuditEvent(input.entity, input.action, input.detail);
  tx.insert(auditLog)
    .values({
      actorId: actor?.id ?? null,
      actorName: actor?.displayName ?? "系统",
      entity: input.entity,
      entityId: input.entityId,
      action: input.action,
      fromState: input.from ?? null,
      toState: input.to ?? null,
      detail,
    })
    .run();
}

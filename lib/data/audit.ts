import { auditLog } from "@/db/schema";
import type { Db } from "@/db/open";
import type { Actor } from "./actor";

type Tx = Pick<Db, "insert">;

export interface AuditInput {
  entity: (typeof auditLog.$inferInsert)["entity"];
  entityId: number | null;
  action: string;
  from?: string | null;
  to?: string | null;
  detail?: Record<string, unknown>;
}

/** Appends one audit row; call inside the transaction that makes the change. */
export function audit(tx: Tx, actor: Actor | null, input: AuditInput): void {
  tx.insert(auditLog)
    .values({
      actorId: actor?.id ?? null,
      actorName: actor?.displayName ?? "系统",
      entity: input.entity,
      entityId: input.entityId,
      action: input.action,
      fromState: input.from ?? null,
      toState: input.to ?? null,
      detail: input.detail ?? null,
    })
    .run();
}

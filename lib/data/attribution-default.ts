import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { units } from "@/db/schema";
import { type Actor, requireRole } from "./actor";

/**
 * The 署名 (attribution, `items.source`) a new item starts with, for the writer's unit: the unit's
 * name, so the bulletin prints （昌平区科协） after the item — except the office's own news (a unit of
 * kind "office", or no unit), which the bulletin prints without an attribution, as the samples do
 * (/work/shared/samples/bulletins: the 市科协 items have none). The writer may still type one.
 * Returns "" for none. For a contributor only (forbidden otherwise): it is the writer's own unit.
 */
export function defaultSource(actor: Actor): string {
  requireRole(actor, "contributor");
  const unitId = actor.unitId;
  if (!unitId) return "";
  const unit = db.select({ name: units.name, kind: units.kind }).from(units).where(eq(units.id, unitId)).get();
  return !unit || unit.kind === "office" ? "" : unit.name;
}

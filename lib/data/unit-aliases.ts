import "server-only";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { textLine } from "@/lib/text/rule";
import { db } from "@/db";
import { findUnitByName } from "@/db/import-issue";
import { unitAliases, units } from "@/db/schema";
import { normaliseUnitName } from "@/lib/bulletin/attribution";
import { type Actor, requireRole } from "./actor";
import { audit } from "./audit";
import { AppError } from "./errors";

/**
 * Unit aliases: other names a unit goes by in past issues (市科协 = 北京市科协). Imports match an
 * attribution to a unit by its name, its normalised name, or one of these (db/import-issue.ts).
 * Aliases are stored normalised; admin only.
 */

export const addAliasSchema = z
  .object({
    unitId: z.coerce.number({ error: "merge_target_required" }).int().positive({ error: "merge_target_required" }),
    alias: textLine({ label: "别名", max: 60, required: "unit_name_required", tooLong: "unit_name_too_long", noMarkup: true }),
  })
  .strict();
export const removeAliasSchema = z.object({ id: z.coerce.number().int().positive() }).strict();

/** Every alias with the unit it stands for, by unit name. */
export function listAliases(actor: Actor) {
  requireRole(actor, "admin");
  return db
    .select({ id: unitAliases.id, alias: unitAliases.alias, unitId: units.id, unitName: units.name })
    .from(unitAliases)
    .innerJoin(units, eq(units.id, unitAliases.unitId))
    .orderBy(asc(units.name), asc(unitAliases.alias))
    .all();
}

/**
 * Records that `alias` names the unit. Refused (name_taken) when the alias already names a unit —
 * as a unit's own name, normalised, or another alias.
 */
export function addAlias(actor: Actor, raw: z.input<typeof addAliasSchema>) {
  requireRole(actor, "admin");
  const parsed = addAliasSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("invalid", {}, String(parsed.error.issues[0]?.path[0] ?? ""));
  const { unitId, alias } = parsed.data;
  const unit = db.select().from(units).where(eq(units.id, unitId)).get();
  if (!unit) throw new AppError("not_found");
  if (findUnitByName(db, alias)) throw new AppError("name_taken", {}, "alias");
  return db.transaction((tx) => {
    const row = tx.insert(unitAliases).values({ unitId, alias: normaliseUnitName(alias) }).returning().get();
    audit(tx, actor, { entity: "unit", entityId: unitId, action: "alias_added", detail: { alias: row.alias, unit: unit.name } });
    return row;
  });
}

export function removeAlias(actor: Actor, raw: z.input<typeof removeAliasSchema>) {
  requireRole(actor, "admin");
  const { id } = removeAliasSchema.parse(raw);
  const row = db.select().from(unitAliases).where(eq(unitAliases.id, id)).get();
  if (!row) throw new AppError("not_found");
  db.transaction((tx) => {
    tx.delete(unitAliases).where(eq(unitAliases.id, id)).run();
    audit(tx, actor, { entity: "unit", entityId: row.unitId, action: "alias_removed", detail: { alias: row.alias } });
  });
}

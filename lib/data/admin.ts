import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { units, userRoles, users } from "@/db/schema";
import { type Actor, requireRole } from "./actor";

export function listUsers(actor: Actor) {
  requireRole(actor, "admin");
  const rows = db
    .select({ id: users.id, username: users.username, displayName: users.displayName, active: users.active, unitName: units.name })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .orderBy(asc(users.id))
    .all();
  const roles = db.select().from(userRoles).all();
  // Never the password hash: only what the admin page shows.
  return rows.map((r) => ({ ...r, roles: roles.filter((x) => x.userId === r.id).map((x) => x.role) }));
}

export function listUnits(actor: Actor) {
  requireRole(actor, "admin");
  return db.select().from(units).orderBy(asc(units.id)).all();
}

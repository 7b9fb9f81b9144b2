import "server-only";
import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { units, userRoles, users } from "@/db/schema";
import type { Actor } from "@/lib/data/actor";
import { audit } from "@/lib/data/audit";
import { recordFailure, recordSuccess, retryAfter, throttleKeys } from "./throttle";

export class LoginError extends Error {
  constructor(
    readonly code: "invalid_credentials" | "throttled",
    readonly retryAfterSeconds = 0,
  ) {
    super(code);
  }
}

// Compared against when the user does not exist, so both paths cost one bcrypt comparison.
const DUMMY_HASH = bcrypt.hashSync("not a password", 10);

export function loadActor(userId: number): Actor | null {
  const u = db.select().from(users).where(eq(users.id, userId)).get();
  if (!u || !u.active) return null;
  let roles = db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, u.id)).all().map((r) => r.role);
  // A deactivated unit's contributors lose that role on their next request (and cannot log in
  // when it was their only one); roles that do not act for the unit are unaffected.
  const unitActive = u.unitId === null || db.select({ active: units.active }).from(units).where(eq(units.id, u.unitId)).get()?.active === true;
  if (!unitActive) roles = roles.filter((r) => r !== "contributor");
  if (roles.length === 0) return null;
  return { id: u.id, username: u.username, displayName: u.displayName, roles, unitId: u.unitId };
}

/** Checks a username and password, slowing down repeated failures per account and per address. */
export async function verifyLogin(username: string, password: string, ip: string): Promise<Actor> {
  const keys = throttleKeys(username, ip);
  const wait = retryAfter(keys);
  if (wait > 0) throw new LoginError("throttled", Math.ceil(wait / 1000));
  const u = db.select().from(users).where(eq(users.username, username)).get();
  const ok = await bcrypt.compare(password, u?.passwordHash ?? DUMMY_HASH);
  const actor = u && ok && u.active ? loadActor(u.id) : null;
  if (!actor) {
    recordFailure(keys);
    db.transaction((tx) =>
      audit(tx, null, { entity: "auth", entityId: u?.id ?? null, action: "login_failed", detail: { username: username.slice(0, 64), ip } }),
    );
    throw new LoginError("invalid_credentials");
  }
  recordSuccess(keys);
  db.transaction((tx) => audit(tx, actor, { entity: "auth", entityId: actor.id, action: "login", detail: { ip } }));
  return actor;
}

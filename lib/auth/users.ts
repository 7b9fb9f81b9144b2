import "server-only";
import bcrypt from "bcryptjs";
import { z } from "zod";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { units, userRoles, users } from "@/db/schema";
import type { Actor } from "@/lib/data/actor";
import { AppError } from "@/lib/data/errors";
import { passwordSchema } from "./password";
import { audit } from "@/lib/data/audit";
import { loginKey } from "@/lib/text/rule";
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

/** What the session carries about the account: its session version and whether it must change its password. */
export function sessionState(userId: number): { sessionVersion: number; mustChangePassword: boolean; active: boolean } | null {
  const u = db
    .select({ sessionVersion: users.sessionVersion, mustChangePassword: users.mustChangePassword, active: users.active })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  return u ?? null;
}

/** Ends every session of a user (sign-out, password change): their tokens carry the old version. */
export function endSessions(userId: number): void {
  db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId)).run();
}

/** Checks a username and password, slowing down repeated failures per account and per address. */
export async function verifyLogin(username: string, password: string, ip: string): Promise<Actor> {
  const keys = throttleKeys(username, ip);
  const wait = retryAfter(keys);
  if (wait > 0) throw new LoginError("throttled", Math.ceil(wait / 1000));
  // Login names are unique without regard to case.
  const u = db.select().from(users).where(sql`lower(${users.username}) = ${loginKey(username)}`).get();
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

export const changePasswordSchema = z
  .object({ current: z.string().max(1000), password: passwordSchema, confirm: z.string().max(1000) })
  .strict()
  .refine((v) => v.password === v.confirm, { message: "password_mismatch", path: ["confirm"] });

/**
 * The user sets their own password (required at first login and after a reset): checks the
 * current one, clears must-change, and ends every session including this one (sign in again).
 */
export async function changeOwnPassword(userId: number, raw: z.input<typeof changePasswordSchema>): Promise<void> {
  const input = changePasswordSchema.parse(raw);
  const u = db.select().from(users).where(eq(users.id, userId)).get();
  if (!u || !u.active) throw new AppError("unauthenticated");
  if (!(await bcrypt.compare(input.current, u.passwordHash))) throw new AppError("wrong_password", {}, "current");
  if (input.current === input.password) throw new AppError("password_unchanged", {}, "password");
  const passwordHash = await bcrypt.hash(input.password, 10);
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash, mustChangePassword: false, sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId)).run();
    audit(tx, { id: u.id, username: u.username, displayName: u.displayName, roles: [], unitId: u.unitId }, { entity: "user", entityId: u.id, action: "password_changed" });
  });
}

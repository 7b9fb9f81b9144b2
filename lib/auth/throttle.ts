import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { loginThrottle } from "@/db/schema";

/** Failures allowed before each further attempt must wait; the wait doubles per failure, to a cap. */
const FREE_FAILURES = 5;
const BASE_DELAY_MS = 15_000;
const MAX_DELAY_MS = 15 * 60_000;
/** Failures older than this are forgotten. */
const WINDOW_MS = 60 * 60_000;

export const throttleKeys = (username: string, ip: string) => [`user:${username.toLowerCase()}`, `ip:${ip}`];

/** Milliseconds until another attempt is allowed for any of the keys, 0 when allowed now. */
export function retryAfter(keys: string[], now = Date.now()): number {
  let wait = 0;
  for (const key of keys) {
    const row = db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
    if (row?.blockedUntil) wait = Math.max(wait, row.blockedUntil.getTime() - now);
  }
  return wait;
}

export function recordFailure(keys: string[], now = Date.now()): void {
  db.transaction((tx) => {
    for (const key of keys) {
      const row = tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
      const stale = !row?.lastFailureAt || now - row.lastFailureAt.getTime() > WINDOW_MS;
      const failures = (stale ? 0 : row.failures) + 1;
      const over = failures - FREE_FAILURES;
      const blockedUntil = over >= 0 ? new Date(now + Math.min(BASE_DELAY_MS * 2 ** over, MAX_DELAY_MS)) : null;
      tx.insert(loginThrottle)
        .values({ key, failures, lastFailureAt: new Date(now), blockedUntil })
        .onConflictDoUpdate({ target: loginThrottle.key, set: { failures, lastFailureAt: new Date(now), blockedUntil } })
        .run();
    }
  });
}

export function recordSuccess(keys: string[]): void {
  // Only the account's counter resets: a success must not clear an address that is guessing others.
  for (const key of keys.filter((k) => k.startsWith("user:"))) db.delete(loginThrottle).where(eq(loginThrottle.key, key)).run();
}

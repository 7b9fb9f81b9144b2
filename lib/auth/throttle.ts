import "server-only";
import { eq, inArray, like } from "drizzle-orm";
import { db } from "@/db";
import { loginThrottle } from "@/db/schema";
import { loginKey } from "@/lib/text/rule";

/**
 * Failed logins slow down, never lock for good (issue 10, point 7). Three counters:
 * - the account from this address (`pair:`): 5 free failures, then waits doubling from 15 s to 15 min;
 * - the address (`ip:`): 20 free failures (it may be an office NAT), then the same waits;
 * - the account from anywhere (`user:`): 10 free failures, then at most 60 s — a stranger guessing
 *   from elsewhere slows the account down but cannot keep its owner out.
 * A correct password once the wait is over signs in and clears the account's counters; the admin
 * lifts them all for an account (liftThrottle) and a password reset does too.
 */
const RULES = {
  pair: { free: 5, base: 15_000, cap: 15 * 60_000 },
  ip: { free: 20, base: 15_000, cap: 15 * 60_000 },
  user: { free: 10, base: 5_000, cap: 60_000 },
} as const;
/** Failures older than this are forgotten. */
const WINDOW_MS = 60 * 60_000;

type Kind = keyof typeof RULES;
const kindOf = (key: string) => key.slice(0, key.indexOf(":")) as Kind;

/** The counters one attempt touches, for a login name (any case) and an address. */
export const throttleKeys = (username: string, ip: string) => {
  const u = loginKey(username).slice(0, 64);
  return [`pair:${u}@${ip}`, `ip:${ip}`, `user:${u}`];
};

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
  db.transaction(
    (tx) => {
      for (const key of keys) {
        const rule = RULES[kindOf(key)] ?? RULES.pair;
        const row = tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
        const stale = !row?.lastFailureAt || now - row.lastFailureAt.getTime() > WINDOW_MS;
        const failures = (stale ? 0 : row.failures) + 1;
        const over = failures - rule.free;
        const blockedUntil = over >= 0 ? new Date(now + Math.min(rule.base * 2 ** Math.min(over, 20), rule.cap)) : null;
        tx.insert(loginThrottle)
          .values({ key, failures, lastFailureAt: new Date(now), blockedUntil })
          .onConflictDoUpdate({ target: loginThrottle.key, set: { failures, lastFailureAt: new Date(now), blockedUntil } })
          .run();
      }
    },
    { behavior: "immediate" },
  );
}

/** A correct password: the account's counters reset (not the address's: it may be guessing others). */
export function recordSuccess(keys: string[]): void {
  for (const key of keys.filter((k) => !k.startsWith("ip:"))) db.delete(loginThrottle).where(eq(loginThrottle.key, key)).run();
}

/** Lifts every counter of one account (from any address). */
export function liftThrottle(username: string, tx: Pick<typeof db, "delete" | "select"> = db): void {
  const u = loginKey(username);
  const keys = tx
    .select({ key: loginThrottle.key })
    .from(loginThrottle)
    .where(like(loginThrottle.key, "pair:%"))
    .all()
    .map((r) => r.key)
    .filter((k) => k.startsWith(`pair:${u}@`))
    .concat(`user:${u}`);
  tx.delete(loginThrottle).where(inArray(loginThrottle.key, keys)).run();
}

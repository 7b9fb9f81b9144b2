/**
 * Messages whose key is known only at run time. The keys written in code are checked by tsc
 * (global.d.ts declares the messages to next-intl); a key read from data — an audit action, a
 * notice kind, a role, a zod issue code — goes through here instead, and may have no message.
 * `t` is any next-intl translator (useTranslations / getTranslations), already scoped to its
 * namespace.
 */
type Loose = {
  (key: string, values?: Record<string, string | number | Date>): string;
  has(key: string): boolean;
  raw(key: string): unknown;
};

/** The message for a run-time `key` in `t`'s namespace, with `values`; null when there is none. */
export function messageFor(t: object, key: string, values?: Record<string, string | number | Date>): string | null {
  const loose = t as Loose;
  return loose.has(key) ? loose(key, values) : null;
}

/** A group of messages (an object of strings, e.g. stats.col) read whole, for lookups by a run-time key. */
export function messageGroup(t: object, key: string): Record<string, string> {
  return (t as Loose).raw(key) as Record<string, string>;
}

"use client";

import { useLocale, useTranslations } from "next-intl";
import { type ReactNode, useCallback, useRef, useState } from "react";
import { InvisibleCleaner } from "@/lib/text/invisible";

/**
 * A field's record of the invisible characters and odd spaces it removed or replaced
 * (lib/text/invisible.ts), added up over the field's inputs until the person dismisses the notice —
 * typing one character at a time, each is counted. `track(fn)` runs `fn` with the field's cleaner
 * and refreshes `notices` (the sentences, in the page's language) when something new was cleaned.
 */
export function useInvisibleNotice() {
  const locale = useLocale();
  const cleaner = useRef(new InvisibleCleaner());
  const [notices, setNotices] = useState<string[]>([]);
  const track = useCallback(
    <T,>(fn: (c: InvisibleCleaner) => T): T => {
      const before = cleaner.current.notices(locale).join();
      const out = fn(cleaner.current);
      const now = cleaner.current.notices(locale);
      if (now.join() !== before) setNotices(now);
      return out;
    },
    [locale],
  );
  const dismiss = useCallback(() => {
    cleaner.current = new InvisibleCleaner();
    setNotices([]);
  }, []);
  return { notices, track, dismiss, separator: locale.startsWith("zh") ? "；" : "; " };
}

/** The notice itself: what was done (a status, so screen readers hear it) and 知道了 to dismiss it. */
export function InvisibleNotice({ id, testId, children, onDismiss }: { id?: string; testId: string; children: ReactNode; onDismiss: () => void }) {
  const t = useTranslations("item");
  return (
    <span id={id} className="hint" role="status" data-testid={testId}>
      {children}{" "}
      <button type="button" onClick={onDismiss}>
        {t("invisibleDismiss")}
      </button>
    </span>
  );
}

/**
 * `value` with every string in it (also inside arrays and plain objects) cleaned by `cleaner`:
 * invisible characters removed, odd spaces made ordinary ones (lib/text/invisible.ts). Values that
 * are not strings are returned as they are.
 */
export function cleanStoredText<T>(value: T, cleaner: InvisibleCleaner): T {
  if (typeof value === "string") return cleaner.clean(value) as T;
  if (Array.isArray(value)) return value.map((v) => cleanStoredText(v, cleaner)) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanStoredText(v, cleaner)])) as T;
  return value;
}

/**
 * A form's stored values cleaned once, as the form loads: text saved before the text rule (a title
 * or a distribution list with a no-break space) would otherwise be refused when the form sends it
 * back unchanged. Returns the cleaned values (computed once, the same on the server and in the
 * browser) and the sentences saying what was done, for <StoredTextNotice>; empty when nothing was.
 */
export function useCleanedOnLoad<T>(stored: T): { value: T; notices: string[]; dismiss: () => void } {
  const locale = useLocale();
  const [start] = useState(() => {
    const cleaner = new InvisibleCleaner();
    const value = cleanStoredText(stored, cleaner);
    return { value, notices: cleaner.notices(locale) };
  });
  const [notices, setNotices] = useState(start.notices);
  const dismiss = useCallback(() => setNotices([]), []);
  return { value: start.value, notices, dismiss };
}

/** Says what was cleaned in a form's stored text on load (a status, with 知道了 to dismiss it). */
export function StoredTextNotice({ notices, onDismiss, testId }: { notices: string[]; onDismiss: () => void; testId: string }) {
  const t = useTranslations("storedText");
  const locale = useLocale();
  if (!notices.length) return null;
  return (
    <p className="hint" role="status" data-testid={testId}>
      {t("cleaned", { what: notices.join(locale.startsWith("zh") ? "；" : "; ") })}{" "}
      <button type="button" onClick={onDismiss}>
        {t("dismiss")}
      </button>
    </p>
  );
}

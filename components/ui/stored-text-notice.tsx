"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { InvisibleCleaner } from "@/lib/text/invisible";

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

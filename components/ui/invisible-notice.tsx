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

"use client";

import { useLocale, useTranslations } from "next-intl";
import { type ReactNode, useCallback, useRef, useState } from "react";
import { InvisibleCleaner } from "@/lib/text/invisible";
import { noticeOutlived } from "@/lib/text/notice-outlived";

/**
 * A field's record of the invisible characters and odd spaces it removed or replaced
 * (lib/text/invisible.ts), added up over the field's inputs until the person dismisses the notice —
 * typing one character at a time, each is counted. `track(fn)` runs `fn` with the field's cleaner
 * and refreshes `notices` (the sentences, in the page's language) when something new was cleaned.
 * `settle(value, previous?)` is told the field's whole text after each change (after `track` for
 * the same change; `previous`, the text before it, when the field has not settled yet): the notice
 * goes by itself once it outlives its text — the field emptied, the cleaned input undone, or the
 * text replaced wholesale (lib/text/notice-outlived.ts).
 */
export function useInvisibleNotice() {
  const locale = useLocale();
  const cleaner = useRef(new InvisibleCleaner());
  const [notices, setNotices] = useState<string[]>([]);
  // The text before the first cleaned input and right after the last one, and the last text settled.
  const span = useRef<{ pending: boolean; before: string | null; after: string | null; last: string | null }>({ pending: false, before: null, after: null, last: null });
  const track = useCallback(
    <T,>(fn: (c: InvisibleCleaner) => T): T => {
      const before = cleaner.current.notices(locale).join();
      const out = fn(cleaner.current);
      const now = cleaner.current.notices(locale);
      if (now.join() !== before) {
        setNotices(now);
        span.current.pending = true;
      }
      return out;
    },
    [locale],
  );
  const dismiss = useCallback(() => {
    cleaner.current = new InvisibleCleaner();
    span.current = { pending: false, before: null, after: null, last: span.current.last };
    setNotices([]);
  }, []);
  const settle = useCallback(
    (value: string, previous?: string) => {
      const s = span.current;
      const last = s.last ?? previous ?? null;
      s.last = value;
      if (s.pending) {
        if (s.after === null) s.before = last;
        s.after = value;
        s.pending = false;
      } else if (s.after !== null && noticeOutlived(s.before, s.after, value)) dismiss();
    },
    [dismiss],
  );
  return { notices, track, settle, dismiss, separator: locale.startsWith("zh") ? "；" : "; " };
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

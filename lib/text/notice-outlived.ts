/**
 * Whether a field's invisible-character notice has outlived the text it speaks of, so it can go
 * without the person pressing 知道了. The notice says what was removed from the field's input
 * (components/ui/invisible-notice.tsx); it no longer applies when
 * - the field is empty (or white space only),
 * - the field is back to `before`, the text it had before the first cleaned input (undone), or
 * - the field was replaced wholesale: `now` keeps nothing of `after` (the text right after the last
 *   cleaned input) at either end.
 * `before` is null when the text before the cleaning is not known; strings are compared as UTF-16.
 */
export function noticeOutlived(before: string | null, after: string, now: string): boolean {
  if (!now.trim()) return true;
  if (before !== null && now === before) return true;
  if (!after) return false;
  return !sharesEnd(after, now);
}

function sharesEnd(a: string, b: string): boolean {
  return a[0] === b[0] || a[a.length - 1] === b[b.length - 1];
}

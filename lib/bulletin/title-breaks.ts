import { charDiff } from "@/lib/editor/diff";
import { carryTitleBreaks, titleBreaksProblem } from "./title-lines";

/** Manual title breaks as stored with an item: the offsets and the title they were set on. */
export interface StoredTitleBreaks {
  title: string;
  at: number[];
}

/**
 * The manual breaks that hold for the item's title now. Set on this very title: as stored. Set on
 * an earlier text of it: each break whose neighbouring characters survived the edit moves with
 * them (carryTitleBreaks), the others are dropped and returned as `dropped` — the text before each
 * (up to 6 characters), so the editor can be told which breaks went. Kept breaks that no longer
 * pass titleBreaksProblem are dropped too.
 */
export function currentTitleBreaks(title: string, stored: StoredTitleBreaks | null | undefined): { at: number[]; dropped: string[] } {
  if (!stored || !stored.at.length) return { at: [], dropped: [] };
  const before = (t: string, b: number) => t.slice(Math.max(0, b - 6), b);
  if (stored.title === title) {
    return titleBreaksProblem(title, stored.at) ? { at: [], dropped: stored.at.map((b) => before(stored.title, b)) } : { at: [...stored.at], dropped: [] };
  }
  const { kept, dropped } = carryTitleBreaks(charDiff(stored.title, title), stored.at);
  const at = kept.filter((b, i) => !titleBreaksProblem(title, kept.slice(0, i + 1)));
  const lost = kept.filter((b) => !at.includes(b)).map((b) => before(title, b));
  return { at, dropped: [...dropped.map((b) => before(stored.title, b)), ...lost] };
}

import { countDoc } from "@/lib/text/count";

type Text = { title: string; body: unknown };

/**
 * What one save changed in an item's text, for its audit row: `chars`, the body's length after
 * (countDoc, characters without spaces); `detail.title` {from, to} when the title changed;
 * `detail.bodyChars` {from, to} (the lengths) when the body changed in any way — wording or
 * formatting, even at the same length. Unchanged parts are left out, so a save that changed only
 * the 署名 or the suggested section carries neither.
 */
export function itemEditChange(before: Text, after: Text): { chars: number; detail: { title?: { from: string; to: string }; bodyChars?: { from: number; to: number } } } {
  const chars = countDoc(after.body as Parameters<typeof countDoc>[0]);
  const detail: { title?: { from: string; to: string }; bodyChars?: { from: number; to: number } } = {};
  if (before.title !== after.title) detail.title = { from: before.title, to: after.title };
  if (JSON.stringify(before.body) !== JSON.stringify(after.body)) detail.bodyChars = { from: countDoc(before.body as Parameters<typeof countDoc>[0]), to: chars };
  return { chars, detail };
}

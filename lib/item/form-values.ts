import { InvisibleCleaner } from "@/lib/text/invisible";
import type { LatestItem } from "@/lib/data/items";
import type { RichDoc } from "@/lib/editor/schema";
import { countDoc } from "@/lib/text/count";

/**
 * The item form's values and the pure functions on them (no React, no browser): what the form
 * holds, what it sends, how two drafts compare, and how long the body is. Unit-tested in
 * form-values.test.ts.
 */
export interface ItemFormValues {
  title: string;
  body: RichDoc;
  source: string;
  suggestedSectionId: number | null;
  /** yyyy-mm-dd or "". */
  eventDate: string;
  contactName: string;
  contactPhone: string;
  noteToEditor: string;
  /** The call (约稿) the item answers. */
  callId?: number | null;
}

/** Usual length of a bulletin item, in 字 (the meter's bands). */
export const GUIDE = { short: 300, long: 800, tooLong: 1500 } as const;
export type LengthBand = "empty" | "short" | "good" | "long" | "tooLong";

/** The payload the save actions take: blank attribution and date become null. */
export const toPayload = (v: ItemFormValues) => ({
  title: v.title,
  body: v.body,
  source: v.source.trim() || null,
  suggestedSectionId: v.suggestedSectionId,
  eventDate: v.eventDate || null,
  contactName: v.contactName,
  contactPhone: v.contactPhone,
  noteToEditor: v.noteToEditor,
  ...(v.callId !== undefined ? { callId: v.callId } : {}),
});

/** The form values of the stored version (as `latestItemAction` answers it). */
export const fromLatest = (l: LatestItem): ItemFormValues => ({
  title: l.fields.title,
  body: l.fields.body,
  source: l.fields.source ?? "",
  suggestedSectionId: l.fields.suggestedSectionId,
  eventDate: l.fields.eventDate ?? "",
  contactName: l.fields.contactName,
  contactPhone: l.fields.contactPhone,
  noteToEditor: l.fields.noteToEditor,
  callId: l.fields.callId ?? null,
});

/** Whether anything worth keeping is typed: a title or some body text that is not white space. */
export const hasText = (v: ItemFormValues) => !!v.title.trim() || v.body.content.some((p) => (p.content ?? []).some((n) => n.text.trim()));

/** 字数 of the body (lib/text/count.ts). */
export const bodyChars = (v: Pick<ItemFormValues, "body">) => countDoc(v.body);

/** The length band of a body of `chars` 字, for the meter. */
export function lengthBand(chars: number): LengthBand {
  return chars === 0 ? "empty" : chars < GUIDE.short ? "short" : chars <= GUIDE.long ? "good" : chars <= GUIDE.tooLong ? "long" : "tooLong";
}

/** The attribution with one more co-unit joined by 、 (unchanged when it is already there or blank). */
export function addCoUnit(source: string, name: string): string {
  const n = name.trim();
  const parts = source.split("、").map((s) => s.trim()).filter(Boolean);
  if (!n || parts.includes(n)) return source;
  return [...parts, n].join("、");
}

/** Whether two sets of form values say the same thing (what a person would call "the same draft"). */
export function sameValues(a: ItemFormValues, b: ItemFormValues): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}

function normalise(v: ItemFormValues) {
  return {
    ...v,
    title: v.title.trim(),
    source: v.source.trim(),
    contactName: v.contactName.trim(),
    contactPhone: v.contactPhone.trim(),
    noteToEditor: v.noteToEditor.trim(),
    body: v.body.content.map((p) => (p.content ?? []).map((t) => [t.text, (t.marks ?? []).map((m) => m.type).sort().join()])).filter((p) => p.length),
  };
}

/**
 * A title as one line: line breaks (pasted from Word or a web page) go. Between two Han characters
 * (or full-width punctuation) the break simply joins them; elsewhere it becomes one space. Spaces
 * and tabs around the break collapse with it. `changed` says whether line breaks or tabs were
 * altered, so the form can tell the person. Invisible characters (zero-width space, BOM, soft
 * hyphen …) are removed and odd spaces (no-break, thin …) made ordinary spaces, as the text rule
 * wants (lib/text/invisible.ts); `cleaned` says which, in the locale's words, for the same notice
 * (empty when there were none). An emoji sequence's joiner stays. Pass the field's own `cleaner` to
 * count across inputs (typing one character at a time), so `cleaned` says everything it did.
 */
export function oneLineTitle(raw: string, locale = "zh-CN", cleaner = new InvisibleCleaner()): { value: string; changed: boolean; cleaned: string[] } {
  const joined = joinLines(raw);
  return { value: cleaner.clean(joined.value), changed: joined.changed, cleaned: cleaner.notices(locale) };
}

function joinLines(raw: string): { value: string; changed: boolean } {
  const value = raw.replace(/[ \t\u3000]*(?:\r\n|[\r\n\u2028\u2029\u0085])+[ \t\u3000]*/gu, (m, offset: number, all: string) => {
    const before = Array.from(all.slice(Math.max(0, offset - 2), offset)).pop() ?? "";
    const after = Array.from(all.slice(offset + m.length, offset + m.length + 2))[0] ?? "";
    if (!before || !after) return "";
    return WIDE.test(before) && WIDE.test(after) ? "" : " ";
  });
  // A tab (or another control space) pasted from a table or a form is one space, like a break.
  const spaced = value.replace(/[ \u3000]*[\t\v\f]+[ \u3000]*/g, " ");
  return { value: spaced, changed: spaced !== raw };
}

const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2018-\u201d\u2014\u2026\u00b7]/u;

import { diffChars } from "diff";

export interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}

/**
 * Character-level diff: Chinese has no spaces between words, so a word diff would mark whole
 * sentences as changed. Paragraphs are compared as text joined by newlines.
 */
export function charDiff(before: string, after: string): DiffPart[] {
  return diffChars(before, after).map((c) => ({ kind: c.added ? "added" : c.removed ? "removed" : "same", text: c.value }));
}

export function hasChanges(parts: DiffPart[]): boolean {
  return parts.some((p) => p.kind !== "same");
}

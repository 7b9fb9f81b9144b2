import type { ItemFormValues } from "@/lib/item/form-values";

export { sameValues } from "@/lib/item/form-values";

/**
 * The copy of a draft kept in this browser (localStorage), so that closing the tab, losing the
 * network or a refused save never loses what was typed. One copy per user and item ("new" for an
 * item the server has not seen yet).
 */
export interface LocalCopy {
  values: ItemFormValues;
  /** The server version the copy was based on, when there was one. */
  version: number | null;
  at: number;
}

const PREFIX = "jianbao:item-draft";

export const localCopyKey = (userId: number, itemId: number | undefined) => `${PREFIX}:${userId}:${itemId ?? "new"}`;

export function readLocalCopy(key: string): LocalCopy | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const v = JSON.parse(raw) as LocalCopy;
    if (!v || typeof v !== "object" || typeof v.at !== "number" || !v.values || typeof v.values.title !== "string" || v.values.body?.type !== "doc") return null;
    return v;
  } catch {
    return null;
  }
}

export function writeLocalCopy(key: string, copy: LocalCopy): boolean {
  try {
    window.localStorage.setItem(key, JSON.stringify(copy));
    return true;
  } catch {
    return false; // storage full or disabled: the server copy is all there is
  }
}

export function removeLocalCopy(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    /* nothing to remove */
  }
}

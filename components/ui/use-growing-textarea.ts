"use client";

import { type RefObject, useLayoutEffect } from "react";

/**
 * Keeps a one-line-of-text textarea (a title field) as tall as its wrapped text, for browsers
 * without CSS `field-sizing: content`: its height is set from scrollHeight (px, borders included)
 * whenever `value` changes.
 */
export function useGrowingTextarea(ref: RefObject<HTMLTextAreaElement | null>, value: string) {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = "auto";
    el.style.height = `${el.scrollHeight + el.offsetHeight - el.clientHeight}px`;
  }, [ref, value]);
}

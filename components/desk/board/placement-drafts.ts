/**
 * What the editor last sent per item for its 目录提要 and 署名, until the server has stored it:
 * the controls remount whenever the board's values change (their key), and a refused change (too
 * long, or someone else changed the issue) rolls the board back — the typed text is taken from
 * here then, never lost. Cleared by the board when the change is stored.
 */
export const placementDrafts = new Map<number, { inToc: boolean; tocTitle: string; source: string }>();

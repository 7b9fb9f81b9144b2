import type { ArrangeChange, BoardPlacement, BoardView } from "@/lib/data/arrange";

/**
 * What the board looks like right after a change, before the server answers: the same rules as
 * lib/data/arrange.ts applied to the client's copy. The server's answer replaces it; a refusal
 * rolls it back.
 */
export function applyOptimistic(board: BoardView, change: ArrangeChange): BoardView {
  const sections = board.sections.map((s) => ({ ...s, placements: [...s.placements] }));
  let pool = [...board.pool];
  const take = (itemId: number): BoardPlacement | null => {
    for (const s of sections) {
      const i = s.placements.findIndex((p) => p.itemId === itemId);
      if (i >= 0) return s.placements.splice(i, 1)[0];
    }
    const j = pool.findIndex((p) => p.id === itemId);
    if (j < 0) return null;
    const [p] = pool.splice(j, 1);
    return { itemId: p.id, title: p.title, unitName: p.unitName, source: null, inToc: false, tocTitle: "", sourceOverride: "", chars: 0 };
  };
  switch (change.op) {
    case "move": {
      const target = sections.find((s) => s.id === change.sectionId);
      if (!target) return board;
      const p = take(change.itemId);
      if (!p) return board;
      target.placements.splice(Math.min(change.index, target.placements.length), 0, p);
      break;
    }
    case "place": {
      const target = sections.find((s) => (s.title ?? "") === change.sectionTitle);
      if (!target) return board; // a new section: wait for the server
      const p = take(change.itemId);
      if (!p) return board;
      target.placements.push({ ...p, inToc: change.inToc });
      break;
    }
    case "unplace": {
      const p = take(change.itemId);
      if (!p) return board;
      pool = [...pool, { id: p.itemId, title: p.title, unitName: p.unitName, sectionTitle: null }];
      break;
    }
    case "moveSection": {
      const i = sections.findIndex((s) => s.id === change.sectionId);
      if (i < 0) return board;
      const [s] = sections.splice(i, 1);
      sections.splice(Math.min(change.index, sections.length), 0, s);
      break;
    }
    case "placement": {
      for (const s of sections)
        s.placements = s.placements.map((p) =>
          p.itemId === change.itemId ? { ...p, inToc: change.inToc, tocTitle: change.tocTitle.trim(), sourceOverride: change.sourceOverride.trim() } : p,
        );
      break;
    }
    case "footer": {
      const { mailbox, editorName, reviewerName, distribution } = change;
      return { ...board, issue: { ...board.issue, mailbox, editorName, reviewerName, distribution: distribution.filter((d) => d.trim()) } };
    }
    default:
      return board;
  }
  return { ...board, sections, pool };
}

/** 字数: characters of the item bodies. */
export function sectionChars(placements: { chars: number }[]): number {
  return placements.reduce((n, p) => n + p.chars, 0);
}

import { describe, expect, it } from "vitest";
import type { BoardView } from "@/lib/data/arrange";
import { applyOptimistic, sectionChars } from "./board-model";

const p = (itemId: number, chars = 10) => ({ itemId, title: `稿件${itemId}`, unitName: "昌平区科协", source: null, inToc: false, tocTitle: "", sourceOverride: "", chars });
const board: BoardView = {
  issue: { id: 1, version: 3, status: "drafting", year: 2026, number: 1, totalNumber: 79, mailbox: "", editorName: "", reviewerName: "", distribution: [], printedBy: null, printedDate: null, printRun: null, sentBefore: false, label: "2026年第1期" },
  sections: [
    { id: 10, title: null, placements: [p(1)] },
    { id: 11, title: "科普工作", placements: [p(2), p(3), p(4)] },
  ],
  pool: [{ id: 5, title: "稿件5", unitName: "东城区科协", sectionTitle: null }],
  catalogue: ["科普工作"],
  previewHtml: "",
};
const order = (b: BoardView) => b.sections.map((s) => s.placements.map((x) => x.itemId));

describe("the board's optimistic update mirrors the server's rules", () => {
  it("reorders, moves between sections, places from and returns to the pool, moves sections", () => {
    expect(order(applyOptimistic(board, { op: "move", itemId: 2, sectionId: 11, index: 2 }))).toEqual([[1], [3, 4, 2]]);
    expect(order(applyOptimistic(board, { op: "move", itemId: 3, sectionId: 10, index: 0 }))).toEqual([[3, 1], [2, 4]]);
    const placed = applyOptimistic(board, { op: "move", itemId: 5, sectionId: 10, index: 1 });
    expect(order(placed)).toEqual([[1, 5], [2, 3, 4]]);
    expect(placed.pool).toEqual([]);
    const back = applyOptimistic(board, { op: "unplace", itemId: 4 });
    expect(order(back)).toEqual([[1], [2, 3]]);
    expect(back.pool.map((x) => x.id)).toEqual([5, 4]);
    expect(applyOptimistic(board, { op: "moveSection", sectionId: 11, index: 0 }).sections.map((s) => s.id)).toEqual([11, 10]);
    expect(order(board)).toEqual([[1], [2, 3, 4]]); // the original (the rollback copy) is untouched
  });

  it("leaves the board as it is for unknown items or sections, and counts characters", () => {
    expect(applyOptimistic(board, { op: "move", itemId: 99, sectionId: 11, index: 0 })).toBe(board);
    expect(applyOptimistic(board, { op: "move", itemId: 2, sectionId: 99, index: 0 })).toBe(board);
    expect(sectionChars(board.sections[1].placements)).toBe(30);
  });
});

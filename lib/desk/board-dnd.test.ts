import { describe, expect, it } from "vitest";
import type { BoardView } from "@/lib/data/arrange";
import { announce, type Box, type DragData, defaultPlaceSection, dropChange, keyboardStep, nearestTarget, type Target } from "./board-dnd";

const p = (itemId: number, chars = 10) => ({ itemId, title: `稿件${itemId}`, unitName: "昌平区科协", source: null, inToc: false, tocTitle: "", sourceOverride: "", chars });
const board: BoardView = {
  issue: { id: 1, version: 3, status: "drafting", year: 2026, number: 1, totalNumber: 79, mailbox: "", editorName: "", reviewerName: "", distribution: [], printedBy: null, printedDate: null, printRun: null, sentBefore: false, label: "2026年第1期" },
  sections: [
    { id: 10, title: "基层动态", placements: [] },
    { id: 11, title: "科普工作", placements: [p(2), p(3), p(4)] },
    { id: 12, title: "学会工作", placements: [p(6)] },
  ],
  pool: [
    { id: 5, title: "稿件5", unitName: "东城区科协", sectionTitle: "科普工作" },
    { id: 7, title: "稿件7", unitName: "市科协办公室", sectionTitle: "国际交流" },
    { id: 8, title: "稿件8", unitName: "市科协办公室", sectionTitle: null },
  ],
  catalogue: ["主题教育", "基层动态", "科普工作", "学会工作"],
  previewHtml: "",
};

const section = (id: number, title: string): DragData => ({ type: "section", sectionId: id, title });
const item = (itemId: number, container: number | "pool"): DragData => ({ type: "item", itemId, container, title: `稿件${itemId}` });
const box = (top: number, height: number, left = 0, width = 600): Box => ({ top, left, width, height });

/** The three sections as the board lays them out: a short empty one above a tall one above a short one. */
const sections: Target<string>[] = [
  { id: "s:10", data: section(10, "基层动态"), rect: box(100, 80) },
  { id: "s:11", data: section(11, "科普工作"), rect: box(196, 600) },
  { id: "s:12", data: section(12, "学会工作"), rect: box(812, 120) },
];

/** What dnd-kit does with the getter's answer: move the dragged row there, then ask collision. */
function keyboardDrag(start: string, keys: ("up" | "down")[]): string | null {
  const dragged = sections.find((s) => s.id === start)!.rect;
  let over: string = start;
  let at: Box = dragged;
  for (const k of keys) {
    const step = keyboardStep("section", k, over, dragged, sections);
    if (!step) continue;
    at = { ...dragged, top: step.y, left: step.x };
    over = nearestTarget("section", at, sections)!.id;
  }
  return over;
}

describe("keyboard dragging on the arrange board", () => {
  it("Space, ↓, Space on a short section above a taller one lands on the taller one (the bug: it stayed on itself)", () => {
    expect(keyboardDrag("s:10", ["down"])).toBe("s:11");
    const over = sections.find((s) => s.id === keyboardDrag("s:10", ["down"]))!.data;
    expect(dropChange(board, section(10, "基层动态"), over)).toEqual({ op: "moveSection", sectionId: 10, index: 1 });
    // The old getter moved the row's top-left corner to the target's: its centre stayed nearer home.
    const topLeft = { ...sections[0].rect, top: sections[1].rect.top };
    expect(nearestTarget("section", topLeft, sections)!.id).toBe("s:10");
  });

  it("steps through every section both ways, a tall one onto short ones too, and stops at the ends", () => {
    expect(keyboardDrag("s:10", ["down", "down"])).toBe("s:12");
    expect(keyboardDrag("s:11", ["down"])).toBe("s:12");
    expect(keyboardDrag("s:11", ["up"])).toBe("s:10");
    expect(keyboardDrag("s:12", ["up", "up"])).toBe("s:10");
    expect(keyboardDrag("s:12", ["down"])).toBe("s:12");
    expect(keyboardStep("section", "up", "s:10", sections[0].rect, sections)).toBeNull();
    // The step centres the dragged row on its target.
    const step = keyboardStep("section", "down", "s:10", sections[0].rect, sections)!;
    expect(step).toEqual({ id: "s:11", x: 0, y: 196 + (600 - 80) / 2 });
  });

  it("items only meet items and empty lists; sections only meet sections", () => {
    const mixed: Target<string>[] = [
      ...sections,
      { id: "c:10", data: { type: "container", container: 10, count: 0 }, rect: box(140, 30, 20, 560) },
      { id: "c:11", data: { type: "container", container: 11, count: 3 }, rect: box(236, 540, 20, 560) },
      { id: "i:2", data: item(2, 11), rect: box(236, 180, 20, 560) },
      { id: "i:3", data: item(3, 11), rect: box(416, 180, 20, 560) },
    ];
    const dragged = box(416, 180, 20, 560);
    expect(keyboardStep("item", "up", "i:3", dragged, mixed)!.id).toBe("i:2");
    expect(keyboardStep("item", "up", "i:2", dragged, mixed)!.id).toBe("c:10"); // the empty list above
    expect(keyboardStep("section", "down", "s:10", sections[0].rect, mixed)!.id).toBe("s:11");
    expect(nearestTarget("item", box(140, 180, 20, 560), mixed)!.id).not.toMatch(/^(s|c:11)/);
  });
});

describe("what a drop changes", () => {
  it("moves within and between sections, places from the pool, returns to the pool", () => {
    expect(dropChange(board, item(2, 11), item(4, 11))).toEqual({ op: "move", itemId: 2, sectionId: 11, index: 2 });
    expect(dropChange(board, item(6, 12), item(3, 11))).toEqual({ op: "move", itemId: 6, sectionId: 11, index: 1 });
    expect(dropChange(board, item(6, 12), item(3, 11), true)).toEqual({ op: "move", itemId: 6, sectionId: 11, index: 2 });
    expect(dropChange(board, item(5, "pool"), { type: "container", container: 10, count: 0 })).toEqual({ op: "move", itemId: 5, sectionId: 10, index: 0 });
    expect(dropChange(board, item(2, 11), { type: "container", container: "pool", count: 3 })).toEqual({ op: "unplace", itemId: 2 });
  });

  it("changes nothing on itself, in its own place, from pool to pool, or an item onto a section", () => {
    expect(dropChange(board, item(3, 11), item(3, 11))).toBeNull();
    expect(dropChange(board, section(11, "科普工作"), section(11, "科普工作"))).toBeNull();
    expect(dropChange(board, item(5, "pool"), { type: "container", container: "pool", count: 3 })).toBeNull();
    expect(dropChange(board, item(2, 11), section(12, "学会工作"))).toBeNull();
    expect(dropChange(board, section(11, "科普工作"), item(2, 11))).toBeNull();
    expect(dropChange(board, undefined, item(2, 11))).toBeNull();
  });
});

describe("announcements and the place form's default", () => {
  const labels = { pool: "待编排稿件", lead: "头条" };
  it("names the target the screen reader hears", () => {
    expect(announce.start(section(10, "基层动态"))).toEqual({ key: "start", values: { title: "基层动态" } });
    expect(announce.over(board, section(11, "科普工作"), labels)).toEqual({ key: "over", values: { target: "科普工作" } });
    expect(announce.over(board, { type: "container", container: "pool", count: 0 }, labels)).toEqual({ key: "over", values: { target: "待编排稿件" } });
    expect(announce.end(board, { type: "container", container: 10, count: 0 }, labels)).toEqual({ key: "end", values: { target: "基层动态" } });
    expect(announce.over(board, null, labels)).toEqual({ key: "nowhere" });
    expect(announce.end(board, null, labels)).toEqual({ key: "cancel" });
  });

  it("places an item in its suggested section, else the catalogue's first", () => {
    expect(defaultPlaceSection(board, 5)).toBe("科普工作");
    expect(defaultPlaceSection(board, 7)).toBe("主题教育"); // suggested, but neither in the issue nor the catalogue
    expect(defaultPlaceSection(board, 8)).toBe("主题教育");
    expect(defaultPlaceSection({ ...board, catalogue: [] }, 8)).toBe("");
  });
});

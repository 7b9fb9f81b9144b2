import type { ArrangeChange, BoardView } from "@/lib/data/arrange";

/**
 * The arrange board's drag-and-drop, as plain functions (no React, no DOM): which targets a drag
 * may land on, where the keyboard moves the dragged row, which target a drag is over, what a drop
 * changes, and what the screen reader hears. components/desk/arrange-board.tsx adapts them to
 * dnd-kit; lib/desk/board-dnd.test.ts tests them with plain rectangles.
 */

/** Where an item sits: a section's id, or the pool of accepted items not yet placed. */
export type Container = number | "pool";

/** What each draggable or droppable node carries (dnd-kit's `data`). */
export type DragData =
  | { type: "item"; itemId: number; container: Container; title: string }
  | { type: "section"; sectionId: number; title: string }
  | { type: "container"; container: Container; count: number };

export const itemKey = (id: number) => `i:${id}`;
export const sectionKey = (id: number) => `s:${id}`;
export const containerKey = (id: Container) => `c:${id}`;

/** A rectangle in page pixels, as getBoundingClientRect gives it. */
export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

/** A place a drag may land on, with its measured rectangle. */
export interface Target<Id = string | number> {
  id: Id;
  data: DragData | undefined;
  rect: Box;
}

/** Where an item or a section may land: sections on sections; items on items and on empty lists. */
export function landsOn(type: DragData["type"] | undefined, d: DragData | undefined): boolean {
  if (type === "section") return d?.type === "section";
  return d?.type === "item" || (d?.type === "container" && d.count === 0);
}

const centre = (r: Box) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });

/**
 * The target whose centre is nearest the centre of the dragged row's rectangle (Manhattan distance
 * in px), among those the drag may land on; null when there is none. The keyboard path centres the
 * dragged row on its target (keyboardStep), so that target is always at distance 0, whatever the
 * heights of the rows around it.
 */
export function nearestTarget<Id>(type: DragData["type"] | undefined, dragged: Box, targets: Target<Id>[]): { id: Id; distance: number } | null {
  const c = centre(dragged);
  let best: { id: Id; distance: number } | null = null;
  for (const t of targets) {
    if (!landsOn(type, t.data)) continue;
    const tc = centre(t.rect);
    const distance = Math.abs(tc.x - c.x) + Math.abs(tc.y - c.y);
    if (!best || distance < best.distance) best = { id: t.id, distance };
  }
  return best;
}

/**
 * One ↑/↓ key press during a keyboard drag: the next place in reading order (top to bottom, then
 * left to right) after the one the drag is over (or the dragged row itself at the start), and the
 * top-left corner (px) to move the dragged row to so that its centre lies on that place's centre.
 * Returns null at either end of the list.
 *
 * Why the centre: dnd-kit measures "over" from the dragged row's rectangle. Moving the row's top-left
 * corner to the target's top-left corner (as the board once did) leaves a short section's centre
 * nearer its own old place than the centre of a much taller section below it, so Space, ↓, Space
 * announced the section itself ("移到：基层动态") and nothing moved.
 */
export function keyboardStep<Id>(
  type: DragData["type"] | undefined,
  direction: "up" | "down",
  currentId: Id,
  dragged: Pick<Box, "width" | "height">,
  targets: Target<Id>[],
): { id: Id; x: number; y: number } | null {
  const order = targets.filter((t) => landsOn(type, t.data)).sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left);
  const at = order.findIndex((t) => t.id === currentId);
  if (at < 0 && direction === "up") return null;
  const next = order[direction === "up" ? at - 1 : at + 1];
  if (!next) return null;
  return { id: next.id, x: next.rect.left + (next.rect.width - dragged.width) / 2, y: next.rect.top + (next.rect.height - dragged.height) / 2 };
}

/** The container of an item on the board. */
export function containerOf(board: BoardView, itemId: number): Container {
  return board.sections.find((s) => s.placements.some((p) => p.itemId === itemId))?.id ?? "pool";
}

/** The item ids of a container, in order. */
export function listOf(board: BoardView, c: Container): number[] {
  return c === "pool" ? board.pool.map((p) => p.id) : (board.sections.find((s) => s.id === c)?.placements.map((p) => p.itemId) ?? []);
}

/**
 * What a drop changes: the arrange change to send, or null when the drop changes nothing (dropped
 * on itself, in its own place, or on a target it may not land on). `belowMiddle`: the pointer was
 * released on the lower half of the item it is over (a pointer drag from another list then puts the
 * item after that one); a keyboard drop passes false and takes the place of the item it is over.
 */
export function dropChange(board: BoardView, active: DragData | undefined, over: DragData | undefined, belowMiddle = false): ArrangeChange | null {
  if (!active || !over) return null;
  if (active.type === "section") {
    if (over.type !== "section" || over.sectionId === active.sectionId) return null;
    return { op: "moveSection", sectionId: active.sectionId, index: board.sections.findIndex((s) => s.id === over.sectionId) };
  }
  if (active.type !== "item" || over.type === "section") return null;
  const target = over.container;
  const from = containerOf(board, active.itemId);
  if (target === "pool") return from === "pool" ? null : { op: "unplace", itemId: active.itemId };
  const list = listOf(board, target);
  let index = over.type === "item" ? list.indexOf(over.itemId) : list.length;
  if (over.type === "item" && from !== target && belowMiddle) index += 1;
  if (from === target && list.indexOf(active.itemId) === index) return null;
  return { op: "move", itemId: active.itemId, sectionId: target, index: index < 0 ? list.length : index };
}

/** The labels the announcements need, in the UI's language. */
export interface DndLabels {
  pool: string;
  lead: string;
}

/** The name a screen reader hears for a drop target: a section's or item's title, or the list's. */
export function describeTarget(board: BoardView, d: DragData | undefined, labels: DndLabels): string {
  if (!d) return "";
  if (d.type === "section" || d.type === "item") return d.title;
  return d.container === "pool" ? labels.pool : (board.sections.find((s) => s.id === d.container)?.title ?? labels.lead);
}

/** A message of the "desk.dnd" namespace and its values. */
export type DndMessage = { key: "start"; values: { title: string } } | { key: "over" | "end"; values: { target: string } } | { key: "nowhere" | "cancel"; values?: undefined };

/**
 * What the screen reader hears at each moment of a drag (dnd-kit's announcements), as message keys
 * of "desk.dnd": picked up (start), now over a target or nowhere (over/nowhere), dropped (end) or
 * cancelled (cancel).
 */
export const announce = {
  start: (active: DragData | undefined): DndMessage => ({ key: "start", values: { title: active && "title" in active ? active.title : "" } }),
  over: (board: BoardView, over: DragData | undefined | null, labels: DndLabels): DndMessage =>
    over ? { key: "over", values: { target: describeTarget(board, over, labels) } } : { key: "nowhere" },
  end: (board: BoardView, over: DragData | undefined | null, labels: DndLabels): DndMessage =>
    over ? { key: "end", values: { target: describeTarget(board, over, labels) } } : { key: "cancel" },
};

/**
 * The section the place form chooses first for an item: the item's suggested section when the issue
 * has it or the catalogue offers it, else the first catalogue section, else the lead ("").
 */
export function defaultPlaceSection(board: BoardView, itemId: number): string {
  const suggested = board.pool.find((p) => p.id === itemId)?.sectionTitle ?? null;
  const offered = new Set([...board.sections.map((s) => s.title ?? ""), ...board.catalogue]);
  if (suggested !== null && offered.has(suggested)) return suggested;
  return board.catalogue[0] ?? "";
}

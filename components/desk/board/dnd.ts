import { type CollisionDetection, closestCenter, type DroppableContainer, type KeyboardCoordinateGetter } from "@dnd-kit/core";
import { type DragData, type Target, keyboardStep, nearestTarget } from "@/lib/desk/board-dnd";

/**
 * dnd-kit's side of the board's drag-and-drop: it reads what dnd-kit measured and asks the pure
 * functions of lib/desk/board-dnd.ts.
 */

export const dataOf = (c: { data: { current?: unknown } }) => c.data.current as DragData | undefined;

const targetsOf = (containers: DroppableContainer[], rects: Map<DroppableContainer["id"], { top: number; left: number; width: number; height: number } | null | undefined>) =>
  containers.flatMap((c): Target<DroppableContainer["id"]>[] => {
    const rect = rects.get(c.id);
    return rect ? [{ id: c.id, data: dataOf(c), rect }] : [];
  });

/**
 * Collision for two kinds of drags: sections only meet sections; items meet items and the lists
 * that hold them (an empty list is a target of its own). With a pointer, the list under the
 * pointer decides where; with the keyboard, the target whose centre the dragged row was moved to.
 */
export const boardCollision: CollisionDetection = (args) => {
  const type = dataOf(args.active)?.type;
  if (args.pointerCoordinates) {
    if (type === "section") return closestCenter({ ...args, droppableContainers: args.droppableContainers.filter((c) => dataOf(c)?.type === "section") });
    // The list under the pointer, measured now (lists never move with the drag; their size changes
    // between drags as items come and go).
    const itemish = args.droppableContainers.filter((c) => dataOf(c)?.type !== "section");
    const { x, y } = args.pointerCoordinates;
    const lists = itemish
      .filter((c) => dataOf(c)?.type === "container")
      .map((c) => ({ c, r: c.node.current?.getBoundingClientRect() }))
      .filter(({ r }) => r && x >= r.left && x <= r.right && y >= r.top && y <= r.bottom)
      .sort((a, b) => a.r!.width * a.r!.height - b.r!.width * b.r!.height);
    if (lists.length) {
      const list = dataOf(lists[0].c) as Extract<DragData, { type: "container" }>;
      const inList = itemish.filter((c) => {
        const d = dataOf(c);
        return d?.type === "item" && d.container === list.container;
      });
      if (!inList.length) return [{ id: lists[0].c.id, data: { droppableContainer: lists[0].c, value: 0 } }];
      return closestCenter({ ...args, droppableContainers: inList });
    }
  }
  const best = nearestTarget(type, args.collisionRect, targetsOf(args.droppableContainers, args.droppableRects));
  return best ? [{ id: best.id, data: { droppableContainer: args.droppableContainers.find((c) => c.id === best.id), value: best.distance } }] : [];
};

/**
 * The keyboard path of drag-and-drop: ↑/↓ step through the places an item (or section) can go, in
 * reading order — across sections and the pool — and the row is centred on that place.
 */
export const boardKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context: { active, collisionRect, droppableRects, droppableContainers, over } }) => {
  if (event.code !== "ArrowUp" && event.code !== "ArrowDown") return undefined;
  event.preventDefault();
  if (!active) return undefined;
  const size = collisionRect ?? active.rect.current.initial;
  if (!size) return undefined;
  const step = keyboardStep(dataOf(active)?.type, event.code === "ArrowUp" ? "up" : "down", over?.id ?? active.id, size, targetsOf(droppableContainers.getEnabled(), droppableRects));
  return step ? { x: step.x, y: step.y } : undefined;
};

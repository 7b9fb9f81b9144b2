"use client";

import { useDroppable } from "@dnd-kit/core";
import { SortableContext, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useTranslations } from "next-intl";
import type { BoardSection } from "@/lib/data/arrange";
import { containerKey, type DragData, itemKey, sectionKey } from "@/lib/desk/board-dnd";
import { sectionChars } from "@/lib/desk/board-model";
import { type BoardControls, PlacedItemCard } from "./item-card";

/** One section of the issue: draggable as a whole, a drop list for items, and its buttons. */
export function SectionColumn({ section, index, count, ...controls }: { section: BoardSection; index: number; count: number } & BoardControls) {
  const { editable, disabled, change } = controls;
  const t = useTranslations("desk");
  const name = section.title ?? t("lead");
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition } = useSortable({
    id: sectionKey(section.id),
    data: { type: "section", sectionId: section.id, title: name } satisfies DragData,
    disabled: !editable,
  });
  const { setNodeRef: setDropRef, isOver } = useDroppable({
    id: containerKey(section.id),
    data: { type: "container", container: section.id, count: section.placements.length } satisfies DragData,
  });
  const n = section.placements.length;
  const moveSection = (to: number) => change({ op: "moveSection", sectionId: section.id, index: to });
  return (
    <section
      ref={setNodeRef}
      className="board-section"
      aria-label={name}
      data-testid={`section-${section.id}`}
      data-title={section.title ?? ""}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      <div className="section-head">
        {editable && (
          <button type="button" ref={setActivatorNodeRef} className="drag-handle" aria-label={t("dragSection", { title: name })} {...attributes} {...listeners}>
            ⠿
          </button>
        )}
        <h3>{section.title ? `【${section.title}】` : t("lead")}</h3>
        <small className="chars" data-testid="section-count">
          {t("sectionCount", { items: n, chars: sectionChars(section.placements) })}
        </small>
        {editable && (
          <span className="placement-controls">
            <button type="button" disabled={disabled || index === 0} aria-label={t("sectionUp", { title: name })} onClick={() => moveSection(index - 1)}>
              {t("moveUp")}
            </button>
            <button type="button" disabled={disabled || index === count - 1} aria-label={t("sectionDown", { title: name })} onClick={() => moveSection(index + 1)}>
              {t("moveDown")}
            </button>
            {n === 0 && (
              <button type="button" disabled={disabled} onClick={() => change({ op: "removeSection", sectionId: section.id })}>
                {t("removeSection")}
              </button>
            )}
          </span>
        )}
      </div>
      <SortableContext items={section.placements.map((p) => itemKey(p.itemId))} strategy={verticalListSortingStrategy}>
        <ol ref={setDropRef} className={`drop-list${isOver ? " over" : ""}`} data-testid={`list-${section.id}`}>
          {n === 0 && <li className="empty">{t("sectionDrop")}</li>}
          {section.placements.map((p, i) => (
            <PlacedItemCard key={p.itemId} placement={p} section={section} index={i} {...controls} />
          ))}
        </ol>
      </SortableContext>
    </section>
  );
}

"use client";

import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useTranslations } from "next-intl";
import type { BoardView } from "@/lib/data/arrange";
import { containerKey, type DragData, itemKey } from "@/lib/desk/board-dnd";
import { ItemCard } from "./item-card";

/** The accepted items not yet placed: a drop list of its own (drop here to take an item out). */
export function Pool({ board, editable }: { board: BoardView; editable: boolean }) {
  const t = useTranslations("desk");
  const { setNodeRef, isOver } = useDroppable({ id: containerKey("pool"), data: { type: "container", container: "pool", count: board.pool.length } satisfies DragData });
  return (
    <section className="card pool" aria-label={t("pool")} data-testid="pool">
      <h2>
        {t("pool")} <small>{t("count", { count: board.pool.length })}</small>
      </h2>
      <SortableContext items={board.pool.map((p) => itemKey(p.id))} strategy={verticalListSortingStrategy}>
        <ul ref={setNodeRef} className={`drop-list${isOver ? " over" : ""}`} data-testid="pool-list">
          {board.pool.length === 0 && <li className="empty">{t("poolDrop")}</li>}
          {board.pool.map((p) => (
            <ItemCard key={p.id} itemId={p.id} container="pool" title={p.title} disabled={!editable} testId={`pool-${p.id}`}>
              <span className="placement-title">{p.title}</span> <small>（{p.unitName}）</small>
              {p.sectionTitle && <small> · {p.sectionTitle}</small>}
            </ItemCard>
          ))}
        </ul>
      </SortableContext>
    </section>
  );
}

"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useTranslations } from "next-intl";
import { placementDrafts } from "./placement-drafts";
import { StoredTextNotice, useCleanedOnLoad } from "@/components/ui/stored-text-notice";
import { useId, useState } from "react";
import type { ArrangeChange, BoardPlacement, BoardSection } from "@/lib/data/arrange";
import { type Container, type DragData, itemKey } from "@/lib/desk/board-dnd";

/** One draggable item row (in a section or in the pool), with its drag handle. */
export function ItemCard({
  itemId,
  container,
  title,
  disabled,
  testId,
  children,
}: {
  itemId: number;
  container: Container;
  title: string;
  disabled: boolean;
  testId: string;
  children: React.ReactNode;
}) {
  const t = useTranslations("desk");
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: itemKey(itemId),
    data: { type: "item", itemId, container, title } satisfies DragData,
    disabled,
  });
  return (
    <li
      ref={setNodeRef}
      data-testid={testId}
      className={isDragging ? "dragging" : undefined}
      style={{ transform: CSS.Translate.toString(transform), transition, position: "relative", zIndex: isDragging ? 10 : undefined }}
    >
      {!disabled && (
        <button type="button" ref={setActivatorNodeRef} className="drag-handle" aria-label={t("dragItem", { title })} data-testid={`handle-${itemId}`} {...attributes} {...listeners}>
          ⠿
        </button>
      )}
      {children}
    </li>
  );
}

/** What a section and its rows get from the board: whether they may change, and how. */
export interface BoardControls {
  /** The other sections of the issue (targets of 移入). */
  others: BoardSection[];
  /** The issue is drafting: drag handles and buttons are shown. */
  editable: boolean;
  /** A change is on its way: buttons wait. */
  disabled: boolean;
  change: (c: ArrangeChange) => void;
  /** A sentence for the screen reader's live region. */
  announce: (s: string) => void;
}

/** A placed item in its section: title, unit, 字数, the move buttons and its 目录提要/署名 options. */
export function PlacedItemCard({
  placement,
  section,
  index,
  others,
  editable,
  disabled,
  change,
  announce,
}: { placement: BoardPlacement; section: BoardSection; index: number } & BoardControls) {
  const t = useTranslations("desk");
  const p = placement;
  const move = (to: number) => {
    change({ op: "move", itemId: p.itemId, sectionId: section.id, index: to });
    announce(t("moved", { title: p.title }));
  };
  return (
    <ItemCard itemId={p.itemId} container={section.id} title={p.title} disabled={!editable} testId={`placement-${p.itemId}`}>
      <span className="placement-title">{p.title}</span> <small>（{p.unitName}）</small> <small className="chars">{t("chars", { count: p.chars })}</small>
      {editable && (
        <span className="placement-controls">
          <button type="button" disabled={disabled || index === 0} aria-label={t("itemUp", { title: p.title })} onClick={() => move(index - 1)}>
            {t("moveUp")}
          </button>
          <button type="button" disabled={disabled || index === section.placements.length - 1} aria-label={t("itemDown", { title: p.title })} onClick={() => move(index + 1)}>
            {t("moveDown")}
          </button>
          <MoveTo placement={p} others={others} disabled={disabled} change={change} />
          <button type="button" disabled={disabled} aria-label={t("removeItem", { title: p.title })} onClick={() => change({ op: "unplace", itemId: p.itemId })}>
            {t("remove")}
          </button>
        </span>
      )}
      <PlacementControls key={`${p.itemId}-${p.inToc}-${p.tocTitle}-${p.sourceOverride}`} placement={p} disabled={!editable || disabled} change={change} />
    </ItemCard>
  );
}

/** The keyboard path between sections: choose a section and move the item to its end. */
function MoveTo({ placement, others, disabled, change }: { placement: BoardPlacement; others: BoardSection[]; disabled: boolean; change: (c: ArrangeChange) => void }) {
  const t = useTranslations("desk");
  const uid = useId();
  const [to, setTo] = useState<number>(0);
  if (!others.length) return null;
  const target = others.some((o) => o.id === to) ? to : others[0].id;
  return (
    <span className="move-to">
      <label htmlFor={`${uid}-to`} className="sr-only">
        {t("moveToLabel", { title: placement.title })}
      </label>
      <select id={`${uid}-to`} value={target} disabled={disabled} onChange={(e) => setTo(Number(e.target.value))}>
        {others.map((o) => (
          <option key={o.id} value={o.id}>
            {o.title ? `【${o.title}】` : t("lead")}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={disabled}
        aria-label={t("moveToButton", { title: placement.title })}
        onClick={() => change({ op: "move", itemId: placement.itemId, sectionId: target, index: others.find((o) => o.id === target)?.placements.length ?? 0 })}
      >
        {t("moveTo")}
      </button>
    </span>
  );
}

/** Whether the item is in the 目录提要 and under what short title, and its 署名 for this issue. */
function PlacementControls({ placement, disabled, change }: { placement: BoardPlacement; disabled: boolean; change: (c: ArrangeChange) => void }) {
  const t = useTranslations("desk");
  const uid = useId();
  // A change refused and rolled back comes back with what the editor typed.
  // Stored before the text rule, a short title or 署名 may hold a no-break space: cleaned and said.
  const stored = useCleanedOnLoad(placementDrafts.get(placement.itemId) ?? { inToc: placement.inToc, tocTitle: placement.tocTitle, source: placement.sourceOverride });
  const start = stored.value;
  const [inToc, setInToc] = useState(start.inToc);
  const [tocTitle, setTocTitle] = useState(start.tocTitle);
  const [source, setSource] = useState(start.source);
  return (
    <div className="toc-controls" role="group" aria-label={t("placementOptions", { title: placement.title })}>
      <label className="checkbox">
        <input type="checkbox" checked={inToc} disabled={disabled} onChange={(e) => setInToc(e.target.checked)} data-testid={`toc-${placement.itemId}`} />
        {t("inToc")}
      </label>
      <label htmlFor={`${uid}-short`} className="sr-only">
        {t("tocTitle")}
      </label>
      <input
        id={`${uid}-short`}
        placeholder={t("tocTitle")}
        value={tocTitle}
        disabled={disabled || !inToc}
        onChange={(e) => setTocTitle(e.target.value)}
        data-testid={`toc-title-${placement.itemId}`}
      />
      <label htmlFor={`${uid}-source`} className="sr-only">
        {t("sourceOverride")}
      </label>
      <input
        id={`${uid}-source`}
        placeholder={placement.source ? t("sourceOverrideOf", { source: placement.source }) : t("sourceOverride")}
        value={source}
        disabled={disabled}
        onChange={(e) => setSource(e.target.value)}
        data-testid={`source-${placement.itemId}`}
      />
      <button
        type="button"
        disabled={disabled}
        data-testid={`save-${placement.itemId}`}
        onClick={() => {
          placementDrafts.set(placement.itemId, { inToc, tocTitle, source });
          change({ op: "placement", itemId: placement.itemId, inToc, tocTitle: inToc ? tocTitle : "", sourceOverride: source });
        }}
      >
        {t("saveToc")}
      </button>
      <StoredTextNotice notices={stored.notices} onDismiss={stored.dismiss} testId={`placement-cleaned-${placement.itemId}`} />
    </div>
  );
}

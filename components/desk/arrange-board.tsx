"use client";

import {
  type Announcements,
  type CollisionDetection,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  MeasuringStrategy,
  useDroppable,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { SortableContext, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { ConfirmButton } from "@/components/review/confirm-button";
import { arrangeAction, boardAction, reopenIssueAction, sendToReviewAction } from "@/app/actions/desk";
import type { ArrangeChange as ArrangeOp, BoardPlacement, BoardSection, BoardView } from "@/lib/data/arrange";
import { applyOptimistic, sectionChars } from "@/lib/desk/board-model";

type Result<T> = { data: T } | { error: string };

class RefusedError extends Error {}

const itemKey = (id: number) => `i:${id}`;
const sectionKey = (id: number) => `s:${id}`;
const containerKey = (id: number | "pool") => `c:${id}`;

type DragData =
  | { type: "item"; itemId: number; container: number | "pool"; title: string }
  | { type: "section"; sectionId: number; title: string }
  | { type: "container"; container: number | "pool"; count: number };

const dataOf = (c: { data: { current?: unknown } }) => c.data.current as DragData | undefined;

/** Where an item or a section may land: sections on sections; items on items and on empty lists. */
function landsOn(type: DragData["type"] | undefined, d: DragData | undefined): boolean {
  if (type === "section") return d?.type === "section";
  return d?.type === "item" || (d?.type === "container" && d.count === 0);
}

/**
 * Collision for two kinds of drags: sections only meet sections; items meet items and the lists
 * that hold them (an empty list is a target of its own). With a pointer, the list under the
 * pointer decides where; with the keyboard, the target whose corner the dragged row was moved to.
 */
const collision: CollisionDetection = (args) => {
  const type = dataOf(args.active)?.type;
  if (type === "section") return closestCenter({ ...args, droppableContainers: args.droppableContainers.filter((c) => dataOf(c)?.type === "section") });
  const itemish = args.droppableContainers.filter((c) => dataOf(c)?.type !== "section");
  if (args.pointerCoordinates) {
    // The list under the pointer, measured now (lists never move with the drag; their size changes
    // between drags as items come and go).
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
  let best: { id: UniqueIdentifier; distance: number } | null = null;
  for (const c of itemish) {
    const rect = args.droppableRects.get(c.id);
    if (!rect || !landsOn(type, dataOf(c))) continue;
    const distance = Math.abs(rect.top - args.collisionRect.top) + Math.abs(rect.left - args.collisionRect.left);
    if (!best || distance < best.distance) best = { id: c.id, distance };
  }
  return best ? [{ id: best.id, data: { droppableContainer: itemish.find((c) => c.id === best.id), value: best.distance } }] : [];
};

/**
 * The keyboard path of drag-and-drop: ↑/↓ step through the places an item (or section) can go, in
 * reading order — across sections and the pool — and the row moves to that place's corner.
 */
const keyboardCoordinates: KeyboardCoordinateGetter = (event, { context: { active, droppableRects, droppableContainers, over } }) => {
  if (event.code !== "ArrowUp" && event.code !== "ArrowDown") return undefined;
  event.preventDefault();
  if (!active) return undefined;
  const type = dataOf(active)?.type;
  const targets = droppableContainers
    .getEnabled()
    .filter((c) => landsOn(type, dataOf(c)))
    .map((c) => ({ id: c.id, rect: droppableRects.get(c.id) }))
    .filter((t): t is { id: UniqueIdentifier; rect: NonNullable<typeof t.rect> } => !!t.rect)
    .sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left);
  const at = targets.findIndex((t) => t.id === (over?.id ?? active.id));
  const next = targets[event.code === "ArrowUp" ? at - 1 : at + 1];
  return next ? { x: next.rect.left, y: next.rect.top } : undefined;
};

/**
 * The arrange board: sections and the pool of accepted items, with drag-and-drop (pointer and
 * keyboard) and buttons for every move. Each change is sent with the issue version the board
 * shows; the board updates at once and rolls back if the server refuses (someone else changed the
 * issue), then shows the issue as it now is.
 */
export function ArrangeBoard({ initial }: { initial: BoardView }) {
  const t = useTranslations("desk");
  const router = useRouter();
  const qc = useQueryClient();
  const issueId = initial.issue.id;
  const key = ["board", issueId];
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState("");

  // The page's server data is the newest the browser has unless this session's cache is newer.
  useState(() => {
    const cached = qc.getQueryData<BoardView>(key);
    if (!cached || cached.issue.version < initial.issue.version) qc.setQueryData(key, initial);
    return true;
  });
  const { data: board, isFetching } = useQuery({
    queryKey: key,
    queryFn: async () => unwrap(await boardAction({ issueId })),
    initialData: initial,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

  const mutation = useMutation({
    scope: { id: `board-${issueId}` },
    mutationFn: async ({ change, version }: { change: ArrangeOp; version: number }) => unwrap(await arrangeAction({ issueId, version, change })),
    onMutate: async ({ change }) => {
      await qc.cancelQueries({ queryKey: key });
      const previous = qc.getQueryData<BoardView>(key);
      if (previous) qc.setQueryData<BoardView>(key, applyOptimistic(previous, change));
      return { previous };
    },
    onError: (e, _vars, ctx) => {
      if (ctx?.previous) qc.setQueryData(key, ctx.previous);
      setError(e instanceof RefusedError ? e.message : t("networkError"));
      void qc.invalidateQueries({ queryKey: key });
    },
    onSuccess: (data) => {
      setError(null);
      qc.setQueryData(key, data);
    },
  });

  const editable = board.issue.status === "drafting";
  const busy = mutation.isPending || isFetching;
  const change = (c: ArrangeOp) => {
    setError(null);
    // The version the editor is looking at: a change based on anything older is refused.
    mutation.mutate({ change: c, version: qc.getQueryData<BoardView>(key)?.issue.version ?? board.issue.version });
  };

  async function transition(call: Promise<Result<unknown>>) {
    const res = await call;
    setError("error" in res ? res.error : null);
    await qc.invalidateQueries({ queryKey: key });
    router.refresh();
  }

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: keyboardCoordinates }),
  );

  const containerOf = (itemId: number): number | "pool" =>
    board.sections.find((s) => s.placements.some((p) => p.itemId === itemId))?.id ?? "pool";
  const listOf = (c: number | "pool") =>
    c === "pool" ? board.pool.map((p) => p.id) : (board.sections.find((s) => s.id === c)?.placements.map((p) => p.itemId) ?? []);

  function onDragEnd({ active, over, activatorEvent, delta }: DragEndEvent) {
    if (!over || !editable) return;
    const a = active.data.current as DragData | undefined;
    const o = over.data.current as DragData | undefined;
    if (!a || !o) return;
    if (a.type === "section") {
      if (o.type !== "section" || o.sectionId === a.sectionId) return;
      change({ op: "moveSection", sectionId: a.sectionId, index: board.sections.findIndex((s) => s.id === o.sectionId) });
      return;
    }
    if (a.type !== "item" || o.type === "section") return;
    const target = o.container;
    const from = containerOf(a.itemId);
    if (target === "pool") {
      if (from !== "pool") change({ op: "unplace", itemId: a.itemId });
      return;
    }
    const list = listOf(target);
    let index = o.type === "item" ? list.indexOf(o.itemId) : list.length;
    if (o.type === "item" && from !== target) {
      // Coming from elsewhere with the pointer: dropped on the lower half of an item goes after it.
      // (From the keyboard, the item takes the place of the one it was moved onto.)
      if (activatorEvent && "clientY" in activatorEvent && (activatorEvent as PointerEvent).clientY + delta.y > over.rect.top + over.rect.height / 2) index += 1;
    }
    if (from === target && list.indexOf(a.itemId) === index) return;
    change({ op: "move", itemId: a.itemId, sectionId: target, index: index < 0 ? list.length : index });
  }

  const announcements: Announcements = {
    onDragStart: ({ active }) => t("dnd.start", { title: (active.data.current as DragData & { title?: string })?.title ?? "" }),
    onDragOver: ({ over }) => (over ? t("dnd.over", { target: describe(over.data.current as DragData) }) : t("dnd.nowhere")),
    onDragEnd: ({ over }) => (over ? t("dnd.end", { target: describe(over.data.current as DragData) }) : t("dnd.cancel")),
    onDragCancel: () => t("dnd.cancel"),
  };
  function describe(d: DragData | undefined): string {
    if (!d) return "";
    if (d.type === "section") return d.title;
    if (d.type === "item") return d.title;
    return d.container === "pool" ? t("pool") : (board.sections.find((s) => s.id === d.container)?.title ?? t("lead"));
  }

  const total = board.sections.reduce((n, s) => n + sectionChars(s.placements), 0);
  const placedCount = board.sections.reduce((n, s) => n + s.placements.length, 0);

  return (
    <div className="arrange" data-testid="arrange" data-version={board.issue.version} aria-busy={busy}>
      <div className="board">
        {error && (
          <p role="alert" className="error" data-testid="board-error">
            {error}
          </p>
        )}
        <p className="sr-only" aria-live="polite">
          {notice}
        </p>
        {!editable && <p className="note">{t("readOnlyIssue")}</p>}
        <p className="note" data-testid="issue-count">
          {t("issueCount", { items: placedCount, chars: total })}
        </p>
        <DndContext
          sensors={sensors}
          collisionDetection={collision}
          measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
          onDragEnd={onDragEnd}
          accessibility={{ announcements, screenReaderInstructions: { draggable: t("dnd.instructions") } }}
        >
          {editable && <PlaceForm board={board} disabled={busy} onPlace={(c) => change(c)} />}
          <Pool board={board} editable={editable} />
          <div className="card">
            <h2>{t("sections")}</h2>
            {board.sections.length === 0 && <p className="empty">{t("emptyIssue")}</p>}
            <SortableContext items={board.sections.map((s) => sectionKey(s.id))} strategy={verticalListSortingStrategy}>
              {board.sections.map((s, i) => (
                <SectionBox
                  key={s.id}
                  section={s}
                  index={i}
                  count={board.sections.length}
                  others={board.sections.filter((o) => o.id !== s.id)}
                  editable={editable}
                  disabled={busy}
                  change={change}
                  announce={setNotice}
                />
              ))}
            </SortableContext>
            {editable && <AddSection board={board} disabled={busy} onAdd={(title) => change({ op: "addSection", title })} />}
          </div>
        </DndContext>
        <FooterForm key={`footer-${board.issue.version}`} board={board} disabled={!editable || busy} onSave={(c) => change(c)} />
        <div className="buttons">
          {editable && (
            <ConfirmButton
              className="primary"
              disabled={busy || placedCount === 0}
              label={t("sendToReview")}
              confirm={board.issue.sentBefore ? "resendConfirm" : null}
              onConfirm={() => transition(sendToReviewAction({ issueId, version: board.issue.version }))}
            />
          )}
          {board.issue.status === "approved" && (
            <ConfirmButton
              className="danger"
              disabled={busy}
              label={t("reopen")}
              confirm="reopenConfirm"
              onConfirm={() => transition(reopenIssueAction({ issueId, version: board.issue.version }))}
            />
          )}
        </div>
      </div>
      <div className="preview-pane">
        <h2 id="preview-heading">{t("preview")}</h2>
        <iframe
          className="print-preview"
          title={t("preview")}
          data-testid="bulletin-preview"
          srcDoc={board.previewHtml}
          // No scripts; same origin only so the bundled faces load (an opaque origin's font requests are refused).
          sandbox="allow-same-origin"
          aria-describedby="preview-heading"
        />
      </div>
    </div>
  );
}

function unwrap<T>(res: Result<T>): T {
  if ("error" in res) throw new RefusedError(res.error);
  return res.data;
}

function PlaceForm({ board, disabled, onPlace }: { board: BoardView; disabled: boolean; onPlace: (c: ArrangeOp) => void }) {
  const t = useTranslations("desk");
  const uid = useId();
  const [itemId, setItemId] = useState(0);
  const [section, setSection] = useState<string | null>(null);
  const [inToc, setInToc] = useState(true);
  const titles = [...new Set([...board.sections.map((s) => s.title ?? ""), ...board.catalogue])];
  const chosenItem = board.pool.some((p) => p.id === itemId) ? itemId : (board.pool[0]?.id ?? 0);
  const chosenSection = section ?? board.catalogue[0] ?? "";
  return (
    <form
      className="card form"
      aria-labelledby={`${uid}-pool`}
      onSubmit={(e) => {
        e.preventDefault();
        if (chosenItem) onPlace({ op: "place", itemId: chosenItem, sectionTitle: chosenSection, inToc });
      }}
    >
      <h2 id={`${uid}-pool`}>{t("placeForm")}</h2>
      {board.pool.length === 0 ? (
        <p className="empty">{t("poolEmpty")}</p>
      ) : (
        <>
          <label>
            {t("pool")}
            <select value={chosenItem} onChange={(e) => setItemId(Number(e.target.value))} data-testid="pool-select">
              {board.pool.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}（{p.unitName}）
                </option>
              ))}
            </select>
          </label>
          <div className="field-row">
            <label>
              {t("placeIn")}
              <select value={chosenSection} onChange={(e) => setSection(e.target.value)} data-testid="section-select">
                {!titles.includes("") && <option value="">{t("lead")}</option>}
                {titles.map((c) => (
                  <option key={c} value={c}>
                    {c ? `【${c}】` : t("lead")}
                  </option>
                ))}
              </select>
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={inToc} onChange={(e) => setInToc(e.target.checked)} />
              {t("inToc")}
            </label>
          </div>
          <button type="submit" className="primary" disabled={disabled}>
            {t("place")}
          </button>
        </>
      )}
    </form>
  );
}

function Pool({ board, editable }: { board: BoardView; editable: boolean }) {
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
            <DraggableRow key={p.id} itemId={p.id} container="pool" title={p.title} disabled={!editable} testId={`pool-${p.id}`}>
              <span className="placement-title">{p.title}</span> <small>（{p.unitName}）</small>
              {p.sectionTitle && <small> · {p.sectionTitle}</small>}
            </DraggableRow>
          ))}
        </ul>
      </SortableContext>
    </section>
  );
}

function DraggableRow({
  itemId,
  container,
  title,
  disabled,
  testId,
  children,
}: {
  itemId: number;
  container: number | "pool";
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

function SectionBox({
  section,
  index,
  count,
  others,
  editable,
  disabled,
  change,
  announce,
}: {
  section: BoardSection;
  index: number;
  count: number;
  others: BoardSection[];
  editable: boolean;
  disabled: boolean;
  change: (c: ArrangeOp) => void;
  announce: (s: string) => void;
}) {
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
            <button type="button" disabled={disabled || index === 0} aria-label={t("sectionUp", { title: name })} onClick={() => change({ op: "moveSection", sectionId: section.id, index: index - 1 })}>
              {t("moveUp")}
            </button>
            <button
              type="button"
              disabled={disabled || index === count - 1}
              aria-label={t("sectionDown", { title: name })}
              onClick={() => change({ op: "moveSection", sectionId: section.id, index: index + 1 })}
            >
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
            <DraggableRow key={p.itemId} itemId={p.itemId} container={section.id} title={p.title} disabled={!editable} testId={`placement-${p.itemId}`}>
              <span className="placement-title">{p.title}</span> <small>（{p.unitName}）</small> <small className="chars">{t("chars", { count: p.chars })}</small>
              {editable && (
                <span className="placement-controls">
                  <button
                    type="button"
                    disabled={disabled || i === 0}
                    aria-label={t("itemUp", { title: p.title })}
                    onClick={() => {
                      change({ op: "move", itemId: p.itemId, sectionId: section.id, index: i - 1 });
                      announce(t("moved", { title: p.title }));
                    }}
                  >
                    {t("moveUp")}
                  </button>
                  <button
                    type="button"
                    disabled={disabled || i === n - 1}
                    aria-label={t("itemDown", { title: p.title })}
                    onClick={() => {
                      change({ op: "move", itemId: p.itemId, sectionId: section.id, index: i + 1 });
                      announce(t("moved", { title: p.title }));
                    }}
                  >
                    {t("moveDown")}
                  </button>
                  <MoveTo placement={p} others={others} disabled={disabled} change={change} />
                  <button type="button" disabled={disabled} aria-label={t("removeItem", { title: p.title })} onClick={() => change({ op: "unplace", itemId: p.itemId })}>
                    {t("remove")}
                  </button>
                </span>
              )}
              <PlacementControls key={`${p.itemId}-${p.inToc}-${p.tocTitle}-${p.sourceOverride}`} placement={p} disabled={!editable || disabled} change={change} />
            </DraggableRow>
          ))}
        </ol>
      </SortableContext>
    </section>
  );
}

/** The keyboard path between sections: choose a section and move the item to its end. */
function MoveTo({ placement, others, disabled, change }: { placement: BoardPlacement; others: BoardSection[]; disabled: boolean; change: (c: ArrangeOp) => void }) {
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

function PlacementControls({ placement, disabled, change }: { placement: BoardPlacement; disabled: boolean; change: (c: ArrangeOp) => void }) {
  const t = useTranslations("desk");
  const uid = useId();
  const [inToc, setInToc] = useState(placement.inToc);
  const [tocTitle, setTocTitle] = useState(placement.tocTitle);
  const [source, setSource] = useState(placement.sourceOverride);
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
        maxLength={60}
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
        maxLength={100}
        data-testid={`source-${placement.itemId}`}
      />
      <button
        type="button"
        disabled={disabled}
        data-testid={`save-${placement.itemId}`}
        onClick={() => change({ op: "placement", itemId: placement.itemId, inToc, tocTitle: inToc ? tocTitle : "", sourceOverride: source })}
      >
        {t("saveToc")}
      </button>
    </div>
  );
}

function AddSection({ board, disabled, onAdd }: { board: BoardView; disabled: boolean; onAdd: (title: string) => void }) {
  const t = useTranslations("desk");
  const uid = useId();
  const used = new Set(board.sections.map((s) => s.title ?? ""));
  const options = ["", ...board.catalogue].filter((c) => !used.has(c));
  const [choice, setChoice] = useState<string | null>(null);
  const [custom, setCustom] = useState("");
  const chosen = choice !== null && options.includes(choice) ? choice : (options[0] ?? null);
  return (
    <div className="add-section field-row" role="group" aria-label={t("addSection")}>
      {chosen !== null && (
        <>
          <label htmlFor={`${uid}-cat`}>{t("addSection")}</label>
          <select id={`${uid}-cat`} value={chosen} onChange={(e) => setChoice(e.target.value)} data-testid="add-section-select">
            {options.map((c) => (
              <option key={c} value={c}>
                {c ? `【${c}】` : t("lead")}
              </option>
            ))}
          </select>
          <button type="button" disabled={disabled} onClick={() => onAdd(chosen)}>
            {t("add")}
          </button>
        </>
      )}
      <label htmlFor={`${uid}-custom`}>{t("customSection")}</label>
      <input id={`${uid}-custom`} value={custom} maxLength={20} onChange={(e) => setCustom(e.target.value)} />
      <button
        type="button"
        disabled={disabled || !custom.trim()}
        onClick={() => {
          onAdd(custom.trim());
          setCustom("");
        }}
      >
        {t("addCustom")}
      </button>
    </div>
  );
}

function FooterForm({ board, disabled, onSave }: { board: BoardView; disabled: boolean; onSave: (c: ArrangeOp) => void }) {
  const t = useTranslations("desk");
  const uid = useId();
  const [v, setV] = useState({
    mailbox: board.issue.mailbox,
    editorName: board.issue.editorName,
    reviewerName: board.issue.reviewerName,
    distribution: board.issue.distribution.join("\n"),
    printedBy: board.issue.printedBy ?? "",
    printedDate: board.issue.printedDate ?? "",
    printRun: board.issue.printRun === null ? "" : String(board.issue.printRun),
  });
  const field = (name: "mailbox" | "editorName" | "reviewerName" | "printedBy" | "printedDate" | "printRun", type = "text") => (
    <div className="field">
      <label htmlFor={`${uid}-${name}`}>{t(`footer.${name}`)}</label>
      <input
        id={`${uid}-${name}`}
        type={type}
        min={type === "number" ? 1 : undefined}
        value={v[name]}
        disabled={disabled}
        maxLength={type === "text" ? 100 : undefined}
        onChange={(e) => setV({ ...v, [name]: e.target.value })}
      />
    </div>
  );
  return (
    <form
      className="card form"
      aria-labelledby={`${uid}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        onSave({
          op: "footer",
          mailbox: v.mailbox.trim(),
          editorName: v.editorName.trim(),
          reviewerName: v.reviewerName.trim(),
          distribution: v.distribution.split("\n").map((s) => s.trim()).filter(Boolean),
          printedBy: v.printedBy.trim() || null,
          printedDate: v.printedDate || null,
          printRun: v.printRun.trim() === "" ? null : Number(v.printRun),
        });
      }}
    >
      <h2 id={`${uid}-h`}>{t("footer.title")}</h2>
      <div className="field-row">
        {field("mailbox")}
        {field("editorName")}
        {field("reviewerName")}
      </div>
      <div className="field">
        <label htmlFor={`${uid}-dist`}>{t("footer.distribution")}</label>
        <textarea id={`${uid}-dist`} rows={4} value={v.distribution} disabled={disabled} onChange={(e) => setV({ ...v, distribution: e.target.value })} />
      </div>
      <p className="hint">{t("footer.printedHint")}</p>
      <div className="field-row">
        {field("printedBy")}
        {field("printedDate", "date")}
        {field("printRun", "number")}
      </div>
      <button type="submit" disabled={disabled}>
        {t("footer.save")}
      </button>
    </form>
  );
}

"use client";

import { type Announcements, DndContext, type DragEndEvent, KeyboardSensor, MeasuringStrategy, PointerSensor, useSensor, useSensors } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { reopenIssueAction, sendToReviewAction } from "@/app/actions/desk";
import { ConfirmButton } from "@/components/review/confirm-button";
import { type DndMessage, announce, dropChange, sectionKey } from "@/lib/desk/board-dnd";
import { sectionChars } from "@/lib/desk/board-model";
import { boardCollision, boardKeyboardCoordinates, dataOf } from "./board/dnd";
import { FooterForm } from "./board/footer-form";
import { Pool } from "./board/pool";
import { SectionColumn } from "./board/section-column";
import { AddSection, PlaceForm } from "./board/toolbar";
import { useBoard } from "./board/use-board";

/**
 * The arrange board: sections and the pool of accepted items, with drag-and-drop (pointer and
 * keyboard) and buttons for every move, the 版记 and the print preview. Its data comes from React
 * Query, seeded by the page's prefetch (HydrationBoundary); see ./board/use-board.ts for how
 * changes are sent and rolled back, and lib/desk/board-dnd.ts for what a drag does.
 */
export function ArrangeBoard({ issueId }: { issueId: number }) {
  const t = useTranslations("desk");
  const tc = useTranslations("confirm");
  const { board, busy, error, change, transition } = useBoard(issueId);
  const [notice, setNotice] = useState("");
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: boardKeyboardCoordinates }),
  );
  // Seeded by the page's prefetch, so only a board the server could not load has no data.
  if (!board) return null;

  const editable = board.issue.status === "drafting";
  const labels = { pool: t("pool"), lead: t("lead") };
  const say = (m: DndMessage) => t(`dnd.${m.key}`, m.values);
  const announcements: Announcements = {
    onDragStart: ({ active }) => say(announce.start(dataOf(active))),
    onDragOver: ({ over }) => say(announce.over(board, over && dataOf(over), labels)),
    onDragEnd: ({ over }) => say(announce.end(board, over && dataOf(over), labels)),
    onDragCancel: () => t("dnd.cancel"),
  };

  function onDragEnd({ active, over, activatorEvent, delta }: DragEndEvent) {
    if (!over || !editable) return;
    // A pointer released on the lower half of an item: after it (the keyboard takes its place).
    const pointerY = activatorEvent && "clientY" in activatorEvent ? (activatorEvent as PointerEvent).clientY + delta.y : null;
    const belowMiddle = pointerY !== null && pointerY > over.rect.top + over.rect.height / 2;
    const c = dropChange(board!, dataOf(active), dataOf(over), belowMiddle);
    if (c) change(c);
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
          collisionDetection={boardCollision}
          measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
          onDragEnd={onDragEnd}
          accessibility={{ announcements, screenReaderInstructions: { draggable: t("dnd.instructions") } }}
        >
          {editable && <PlaceForm board={board} disabled={busy} onPlace={change} />}
          <Pool board={board} editable={editable} />
          <div className="card">
            <h2>{t("sections")}</h2>
            {board.sections.length === 0 && <p className="empty">{t("emptyIssue")}</p>}
            <SortableContext items={board.sections.map((s) => sectionKey(s.id))} strategy={verticalListSortingStrategy}>
              {board.sections.map((s, i) => (
                <SectionColumn
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
        <FooterForm key={`footer-${board.issue.version}`} board={board} disabled={!editable || busy} onSave={change} />
        <div className="buttons">
          {editable && (
            <ConfirmButton
              className="primary"
              disabled={busy || placedCount === 0}
              label={t("sendToReview")}
              question={tc(board.issue.sentBefore ? "resend" : "sendToReview", { label: board.issue.label })}
              onConfirm={() => transition(sendToReviewAction({ issueId, version: board.issue.version }))}
            />
          )}
          {board.issue.status === "approved" && (
            <ConfirmButton
              className="danger"
              disabled={busy}
              label={t("reopen")}
              question={tc("reopen", { label: board.issue.label })}
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

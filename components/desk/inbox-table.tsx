"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { decideItemsAction } from "@/app/actions/desk";
import { StatusBadge } from "@/components/item/status-badge";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ItemStatus } from "@/lib/domain/enums";
import { type DuplicateOf, DuplicateMark } from "./duplicate-mark";

interface Row {
  id: number;
  version: number;
  title: string;
  unitName: string;
  sectionTitle: string | null;
  status: ItemStatus;
  statusLabel: string;
  submittedAt: string;
  /** A printed or inbox item this one closely matches, streamed (waiting items only). */
  duplicateOf?: Promise<DuplicateOf | null>;
}

/** The inbox list with a selection for deciding several submitted items at once. */
/** The selection and the result message stay while the list refreshes (even when it empties). */
export function InboxTable({ rows, emptyText }: { rows: Row[]; emptyText: string }) {
  const t = useTranslations("desk");
  const ti = useTranslations("item");
  const uid = useId();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [note, setNote] = useState("");
  // The project's form hook: pending from the call until its result, the refusal's messages, and
  // a refresh of the list after a success (the selection and the note cleared).
  const { run, pending, status, data, error, fieldErrors } = useFormAction(decideItemsAction, {
    refresh: true,
    onSuccess: () => {
      setNote("");
      setSelected(new Set());
    },
  });
  const [decision, setDecision] = useState<"accept" | "return" | "decline" | null>(null);
  const noteError = fieldErrors.note ?? null;
  const done = status === "ok" && data && decision && !pending ? t(`bulkDone.${decision}`, { count: data.count }) : null;
  const decidable = rows.filter((r) => r.status === "submitted");
  const chosen = decidable.filter((r) => selected.has(r.id));
  const allChosen = decidable.length > 0 && chosen.length === decidable.length;

  function toggle(id: number, on: boolean) {
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function decide(next: "accept" | "return" | "decline") {
    setDecision(next);
    void run({ items: chosen.map((r) => ({ id: r.id, version: r.version })), decision: next, note });
  }

  return (
    <>
      {done && <p role="status">{done}</p>}
      {decidable.length > 0 && (
        <div className="card decide bulk" role="group" aria-label={t("bulkActions")}>
          <p data-testid="selected-count">{t("selectedCount", { count: chosen.length })}</p>
          <label htmlFor={`${uid}-note`}>
            {t("note")} <small>{t("noteHint")}</small>
          </label>
          <textarea
            id={`${uid}-note`}
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={noteError ? `${uid}-note-error` : undefined}
          />
          {noteError && (
            <span id={`${uid}-note-error`} className="field-error">
              {noteError}
            </span>
          )}
          {error && !noteError && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <div className="buttons">
            <button type="button" className="primary" disabled={pending || !chosen.length} onClick={() => decide("accept")}>
              {t("bulkAccept")}
            </button>
            <button type="button" disabled={pending || !chosen.length} onClick={() => decide("return")}>
              {t("bulkReturn")}
            </button>
            <button type="button" className="danger" disabled={pending || !chosen.length} onClick={() => decide("decline")}>
              {t("bulkDecline")}
            </button>
          </div>
        </div>
      )}
      {rows.length === 0 && <p className="empty">{emptyText}</p>}
      {rows.length > 0 && (
        <table className="table" data-testid="inbox">
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label={t("selectAll")}
                  checked={allChosen}
                  disabled={!decidable.length}
                  onChange={(e) => setSelected(e.target.checked ? new Set(decidable.map((r) => r.id)) : new Set())}
                />
              </th>
              <th scope="col">{ti("title")}</th>
              <th scope="col">{ti("unit")}</th>
              <th scope="col">{ti("section")}</th>
              <th scope="col">{ti("status")}</th>
              <th scope="col">{ti("submittedAt")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid={`inbox-row-${r.id}`}>
                <td>
                  {r.status === "submitted" && (
                    <input type="checkbox" aria-label={t("selectItem", { title: r.title })} checked={selected.has(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} />
                  )}
                </td>
                <td>
                  <Link href={`/desk/items/${r.id}`}>{r.title}</Link>
                  {r.duplicateOf && <DuplicateMark mark={r.duplicateOf} />}
                </td>
                <td>{r.unitName}</td>
                <td>{r.sectionTitle ?? "—"}</td>
                <td>
                  <StatusBadge status={r.status} label={r.statusLabel} />
                </td>
                <td>{r.submittedAt}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

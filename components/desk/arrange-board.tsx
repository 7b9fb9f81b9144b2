"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import {
  movePlacementAction,
  placeItemAction,
  reopenIssueAction,
  sendToReviewAction,
  unplaceItemAction,
  updatePlacementAction,
} from "@/app/(desk)/desk/actions";
import type { IssueStatus } from "@/db/schema";

interface PlacementView {
  itemId: number;
  title: string;
  unitName: string;
  inToc: boolean;
  tocTitle: string;
}

interface Props {
  issue: { id: number; version: number; status: IssueStatus };
  sections: { id: number; title: string | null; placements: PlacementView[] }[];
  pool: { id: number; title: string; unitName: string }[];
  catalogue: string[];
}

type Result = { data: unknown } | { error: string };

/**
 * Places accepted items into sections of the issue and orders them. Every change carries the
 * issue version it was based on; a stale change is refused and the board reloads.
 */
export function ArrangeBoard({ issue, sections, pool, catalogue }: Props) {
  const t = useTranslations("desk");
  const router = useRouter();
  const uid = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [itemId, setItemId] = useState(pool[0]?.id ?? 0);
  const [section, setSection] = useState(catalogue[0] ?? "");
  const [inToc, setInToc] = useState(true);
  const editable = issue.status === "drafting";

  async function run(call: Promise<Result>) {
    setPending(true);
    const res = await call;
    setPending(false);
    setError("error" in res ? res.error : null);
    router.refresh();
  }

  const ref = { issueId: issue.id, version: issue.version };

  return (
    <div className="board">
      {error && (
        <p role="alert" className="error" data-testid="board-error">
          {error}
        </p>
      )}
      {!editable && <p className="note">{t("readOnlyIssue")}</p>}
      {editable && (
        <form
          className="card form"
          aria-labelledby={`${uid}-pool`}
          onSubmit={(e) => {
            e.preventDefault();
            if (itemId) run(placeItemAction({ ...ref, itemId, sectionTitle: section, inToc }));
          }}
        >
          <h2 id={`${uid}-pool`}>{t("pool")}</h2>
          {pool.length === 0 ? (
            <p className="empty">{t("poolEmpty")}</p>
          ) : (
            <>
              <label>
                {t("pool")}
                <select value={itemId} onChange={(e) => setItemId(Number(e.target.value))} data-testid="pool-select">
                  {pool.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.title}（{p.unitName}）
                    </option>
                  ))}
                </select>
              </label>
              <div className="field-row">
                <label>
                  {t("placeIn")}
                  <select value={section} onChange={(e) => setSection(e.target.value)} data-testid="section-select">
                    <option value="">{t("lead")}</option>
                    {catalogue.map((c) => (
                      <option key={c} value={c}>
                        【{c}】
                      </option>
                    ))}
                  </select>
                </label>
                <label className="checkbox">
                  <input type="checkbox" checked={inToc} onChange={(e) => setInToc(e.target.checked)} />
                  {t("inToc")}
                </label>
              </div>
              <button type="submit" className="primary" disabled={pending}>
                {t("place")}
              </button>
            </>
          )}
        </form>
      )}
      <div className="card">
        <h2>{t("sections")}</h2>
        {sections.length === 0 && <p className="empty">{t("emptyIssue")}</p>}
        {sections.map((s) => (
          <section key={s.id} className="board-section" aria-label={s.title ?? t("lead")}>
            <h3>{s.title ? `【${s.title}】` : t("lead")}</h3>
            <ol>
              {s.placements.map((p, i) => (
                <li key={p.itemId} data-testid={`placement-${p.itemId}`}>
                  <span className="placement-title">{p.title}</span> <small>（{p.unitName}）</small>
                  {editable && (
                    <span className="placement-controls">
                      <button type="button" disabled={pending || i === 0} onClick={() => run(movePlacementAction({ ...ref, itemId: p.itemId, direction: "up" }))}>
                        {t("moveUp")}
                      </button>
                      <button
                        type="button"
                        disabled={pending || i === s.placements.length - 1}
                        onClick={() => run(movePlacementAction({ ...ref, itemId: p.itemId, direction: "down" }))}
                      >
                        {t("moveDown")}
                      </button>
                      <button type="button" disabled={pending} onClick={() => run(unplaceItemAction({ ...ref, itemId: p.itemId }))}>
                        {t("remove")}
                      </button>
                    </span>
                  )}
                  <TocControls
                    key={`${p.itemId}-${issue.version}`}
                    placement={p}
                    disabled={!editable || pending}
                    onSave={(inToc, tocTitle) => run(updatePlacementAction({ ...ref, itemId: p.itemId, inToc, tocTitle }))}
                  />
                </li>
              ))}
            </ol>
          </section>
        ))}
      </div>
      <div className="buttons">
        {editable && (
          <button type="button" className="primary" disabled={pending || sections.length === 0} onClick={() => run(sendToReviewAction(ref))}>
            {t("sendToReview")}
          </button>
        )}
        {issue.status === "approved" && (
          <button type="button" className="danger" disabled={pending} onClick={() => run(reopenIssueAction(ref))}>
            {t("reopen")}
          </button>
        )}
      </div>
    </div>
  );
}

function TocControls({ placement, disabled, onSave }: { placement: PlacementView; disabled: boolean; onSave: (inToc: boolean, tocTitle: string) => void }) {
  const t = useTranslations("desk");
  const uid = useId();
  const [inToc, setInToc] = useState(placement.inToc);
  const [tocTitle, setTocTitle] = useState(placement.tocTitle);
  return (
    <div className="toc-controls">
      <label className="checkbox">
        <input type="checkbox" checked={inToc} disabled={disabled} onChange={(e) => setInToc(e.target.checked)} />
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
      />
      <button type="button" disabled={disabled} onClick={() => onSave(inToc, tocTitle)}>
        {t("saveToc")}
      </button>
    </div>
  );
}

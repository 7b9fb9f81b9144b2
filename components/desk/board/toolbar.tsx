"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { ArrangeChange, BoardView } from "@/lib/data/arrange";
import { defaultPlaceSection } from "@/lib/desk/board-dnd";

/**
 * Place an accepted item: choose it and a section (first the item's suggested section, until the
 * editor picks another) and whether it goes into the 目录提要.
 */
export function PlaceForm({ board, disabled, onPlace }: { board: BoardView; disabled: boolean; onPlace: (c: ArrangeChange) => void }) {
  const t = useTranslations("desk");
  const uid = useId();
  const [itemId, setItemId] = useState(0);
  const [section, setSection] = useState<string | null>(null);
  const [inToc, setInToc] = useState(true);
  const titles = [...new Set([...board.sections.map((s) => s.title ?? ""), ...board.catalogue])];
  const chosenItem = board.pool.some((p) => p.id === itemId) ? itemId : (board.pool[0]?.id ?? 0);
  const chosenSection = section ?? defaultPlaceSection(board, chosenItem);
  return (
    <form
      className="card form"
      aria-labelledby={`${uid}-pool`}
      onSubmit={(e) => {
        e.preventDefault();
        if (chosenItem) onPlace({ op: "place", itemId: chosenItem, sectionTitle: chosenSection, inToc });
        setSection(null);
      }}
    >
      <h2 id={`${uid}-pool`}>{t("placeForm")}</h2>
      {board.pool.length === 0 ? (
        <p className="empty">{t("poolEmpty")}</p>
      ) : (
        <>
          <label>
            {t("pool")}
            <select
              value={chosenItem}
              onChange={(e) => {
                setItemId(Number(e.target.value));
                setSection(null); // follow the newly chosen item's suggested section
              }}
              data-testid="pool-select"
            >
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

/** Add a section to the issue: one of the catalogue's not yet used, or a new name. */
export function AddSection({ board, disabled, onAdd }: { board: BoardView; disabled: boolean; onAdd: (title: string) => void }) {
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
      <input id={`${uid}-custom`} value={custom} onChange={(e) => setCustom(e.target.value)} />
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

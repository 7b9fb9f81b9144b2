"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { addCoUnit, type ItemFormValues } from "@/lib/item/form-values";
import type { Fields } from "./form-field";
import styles from "./item-form.module.css";

/** The item's particulars: section, call, event date, attribution (with co-units), contact, note. */
export function MetaFields({
  uid,
  fields,
  values,
  set,
  sections,
  calls,
  unitName,
  sourcePlaceholder = unitName,
  unitNames,
}: {
  uid: string;
  fields: Fields;
  values: ItemFormValues;
  set: <K extends keyof ItemFormValues>(k: K, v: ItemFormValues[K]) => void;
  sections: { id: number; title: string }[];
  calls: { id: number; label: string }[];
  unitName?: string;
  /** Shown in the empty 来源署名 field: the unit's name, nothing for the office's own news (printed without one). */
  sourcePlaceholder?: string;
  unitNames: string[];
}) {
  const t = useTranslations("item");
  const tf = useTranslations("itemForm");
  const [coUnit, setCoUnit] = useState("");
  const { field, errorFor } = fields;
  function addOne() {
    if (!coUnit.trim()) return;
    const next = addCoUnit(values.source, coUnit);
    if (next !== values.source) set("source", next);
    setCoUnit("");
  }
  return (
    <>
      <div className="field">
        <label htmlFor={`${uid}-suggestedSectionId`}>{t("section")}</label>
        <select {...field("suggestedSectionId")} value={values.suggestedSectionId ?? ""} onChange={(e) => set("suggestedSectionId", e.target.value ? Number(e.target.value) : null)}>
          <option value="">{t("sectionNone")}</option>
          {sections.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
        {errorFor("suggestedSectionId")}
      </div>

      {(calls.length > 0 || values.callId) && (
        <div className="field">
          <label htmlFor={`${uid}-callId`}>{tf("callLink")}</label>
          <select {...field("callId")} value={values.callId ?? ""} onChange={(e) => set("callId", e.target.value ? Number(e.target.value) : null)}>
            <option value="">{tf("callNone")}</option>
            {calls.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
          {errorFor("callId")}
        </div>
      )}

      <div className="field">
        <label htmlFor={`${uid}-eventDate`}>{t("eventDate")}</label>
        <input type="date" {...field("eventDate")} min="2000-01-01" max="2100-12-31" value={values.eventDate} onChange={(e) => set("eventDate", e.target.value)} />
        {errorFor("eventDate")}
      </div>

      <div className="field">
        <label htmlFor={`${uid}-source`}>{t("source")}</label>
        <input {...field("source", `${uid}-source-hint`)} value={values.source} onChange={(e) => set("source", e.target.value)} placeholder={sourcePlaceholder || undefined} />
        <span id={`${uid}-source-hint`} className="hint">
          {t("sourceHint")}
        </span>
        {errorFor("source")}
        {unitNames.length > 0 && (
          <div className={styles.coUnit}>
            <input
              list={`${uid}-units`}
              aria-label={tf("coUnit")}
              placeholder={tf("coUnitPlaceholder")}
              value={coUnit}
              onChange={(e) => setCoUnit(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  addOne();
                }
              }}
            />
            <datalist id={`${uid}-units`}>
              {unitNames
                .filter((n) => n !== unitName)
                .map((n) => (
                  <option key={n} value={n} />
                ))}
            </datalist>
            <button type="button" className={styles.small} onClick={addOne} disabled={!coUnit.trim()}>
              {tf("addCoUnit")}
            </button>
          </div>
        )}
      </div>

      <div className={styles.twoCols}>
        <div className="field">
          <label htmlFor={`${uid}-contactName`}>{t("contactName")}</label>
          <input {...field("contactName")} value={values.contactName} onChange={(e) => set("contactName", e.target.value)} autoComplete="name" />
          {errorFor("contactName")}
        </div>
        <div className="field">
          <label htmlFor={`${uid}-contactPhone`}>{t("contactPhone")}</label>
          <input {...field("contactPhone")} inputMode="tel" autoComplete="tel" value={values.contactPhone} onChange={(e) => set("contactPhone", e.target.value)} />
          {errorFor("contactPhone")}
        </div>
      </div>

      <div className="field">
        <label htmlFor={`${uid}-noteToEditor`}>{t("noteToEditor")}</label>
        <textarea {...field("noteToEditor", `${uid}-note-hint`)} rows={3} value={values.noteToEditor} onChange={(e) => set("noteToEditor", e.target.value)} />
        <span id={`${uid}-note-hint`} className="hint">
          {tf("noteHint")}
        </span>
        {errorFor("noteToEditor")}
      </div>
    </>
  );
}

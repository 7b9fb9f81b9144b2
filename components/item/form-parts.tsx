"use client";

import type { Editor } from "@tiptap/react";
import { useFormatter, useTranslations } from "next-intl";
import { useLayoutEffect, useRef, useState } from "react";
import { RichTextEditor } from "@/components/editor/rich-text-editor";
import type { PasteReport } from "@/lib/editor/paste";
import type { RichDoc } from "@/lib/editor/schema";
import type { Finding } from "@/lib/copycheck";
import { FindingList } from "./copy-check";
import { addCoUnit, GUIDE, type ItemFormValues, lengthBand, oneLineTitle } from "@/lib/item/form-values";
import type { LocalCopy } from "./local-copy";
import type { FieldErrors, Sync } from "./use-draft-sync";
import styles from "./item-form.module.css";

/** The id, aria-invalid and aria-describedby of a field, and its error line. */
export function fieldProps(uid: string, errors: FieldErrors) {
  const field = (name: keyof ItemFormValues, describedBy?: string) => ({
    id: `${uid}-${name}`,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": [describedBy, errors[name] ? `${uid}-${name}-error` : undefined].filter(Boolean).join(" ") || undefined,
  });
  const errorFor = (name: string) =>
    errors[name] ? (
      <span id={`${uid}-${name}-error`} className="field-error" role="alert">
        {errors[name]}
      </span>
    ) : null;
  return { field, errorFor };
}
type Fields = ReturnType<typeof fieldProps>;
type TitleFinding = Finding & { key: string };

/** 本机保存有一份…: offers back a copy kept in this browser that the server does not have. */
export function RestoreBanner({ copy, onRestore, onDiscard }: { copy: LocalCopy; onRestore: () => void; onDiscard: () => void }) {
  const tf = useTranslations("itemForm");
  const format = useFormatter();
  return (
    <div className={styles.banner} role="status" data-testid="restore-banner">
      <span>{tf("restoreOffer", { time: format.dateTime(new Date(copy.at), { dateStyle: "medium", timeStyle: "short" }) })}</span>
      <span className={styles.bannerButtons}>
        <button type="button" className="primary" onClick={onRestore}>
          {tf("restore")}
        </button>
        <button type="button" onClick={onDiscard}>
          {tf("discardLocal")}
        </button>
      </span>
    </div>
  );
}

/** A one-line notice with 知道了. */
export function NoticeBanner({ text, onDismiss }: { text: string; onDismiss: () => void }) {
  const tf = useTranslations("itemForm");
  return (
    <div className={styles.banner} role="status">
      <span>{text}</span>
      <button type="button" className={styles.small} onClick={onDismiss}>
        {tf("dismiss")}
      </button>
    </div>
  );
}

/**
 * 标题: a text area that grows with the title, so a long title is seen whole, but stays one line of
 * text — Enter inserts nothing, and line breaks that arrive by paste or drop are removed (the
 * person is told).
 */
export function TitleField({
  uid,
  fields,
  value,
  titleMax,
  findings,
  onChange,
  onIgnore,
  onFix,
}: {
  uid: string;
  fields: Fields;
  value: string;
  titleMax: number;
  findings: TitleFinding[];
  onChange: (title: string) => void;
  onIgnore: (key: string) => void;
  onFix: (f: TitleFinding) => void;
}) {
  const t = useTranslations("item");
  const tf = useTranslations("itemForm");
  const tj = useTranslations("titleField");
  const ref = useRef<HTMLTextAreaElement>(null);
  const [joined, setJoined] = useState(false);
  const titleLength = value.trim().length;
  // Grow with the text (browsers without CSS field-sizing).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = "auto";
    el.style.height = `${el.scrollHeight + el.offsetHeight - el.clientHeight}px`;
  }, [value]);
  return (
    <div className="field">
      <label htmlFor={`${uid}-title`}>{t("title")}</label>
      <textarea
        ref={ref}
        {...fields.field("title", `${uid}-title-count${joined ? ` ${uid}-title-joined` : ""}`)}
        className={styles.titleInput}
        rows={1}
        value={value}
        onChange={(e) => {
          const one = oneLineTitle(e.target.value);
          if (one.changed) setJoined(true);
          onChange(one.value);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.nativeEvent.isComposing) e.preventDefault();
        }}
        required
        autoComplete="off"
        spellCheck={false}
      />
      <span id={`${uid}-title-count`} className={`hint ${titleLength > titleMax ? styles.over : ""}`} data-testid="title-count">
        {titleLength > titleMax ? tf("titleOver", { count: titleLength, max: titleMax, over: titleLength - titleMax }) : tf("titleCount", { count: titleLength, max: titleMax })}
      </span>
      {joined && (
        <span id={`${uid}-title-joined`} className="hint" role="status" data-testid="title-joined">
          {tj("joined")}
        </span>
      )}
      {fields.errorFor("title")}
      {findings.length > 0 && <FindingList findings={findings} testId="title-findings" onIgnore={onIgnore} onFix={onFix} />}
    </div>
  );
}

/** What a paste kept and dropped. */
function PasteNotice({ report, onDismiss }: { report: PasteReport; onDismiss: () => void }) {
  const tf = useTranslations("itemForm");
  return (
    <div className={styles.pasteNotice} role="status" data-testid="paste-notice">
      <p>
        {tf("pasteKept")}
        {report.formatting && tf("pasteFormattingDropped")}
        {report.links > 0 && tf("pasteLinks", { count: report.links })}
      </p>
      {report.images > 0 && <p className={styles.warn}>{tf("pasteImages", { count: report.images })}</p>}
      {report.tables > 0 && <p className={styles.warn}>{tf("pasteTables", { count: report.tables })}</p>}
      {report.notices.map((n) => (
        <p key={n} className={styles.warn} data-testid="paste-notice-item">
          {n}
        </p>
      ))}
      <button type="button" className={styles.small} onClick={onDismiss}>
        {tf("dismiss")}
      </button>
    </div>
  );
}

/** 正文: the editor, the paste notice and the 字数 meter. */
export function BodyField({
  uid,
  fields,
  editorKey,
  body,
  chars,
  invalid,
  onReady,
  onChange,
}: {
  uid: string;
  fields: Fields;
  editorKey: number;
  body: RichDoc;
  chars: number;
  invalid: boolean;
  onReady: (editor: Editor) => void;
  onChange: (body: RichDoc, chars: number) => void;
}) {
  const t = useTranslations("item");
  const tf = useTranslations("itemForm");
  const [pasteReport, setPasteReport] = useState<PasteReport | null>(null);
  const band = lengthBand(chars);
  return (
    <div className="field">
      <span id={`${uid}-body-label`} className="label">
        {t("body")}
      </span>
      <RichTextEditor
        key={editorKey}
        id={`${uid}-body`}
        value={body}
        labelledBy={`${uid}-body-label`}
        describedBy={`${uid}-chars ${uid}-body-hint`}
        invalid={invalid}
        onReady={onReady}
        onPaste={(r) => setPasteReport(r)}
        onChange={onChange}
      />
      <span id={`${uid}-body-hint`} className="hint">
        {tf("bodyHint")}
      </span>
      {pasteReport && <PasteNotice report={pasteReport} onDismiss={() => setPasteReport(null)} />}
      {fields.errorFor("body")}
      <div id={`${uid}-chars`} className={styles.length} data-band={band}>
        <span data-testid="char-count" aria-live="polite">
          {t("chars", { count: chars })}
        </span>
        <span className={styles.meter} aria-hidden="true">
          <span className={styles.meterBand} />
          <span className={styles.meterFill} style={{ width: `${Math.min(100, (chars / GUIDE.tooLong) * 100)}%` }} />
        </span>
        <span className="hint">{tf(`length.${band}`, { short: GUIDE.short, long: GUIDE.long })}</span>
      </div>
    </div>
  );
}

/** 已保存 / 正在保存… / 网络断开…: where the draft stands, with 重试 when it can help. */
export function SyncStatus({ id, sync, onRetry }: { id: string; sync: Sync; onRetry: () => void }) {
  const tf = useTranslations("itemForm");
  const format = useFormatter();
  let text: string;
  switch (sync.kind) {
    case "clean":
      text = tf("sync.clean");
      break;
    case "pending":
      text = tf("sync.pending");
      break;
    case "saving":
      text = tf("sync.saving");
      break;
    case "saved":
      text = sync.at ? tf("sync.savedAt", { time: format.dateTime(new Date(sync.at), { timeStyle: "short" }) }) : tf("sync.saved");
      break;
    case "offline":
      text = tf("sync.offline");
      break;
    case "refused":
      text = tf("sync.refused", { message: sync.message });
      break;
    case "conflict":
      text = tf("sync.conflict");
      break;
    case "locked":
      text = sync.message;
      break;
  }
  return (
    <div id={id} className={styles.sync} data-state={sync.kind} data-testid="save-state" role="status" aria-live="polite">
      <span className={styles.dot} aria-hidden="true" />
      <span>{text}</span>
      {(sync.kind === "offline" || sync.kind === "refused") && (
        <button type="button" className={styles.small} onClick={onRetry}>
          {tf("retry")}
        </button>
      )}
    </div>
  );
}

/** The item's particulars: section, call, event date, attribution (with co-units), contact, note. */
export function MetaFields({
  uid,
  fields,
  values,
  set,
  sections,
  calls,
  unitName,
  unitNames,
}: {
  uid: string;
  fields: Fields;
  values: ItemFormValues;
  set: <K extends keyof ItemFormValues>(k: K, v: ItemFormValues[K]) => void;
  sections: { id: number; title: string }[];
  calls: { id: number; label: string }[];
  unitName?: string;
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
        <input {...field("source", `${uid}-source-hint`)} value={values.source} onChange={(e) => set("source", e.target.value)} placeholder={unitName} />
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

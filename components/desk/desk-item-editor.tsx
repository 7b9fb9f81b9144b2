"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { updateItemAction } from "@/app/actions/items";
import { InvisibleNotice, useInvisibleNotice } from "@/components/ui/invisible-notice";
import { StoredTextNotice, useCleanedOnLoad } from "@/components/ui/stored-text-notice";
import { useGrowingTextarea } from "@/components/ui/use-growing-textarea";
import { useFormAction } from "@/components/ui/use-form-action";
import { RichTextEditor } from "@/components/editor/rich-text-editor";
import type { ItemFields } from "@/lib/data/items";
import { oneLineTitle } from "@/lib/item/form-values";
import type { RichDoc } from "@/lib/editor/schema";
import styles from "./desk-item-editor.module.css";

/**
 * The editor's edit of a unit's item: title, body and attribution, in the same Tiptap editor the
 * units use. Every save is a revision; what the unit sent stays as it was. While the item's issue is
 * in review or approved the server refuses edits, and the form is read-only and says why.
 */
export function DeskItemEditor(props: { id: number; version: number; fields: ItemFields; locked: boolean }) {
  // The form starts afresh on each stored version (what the page reads after a save, or after
  // another editor's); the confirmation of this editor's own save outlives that fresh start.
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  return <ItemEditForm key={props.version} {...props} saved={savedVersion === props.version} onSaved={setSavedVersion} />;
}

function ItemEditForm({
  id,
  version,
  fields,
  locked,
  saved: savedHere,
  onSaved,
}: {
  id: number;
  version: number;
  fields: ItemFields;
  locked: boolean;
  saved: boolean;
  onSaved: (version: number) => void;
}) {
  const t = useTranslations("desk");
  const ti = useTranslations("item");
  const uid = useId();
  // The unit's text fields as stored (the body has the editor's own guard): text saved before the
  // text rule is cleaned here, and said, so saving the form unchanged is not refused.
  const stored = useCleanedOnLoad({ ...fields, body: null });
  const [title, setTitle] = useState(stored.value.title);
  const invisible = useInvisibleNotice();
  const titleCleaned = invisible.notices;
  const locale = useLocale();
  const titleRef = useRef<HTMLTextAreaElement>(null);
  useGrowingTextarea(titleRef, title);
  const [source, setSource] = useState(stored.value.source ?? "");
  const [body, setBody] = useState<RichDoc>(fields.body);
  const [chars, setChars] = useState<number | null>(null);
  const { run, pending, status, error, fieldErrors: errors } = useFormAction(updateItemAction, {
    refresh: true,
    onSuccess: (data) => onSaved(data.version),
  });
  const saved = (status === "ok" || savedHere) && !pending && !error;

  function save(e: React.FormEvent) {
    e.preventDefault();
    void run({ ...fields, ...stored.value, id, version, title, body, source: source.trim() || null });
  }

  const fieldError = (name: string) =>
    errors[name] && (
      <span id={`${uid}-${name}-error`} className="field-error">
        {errors[name]}
      </span>
    );

  return (
    <form className="card form" onSubmit={save} aria-labelledby={`${uid}-h`} noValidate data-testid="item-edit">
      <h2 id={`${uid}-h`}>{t("editItem")}</h2>
      {locked ? (
        <p className="note" data-testid="item-locked">
          {t("itemLocked")}
        </p>
      ) : (
        <p className="hint">{t("editItemHint")}</p>
      )}
      {!locked && <StoredTextNotice notices={stored.notices} onDismiss={stored.dismiss} testId="desk-stored-cleaned" />}
      <div className="field">
        <label htmlFor={`${uid}-title`}>{ti("title")}</label>
        <textarea
          ref={titleRef}
          id={`${uid}-title`}
          className={styles.title}
          rows={1}
          value={title}
          onChange={(e) => {
            // One line, wrapped to be seen whole: pasted line breaks are joined; invisible characters
            // and odd spaces are removed / made ordinary as they come, and said.
            const next = invisible.track((c) => oneLineTitle(e.target.value, locale, c).value);
            invisible.settle(next, title);
            setTitle(next);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.nativeEvent.isComposing) e.preventDefault();
          }}
          readOnly={locked}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={[errors.title ? `${uid}-title-error` : "", titleCleaned.length ? `${uid}-title-cleaned` : ""].filter(Boolean).join(" ") || undefined}
        />
        {titleCleaned.length > 0 && (
          <InvisibleNotice id={`${uid}-title-cleaned`} testId="desk-title-cleaned" onDismiss={invisible.dismiss}>
            {ti("titleCleaned")} {titleCleaned.join(invisible.separator)}
          </InvisibleNotice>
        )}
        {fieldError("title")}
      </div>
      <div className="field">
        <span id={`${uid}-body-label`} className="label">
          {ti("body")}
        </span>
        <RichTextEditor
          id={`${uid}-body`}
          value={body}
          labelledBy={`${uid}-body-label`}
          describedBy={`${uid}-chars`}
          invalid={!!errors.body}
          readOnly={locked}
          onChange={(doc, n) => {
            setBody(doc);
            setChars(n);
          }}
        />
        <small id={`${uid}-chars`}>{chars !== null ? t("chars", { count: chars }) : ""}</small>
        {fieldError("body")}
      </div>
      <div className="field">
        <label htmlFor={`${uid}-source`}>{ti("source")}</label>
        <input
          id={`${uid}-source`}
          value={source}
          onChange={(e) => setSource(e.target.value)}
          readOnly={locked}
          aria-invalid={errors.source ? true : undefined}
          aria-describedby={errors.source ? `${uid}-source-error` : undefined}
        />
        {fieldError("source")}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {saved && <p role="status">{t("itemSaved")}</p>}
      {!locked && (
        <button type="submit" className="primary" disabled={pending}>
          {t("saveItem")}
        </button>
      )}
    </form>
  );
}

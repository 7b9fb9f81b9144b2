"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { createItemAction, submitItemAction, updateItemAction } from "@/app/(contributor)/items/actions";
import { RichTextEditor } from "@/components/editor/rich-text-editor";
import type { RichDoc } from "@/lib/editor/schema";

export interface ItemFormValues {
  title: string;
  body: RichDoc;
  source: string;
  suggestedSectionId: number | null;
  eventDate: string;
  contactName: string;
  contactPhone: string;
  noteToEditor: string;
}

interface Props {
  itemId?: number;
  version?: number;
  initial: ItemFormValues;
  initialChars: number;
  sections: { id: number; title: string }[];
  titleMax: number;
}

type FieldErrors = Record<string, string>;

/**
 * The contributor's item form. Whatever the server answers, the typed values stay in the form:
 * a validation error or a conflict never loses what the user wrote.
 */
export function ItemForm({ itemId, version: initialVersion, initial, initialChars, sections, titleMax }: Props) {
  const t = useTranslations("item");
  const router = useRouter();
  const uid = useId();
  const [values, setValues] = useState(initial);
  const [chars, setChars] = useState(initialChars);
  const [id, setId] = useState(itemId);
  const [version, setVersion] = useState(initialVersion);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: "error" | "ok"; text: string } | null>(null);
  const [pending, setPending] = useState<"save" | "submit" | null>(null);

  const set = <K extends keyof ItemFormValues>(key: K, value: ItemFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const payload = () => ({
    ...values,
    source: values.source.trim() || null,
    eventDate: values.eventDate || null,
  });

  async function save(): Promise<{ id: number; version: number } | null> {
    const res = id && version ? await updateItemAction({ ...payload(), id, version }) : await createItemAction(payload());
    if ("error" in res) {
      setErrors(res.fieldErrors ?? {});
      setMessage({ kind: "error", text: res.error });
      return null;
    }
    setErrors({});
    setId(res.data.id);
    setVersion(res.data.version);
    if (!id) window.history.replaceState(null, "", `/items/${res.data.id}`);
    return res.data;
  }

  async function onSave() {
    setPending("save");
    const saved = await save();
    setPending(null);
    if (saved) setMessage({ kind: "ok", text: t("saved") });
  }

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setPending("submit");
    const saved = await save();
    if (!saved) return setPending(null);
    const res = await submitItemAction({ id: saved.id, version: saved.version });
    setPending(null);
    if ("error" in res) {
      setMessage({ kind: "error", text: res.error });
      return;
    }
    router.push(`/items/${saved.id}?submitted=1`);
    router.refresh();
  }

  const field = (name: keyof ItemFormValues) => ({
    id: `${uid}-${name}`,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${uid}-${name}-error` : undefined,
  });
  const errorFor = (name: string) =>
    errors[name] ? (
      <span id={`${uid}-${name}-error`} className="field-error" role="alert">
        {errors[name]}
      </span>
    ) : null;

  return (
    <form onSubmit={onSubmit} className="form item-form" noValidate>
      <div className="field">
        <label htmlFor={`${uid}-title`}>
          {t("title")} <small>{t("titleHint", { max: titleMax })}</small>
        </label>
        <input {...field("title")} value={values.title} onChange={(e) => set("title", e.target.value)} maxLength={titleMax * 2} required />
        {errorFor("title")}
      </div>
      <div className="field">
        <span id={`${uid}-body-label`} className="label">
          {t("body")}
        </span>
        <RichTextEditor
          id={`${uid}-body`}
          value={values.body}
          labelledBy={`${uid}-body-label`}
          describedBy={`${uid}-chars`}
          invalid={!!errors.body}
          onChange={(body, n) => {
            set("body", body);
            setChars(n);
          }}
        />
        <span id={`${uid}-chars`} className="hint" aria-live="polite" data-testid="char-count">
          {t("chars", { count: chars })} · {t("charsGuide")}
        </span>
        {errorFor("body")}
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${uid}-source`}>{t("source")}</label>
          <input {...field("source")} value={values.source} onChange={(e) => set("source", e.target.value)} />
          <span className="hint">{t("sourceHint")}</span>
          {errorFor("source")}
        </div>
        <div className="field">
          <label htmlFor={`${uid}-suggestedSectionId`}>{t("section")}</label>
          <select
            {...field("suggestedSectionId")}
            value={values.suggestedSectionId ?? ""}
            onChange={(e) => set("suggestedSectionId", e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">{t("sectionNone")}</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
          {errorFor("suggestedSectionId")}
        </div>
        <div className="field">
          <label htmlFor={`${uid}-eventDate`}>{t("eventDate")}</label>
          <input type="date" {...field("eventDate")} value={values.eventDate} onChange={(e) => set("eventDate", e.target.value)} />
          {errorFor("eventDate")}
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${uid}-contactName`}>{t("contactName")}</label>
          <input {...field("contactName")} value={values.contactName} onChange={(e) => set("contactName", e.target.value)} />
          {errorFor("contactName")}
        </div>
        <div className="field">
          <label htmlFor={`${uid}-contactPhone`}>{t("contactPhone")}</label>
          <input {...field("contactPhone")} inputMode="tel" value={values.contactPhone} onChange={(e) => set("contactPhone", e.target.value)} />
          {errorFor("contactPhone")}
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${uid}-noteToEditor`}>{t("noteToEditor")}</label>
        <textarea {...field("noteToEditor")} rows={2} value={values.noteToEditor} onChange={(e) => set("noteToEditor", e.target.value)} />
        {errorFor("noteToEditor")}
      </div>
      {message && (
        <p role={message.kind === "error" ? "alert" : "status"} className={message.kind === "error" ? "error" : "ok"}>
          {message.text}
        </p>
      )}
      <div className="buttons">
        <button type="button" onClick={onSave} disabled={pending !== null}>
          {pending === "save" ? t("saving") : t("save")}
        </button>
        <button type="submit" className="primary" disabled={pending !== null}>
          {t("submit")}
        </button>
      </div>
    </form>
  );
}

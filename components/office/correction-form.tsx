"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { correctItemAction } from "@/app/actions/correction";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormFooter } from "@/components/ui/form-footer";

/**
 * 勘误 of a distributed issue: pick an item, correct its title and text (one paragraph a line),
 * give the reason. Saved as a new revision; the earlier ones stay readable.
 */
export function CorrectionForm({ issueId, version, items }: { issueId: number; version: number; items: { title: string; text: string }[] }) {
  const t = useTranslations("correction");
  const router = useRouter();
  const uid = useId();
  const [index, setIndex] = useState(0);
  const [title, setTitle] = useState(items[0]?.title ?? "");
  const [text, setText] = useState(items[0]?.text ?? "");
  const [note, setNote] = useState("");
  const { run, pending, error, fieldErrors: errors } = useFormAction(correctItemAction, { onSuccess: () => router.push("/office/archive") });

  function pick(i: number) {
    setIndex(i);
    setTitle(items[i].title);
    setText(items[i].text);
  }

  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const paragraphs = text.split("\n").map((p) => p.trim()).filter(Boolean);
    void run({ issueId, version, itemIndex: index, title, paragraphs, note });
  }

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-label={t("title")}>
      <div className="field">
        <label htmlFor={`${uid}-item`}>{t("item")}</label>
        <select id={`${uid}-item`} value={index} onChange={(e) => pick(Number(e.target.value))}>
          {items.map((it, i) => (
            <option key={i} value={i}>
              {i + 1}. {it.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${uid}-title`}>{t("itemTitle")}</label>
        <input id={`${uid}-title`} value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={errors.title ? true : undefined} />
        {errors.title && <span className="field-error">{errors.title}</span>}
      </div>
      <div className="field">
        <label htmlFor={`${uid}-text`}>{t("text")}</label>
        <textarea id={`${uid}-text`} rows={10} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={`${uid}-text-hint`} aria-invalid={errors.paragraphs ? true : undefined} />
        <span id={`${uid}-text-hint`} className="count">
          {t("textHint")}
        </span>
        {errors.paragraphs && <span className="field-error">{errors.paragraphs}</span>}
      </div>
      <div className="field">
        <label htmlFor={`${uid}-note`}>{t("note")}</label>
        <input id={`${uid}-note`} value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={errors.note ? true : undefined} />
        {errors.note && <span className="field-error">{errors.note}</span>}
      </div>
      <FormFooter submit={t("save")} pending={pending} error={error} />
    </form>
  );
}

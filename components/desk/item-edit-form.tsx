"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { updateItemAction } from "@/app/(contributor)/items/actions";
import { RichTextEditor } from "@/components/editor/rich-text-editor";
import type { ItemFields } from "@/lib/data/items";
import type { RichDoc } from "@/lib/editor/schema";

interface Props {
  id: number;
  version: number;
  fields: ItemFields;
  /** The item's issue is in review or approved: the server refuses edits, and the form says why. */
  locked: boolean;
}

/** The editor's edit of an item's printed text: title, body and attribution. The unit's submission stays as sent. */
export function ItemEditForm({ id, version, fields, locked }: Props) {
  const t = useTranslations("desk");
  const router = useRouter();
  const uid = useId();
  const [title, setTitle] = useState(fields.title);
  const [body, setBody] = useState<RichDoc>(fields.body);
  const [source, setSource] = useState(fields.source ?? "");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState(false);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setSaved(false);
    const res = await updateItemAction({ ...fields, id, version, title, body, source: source || null });
    setPending(false);
    if ("error" in res) {
      setError(res.error);
      setFieldErrors(res.fieldErrors ?? {});
      return;
    }
    setError(null);
    setFieldErrors({});
    setSaved(true);
    router.refresh();
  }

  return (
    <form className="card form" onSubmit={save} noValidate aria-labelledby={`${uid}-h`} data-testid="item-edit">
      <h2 id={`${uid}-h`}>{t("editItem")}</h2>
      {locked && (
        <p className="note" data-testid="item-locked">
          {t("itemLocked")}
        </p>
      )}
      <label>
        {t("title")}
        <input value={title} onChange={(e) => setTitle(e.target.value)} readOnly={locked} maxLength={80} aria-invalid={fieldErrors.title ? true : undefined} />
      </label>
      {fieldErrors.title && <span className="field-error">{fieldErrors.title}</span>}
      <span id={`${uid}-body`}>{t("body")}</span>
      <RichTextEditor id={`${uid}-editor`} value={fields.body} labelledBy={`${uid}-body`} readOnly={locked} invalid={!!fieldErrors.body} onChange={(doc) => setBody(doc)} />
      {fieldErrors.body && <span className="field-error">{fieldErrors.body}</span>}
      <label>
        {t("source")}
        <input value={source} onChange={(e) => setSource(e.target.value)} readOnly={locked} maxLength={100} aria-invalid={fieldErrors.source ? true : undefined} />
      </label>
      {fieldErrors.source && <span className="field-error">{fieldErrors.source}</span>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {saved && <p role="status">{t("saved")}</p>}
      {!locked && (
        <button type="submit" className="primary" disabled={pending}>
          {t("save")}
        </button>
      )}
    </form>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { updateGuidanceAction } from "@/app/actions/calls";
import { outcomeLine, useFormAction } from "@/components/ui/use-form-action";

/** The editor edits the standing guidance (报送要点) shown beside every unit's form. */
export function GuidanceEditor({ body }: { body: string }) {
  const t = useTranslations("calls");
  const uid = useId();
  const [text, setText] = useState(body);
  const { run, pending, ...state } = useFormAction(updateGuidanceAction, { refresh: true });
  const message = outcomeLine(state, () => t("guidanceSaved"), state.fieldErrors.body ?? state.error);

  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    void run({ body: text });
  }

  return (
    <form className="form card" onSubmit={onSubmit} noValidate data-testid="guidance-editor">
      <h2>{t("guidanceTitle")}</h2>
      <div className="field">
        <label htmlFor={`${uid}-body`}>{t("guidanceTitle")}</label>
        <textarea id={`${uid}-body`} rows={6} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={`${uid}-hint`} />
        <span id={`${uid}-hint`} className="hint">
          {t("guidanceHint")}
        </span>
      </div>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "ok" : "error"}>
          {message.text}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {t("guidanceSave")}
      </button>
    </form>
  );
}

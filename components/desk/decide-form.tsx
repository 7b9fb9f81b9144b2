"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { decideItemAction } from "@/app/actions/desk";
import { useFormAction } from "@/components/ui/use-form-action";

/** Accept, return (a note is required) or decline one submitted item. */
export function DecideForm({ id, version }: { id: number; version: number }) {
  const t = useTranslations("desk");
  const router = useRouter();
  const uid = useId();
  const [note, setNote] = useState("");
  const { run, pending, error, fieldErrors } = useFormAction(decideItemAction, {
    onSuccess: () => {
      router.push("/desk/inbox");
      router.refresh();
    },
  });
  const noteError = fieldErrors.note ?? null;

  const decide = (decision: "accept" | "return" | "decline") => void run({ id, version, decision, note });

  return (
    <div className="card decide" role="group" aria-label={t("actions")}>
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
        <button type="button" className="primary" disabled={pending} onClick={() => decide("accept")}>
          {t("accept")}
        </button>
        <button type="button" disabled={pending} onClick={() => decide("return")}>
          {t("return")}
        </button>
        <button type="button" className="danger" disabled={pending} onClick={() => decide("decline")}>
          {t("decline")}
        </button>
      </div>
    </div>
  );
}

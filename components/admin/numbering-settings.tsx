"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { updateNumberingAction } from "@/app/actions/aliases";
import { issueLine } from "@/lib/bulletin/numbering";
import { FieldError, useAdminAction } from "./use-admin-action";
import { FormFooter } from "@/components/ui/form-footer";

export interface NumberingFields {
  numerals: "arabic" | "chinese";
  yearBrackets: boolean;
  lastPublishedYear: number | null;
  lastPublishedNumber: number | null;
  lastPublishedTotal: number | null;
}

/** The publication's numbering style (printed by every export) and the last issue published outside the system. */
export function NumberingSettings({ initial }: { initial: NumberingFields }) {
  const t = useTranslations("issueKinds");
  const uid = useId();
  const [v, setV] = useState(initial);
  const [saved, setSaved] = useState(false);
  const { run, pending, error, fieldErrors } = useAdminAction(updateNumberingAction);
  const example = issueLine({ title: "", year: 2024, number: 21, totalNumber: 1, office: "", date: "" }, { numerals: v.numerals, yearBrackets: v.yearBrackets });
  const numberField = (key: "lastPublishedYear" | "lastPublishedNumber" | "lastPublishedTotal") => (
    <div className="field">
      <label htmlFor={`${uid}-${key}`}>{t(key)}</label>
      <input
        id={`${uid}-${key}`}
        type="number"
        min={1}
        value={v[key] ?? ""}
        onChange={(e) => setV({ ...v, [key]: e.target.value === "" ? null : Number(e.target.value) })}
        aria-invalid={fieldErrors[key] ? true : undefined}
      />
      <FieldError message={fieldErrors[key]} />
    </div>
  );
  return (
    <form
      className="form card"
      noValidate
      aria-labelledby={`${uid}-h`}
      onSubmit={async (e) => {
        e.preventDefault();
        setSaved(false);
        if (await run(v)) setSaved(true);
      }}
    >
      <h2 id={`${uid}-h`}>{t("numberingTitle")}</h2>
      <p className="hint">{t("numberingHint")}</p>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${uid}-numerals`}>{t("numerals")}</label>
          <select id={`${uid}-numerals`} value={v.numerals} onChange={(e) => setV({ ...v, numerals: e.target.value as "arabic" | "chinese" })}>
            <option value="arabic">{t("arabic")}</option>
            <option value="chinese">{t("chinese")}</option>
          </select>
        </div>
        <div className="field">
          <label>
            <input type="checkbox" checked={v.yearBrackets} onChange={(e) => setV({ ...v, yearBrackets: e.target.checked })} /> {t("yearBrackets")}
          </label>
        </div>
      </div>
      <p className="note">{t("example", { line: example })}</p>
      <fieldset>
        <legend>{t("lastPublished")}</legend>
        <div className="field-row">
          {numberField("lastPublishedYear")}
          {numberField("lastPublishedNumber")}
          {numberField("lastPublishedTotal")}
        </div>
      </fieldset>
      <FormFooter submit={t("save")} pending={pending} error={error} status={saved ? t("saved") : null} />
    </form>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { saveRulesAction } from "@/app/actions/scoring";
import { FieldError, useAdminAction } from "@/components/admin/use-admin-action";
import { FormFooter } from "@/components/ui/form-footer";

const NUMBER_KEYS = [
  "perSubmission",
  "perLead",
  "perHighlight",
  "perOrdinary",
  "perInstructionCentral",
  "perInstructionProvincial",
  "perInstructionBureau",
  "perInstructionOther",
  "perForwardUsed",
  "perCallAnswered",
  "perCallMissed",
] as const;

type Values = Record<(typeof NUMBER_KEYS)[number], number> & { coUnitShare: number; effectiveFrom: string };

/** The admin saves a new version of the scoring rules, in force from a date. */
export function ScoringRulesForm({ initial }: { initial: Values }) {
  const t = useTranslations("rules");
  const uid = useId();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(Object.entries(initial).map(([k, v]) => [k, String(v)])));
  const [saved, setSaved] = useState(false);
  const { run, pending, error, fieldErrors } = useAdminAction(saveRulesAction);
  const set = (k: string) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setValues((v) => ({ ...v, [k]: e.target.value }));
  return (
    <form
      className="form card"
      noValidate
      aria-label={t("title")}
      onSubmit={async (e) => {
        e.preventDefault();
        setSaved(false);
        const input = { ...values } as Record<string, string | number>;
        for (const k of [...NUMBER_KEYS, "coUnitShare"]) input[k] = values[k] === "" ? Number.NaN : Number(values[k]);
        const r = await run(input as never);
        if (r) setSaved(true);
      }}
    >
      <div className="field">
        <label htmlFor={`${uid}-from`}>{t("effectiveFrom")}</label>
        <input id={`${uid}-from`} type="date" value={values.effectiveFrom} onChange={set("effectiveFrom")} aria-invalid={fieldErrors.effectiveFrom ? true : undefined} />
        <FieldError message={fieldErrors.effectiveFrom} />
      </div>
      <div className="field-row">
        {NUMBER_KEYS.map((k) => (
          <div className="field" key={k}>
            <label htmlFor={`${uid}-${k}`}>
              {t(k)}（{t("points")}）
            </label>
            <input id={`${uid}-${k}`} type="number" min={0} max={1000} step="0.5" value={values[k]} onChange={set(k)} style={{ width: "7rem" }} aria-invalid={fieldErrors[k] ? true : undefined} />
            <FieldError message={fieldErrors[k]} />
          </div>
        ))}
        <div className="field">
          <label htmlFor={`${uid}-co`}>{t("coUnitShare")}</label>
          <select id={`${uid}-co`} value={values.coUnitShare} onChange={set("coUnitShare")}>
            <option value="1">{t("coFull")}</option>
            <option value="0.5">{t("coHalf")}</option>
          </select>
        </div>
      </div>
      <FormFooter submit={t("save")} pending={pending} error={error} status={saved ? t("saved") : null} />
    </form>
  );
}

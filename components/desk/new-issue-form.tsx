"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { createIssueAction } from "@/app/actions/desk";
import { useFormAction } from "@/components/ui/use-form-action";

interface Proposal {
  year: number;
  number: number;
  totalNumber: number;
  date: string;
  /** The next supplement number of the year. */
  supplementNumber?: number;
  /** The latest issue the archive knows; `stale` when it is long ago (or there is none). */
  archive?: { label: string | null; days: number | null; stale: boolean };
}

type Kind = "regular" | "double" | "supplement";
const SUPPLEMENT_NAMES = ["增刊", "专刊", "特刊"] as const;

/**
 * Proposes the next 第N期 / 总第M期 and date; the editor may change them, and may make the issue a
 * 合刊 (two numbers) or a supplement (outside the regular sequence).
 */
export function NewIssueForm({ proposal }: { proposal: Proposal }) {
  const t = useTranslations("desk");
  const tk = useTranslations("issueKinds");
  const router = useRouter();
  const uid = useId();
  const { supplementNumber = 1, archive, ...numbers } = proposal;
  const [values, setValues] = useState({ ...numbers });
  const [kind, setKind] = useState<Kind>("regular");
  const [supplementLabel, setSupplementLabel] = useState<(typeof SUPPLEMENT_NAMES)[number]>("增刊");
  const [supNumber, setSupNumber] = useState(supplementNumber);
  const { run, pending, error, fieldErrors: errors } = useFormAction(createIssueAction, { errorBesideFieldOnly: true, onSuccess: (issue) => router.push(`/desk/issues/${issue.id}`) });

  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    void run(kind === "supplement" ? { ...values, number: supNumber, totalNumber: 0, kind, supplementLabel } : { ...values, kind });
  }

  const num = (name: "year" | "number" | "totalNumber") => (
    <div className="field">
      <label htmlFor={`${uid}-${name}`}>{t(name)}</label>
      <input
        id={`${uid}-${name}`}
        type="number"
        min={1}
        value={values[name]}
        onChange={(e) => setValues((v) => ({ ...v, [name]: Number(e.target.value) }))}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${uid}-${name}-error` : undefined}
      />
      {errors[name] && (
        <span id={`${uid}-${name}-error`} className="field-error">
          {errors[name]}
        </span>
      )}
    </div>
  );

  return (
    <form className="card form" onSubmit={onSubmit} aria-labelledby={`${uid}-h`} noValidate>
      <h2 id={`${uid}-h`}>{t("newIssue")}</h2>
      {archive?.stale && (
        <p className="note" role="status" data-testid="stale-archive">
          {archive.label && archive.days !== null ? tk("stale", { label: archive.label, days: archive.days }) : tk("staleNone")}
        </p>
      )}
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${uid}-kind`}>{tk("kind")}</label>
          <select id={`${uid}-kind`} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="regular">{tk("regular")}</option>
            <option value="double">{tk("double")}</option>
            <option value="supplement">{tk("supplement")}</option>
          </select>
        </div>
        {kind === "supplement" && (
          <>
            <div className="field">
              <label htmlFor={`${uid}-suplabel`}>{tk("supplementLabel")}</label>
              <select id={`${uid}-suplabel`} value={supplementLabel} onChange={(e) => setSupplementLabel(e.target.value as (typeof SUPPLEMENT_NAMES)[number])}>
                {SUPPLEMENT_NAMES.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${uid}-supnumber`}>{tk("supplementNumber")}</label>
              <input id={`${uid}-supnumber`} type="number" min={0} value={supNumber} onChange={(e) => setSupNumber(Number(e.target.value))} aria-invalid={errors.number ? true : undefined} />
              {errors.number && <span className="field-error">{errors.number}</span>}
            </div>
          </>
        )}
      </div>
      <div className="field-row">
        {num("year")}
        {kind !== "supplement" && num("number")}
        {kind !== "supplement" && num("totalNumber")}
        <div className="field">
          <label htmlFor={`${uid}-date`}>{t("date")}</label>
          <input
            id={`${uid}-date`}
            type="date"
            value={values.date}
            onChange={(e) => setValues((v) => ({ ...v, date: e.target.value }))}
            aria-invalid={errors.date ? true : undefined}
          />
          {errors.date && <span className="field-error">{errors.date}</span>}
        </div>
      </div>
      {kind === "double" && (
        <p className="hint">
          {tk("doubleHint", { number: values.number, end: values.number + 1, total: values.totalNumber, totalEnd: values.totalNumber + 1, next: values.number + 2, nextTotal: values.totalNumber + 2 })}
        </p>
      )}
      {kind === "supplement" && <p className="hint">{tk("supplementHint")}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={pending}>
        {t("create")}
      </button>
    </form>
  );
}

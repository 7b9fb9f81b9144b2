"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { createIssueAction } from "@/app/(desk)/desk/actions";

interface Proposal {
  year: number;
  number: number;
  totalNumber: number;
  date: string;
}

/** Proposes the next 第N期 / 总第M期 and date; the editor may change them. */
export function NewIssueForm({ proposal }: { proposal: Proposal }) {
  const t = useTranslations("desk");
  const router = useRouter();
  const uid = useId();
  const [values, setValues] = useState({ ...proposal });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    const res = await createIssueAction(values);
    setPending(false);
    if ("error" in res) {
      setError(res.error);
      setErrors(res.fieldErrors ?? {});
      return;
    }
    router.push(`/desk/issues/${res.data.id}`);
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
      <div className="field-row">
        {num("year")}
        {num("number")}
        {num("totalNumber")}
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

"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { distributeIssueAction } from "@/app/(office)/office/actions";

/** Records that an approved issue went out: the date and the groups it was sent to. */
export function DistributeForm({ issueId, version, date: initialDate, distribution }: { issueId: number; version: number; date: string; distribution: string[] }) {
  const t = useTranslations("office");
  const router = useRouter();
  const uid = useId();
  const [date, setDate] = useState(initialDate);
  const [groups, setGroups] = useState(distribution.join("\n"));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    const list = groups.split("\n").map((g) => g.trim()).filter(Boolean);
    const res = await distributeIssueAction({ issueId, version, date, distribution: list });
    setPending(false);
    if ("error" in res) {
      setError(res.error);
      setErrors(res.fieldErrors ?? {});
      return;
    }
    router.refresh();
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${uid}-date`}>{t("distributeDate")}</label>
          <input id={`${uid}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-invalid={errors.date ? true : undefined} />
          {errors.date && <span className="field-error">{errors.date}</span>}
        </div>
        <div className="field grow">
          <label htmlFor={`${uid}-groups`}>{t("distribution")}</label>
          <textarea id={`${uid}-groups`} rows={4} value={groups} onChange={(e) => setGroups(e.target.value)} aria-invalid={errors.distribution ? true : undefined} />
          {errors.distribution && <span className="field-error">{errors.distribution}</span>}
        </div>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={pending}>
        {t("distribute")}
      </button>
    </form>
  );
}

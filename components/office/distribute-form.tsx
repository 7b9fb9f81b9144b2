"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { distributeIssueAction } from "@/app/actions/office";
import { ConfirmDialog } from "@/components/review/confirm-button";
import { StoredTextNotice, useCleanedOnLoad } from "@/components/ui/stored-text-notice";
import { useFormAction } from "@/components/ui/use-form-action";
import { chineseDate } from "@/lib/bulletin/dates";

/**
 * Records that an approved issue went out: the date and the groups it was sent to. 登记印发 asks
 * first (a modal alert dialog naming the issue and the date: the issue is frozen after it).
 */
export function DistributeForm({ issueId, version, label, date: initialDate, distribution }: { issueId: number; version: number; label: string; date: string; distribution: string[] }) {
  const t = useTranslations("office");
  const tr = useTranslations("register");
  const tc = useTranslations("confirm");
  const uid = useId();
  const [asking, setAsking] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const [date, setDate] = useState(initialDate);
  // A default list saved before the text rule may hold a no-break space: cleaned here, and said.
  const stored = useCleanedOnLoad(distribution);
  const [groups, setGroups] = useState(stored.value.join("\n"));
  const [method, setMethod] = useState<"print" | "electronic" | "post">("print");
  const [count, setCount] = useState("");
  const [printRun, setPrintRun] = useState("");
  const { run, pending, error, fieldErrors: errors } = useFormAction(distributeIssueAction, { refresh: true });

  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    // Without a date there is nothing to confirm: the server's message says what is missing.
    if (!date) submit();
    else setAsking(true);
  }

  function submit() {
    setAsking(false);
    const list = groups.split("\n").map((g) => g.trim()).filter(Boolean);
    void run({
      issueId,
      version,
      date,
      distribution: list,
      method,
      recipientCount: count.trim() ? Number(count) : null,
      printRun: printRun.trim() ? Number(printRun) : null,
    });
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
          <StoredTextNotice notices={stored.notices} onDismiss={stored.dismiss} testId="distribution-cleaned" />
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${uid}-method`}>{tr("method")}</label>
          <select id={`${uid}-method`} value={method} onChange={(e) => setMethod(e.target.value as typeof method)}>
            <option value="print">{tr("methodPrint")}</option>
            <option value="electronic">{tr("methodElectronic")}</option>
            <option value="post">{tr("methodPost")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${uid}-count`}>{tr("count")}</label>
          <input id={`${uid}-count`} inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} aria-invalid={errors.recipientCount ? true : undefined} />
          {errors.recipientCount && <span className="field-error">{errors.recipientCount}</span>}
        </div>
        <div className="field">
          <label htmlFor={`${uid}-run`}>{tr("printRun")}</label>
          <input id={`${uid}-run`} inputMode="numeric" value={printRun} onChange={(e) => setPrintRun(e.target.value)} aria-invalid={errors.printRun ? true : undefined} />
          {errors.printRun && <span className="field-error">{errors.printRun}</span>}
        </div>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button ref={trigger} type="submit" className="primary" disabled={pending}>
        {t("distribute")}
      </button>
      {asking && (
        <ConfirmDialog
          question={tc("distribute", { label, date: chineseDate(date) })}
          label={t("distribute")}
          className="primary"
          disabled={pending}
          onConfirm={submit}
          onCancel={() => {
            setAsking(false);
            trigger.current?.focus();
          }}
        />
      )}
    </form>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { correctRegisterAction } from "@/app/actions/register";
import { outcomeLine, useFormAction } from "@/components/ui/use-form-action";
import type { DistributionMethod } from "@/lib/domain/enums";

interface Entry {
  id: number;
  date: string;
  method: DistributionMethod;
  groups: string[];
  recipientCount: number;
  printRun: number | null;
}

/** The office corrects a register entry: a new entry with a reason; the old one stays. */
export function CorrectRegisterForm({ entry }: { entry: Entry }) {
  const t = useTranslations("register");
  const uid = useId();
  const [date, setDate] = useState(entry.date);
  const [method, setMethod] = useState<DistributionMethod>(entry.method);
  const [groups, setGroups] = useState(entry.groups.join("\n"));
  const [count, setCount] = useState(String(entry.recipientCount));
  const [printRun, setPrintRun] = useState(entry.printRun ? String(entry.printRun) : "");
  const [reason, setReason] = useState("");
  const { run, fieldErrors: errors, ...state } = useFormAction(correctRegisterAction, { refresh: true });
  const message = outcomeLine(state, () => t("corrected"));

  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    void run({
      recordId: entry.id,
      date,
      method,
      groups: groups.split("\n").map((g) => g.trim()).filter(Boolean),
      recipientCount: Number(count),
      printRun: printRun.trim() ? Number(printRun) : null,
      reason,
    });
  }
  const err = (k: string) => errors[k] && <span className="field-error">{errors[k]}</span>;
  return (
    <details className="no-print">
      <summary>{t("correct")}</summary>
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${uid}-date`}>{t("date")}</label>
            <input id={`${uid}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
            {err("date")}
          </div>
          <div className="field">
            <label htmlFor={`${uid}-method`}>{t("method")}</label>
            <select id={`${uid}-method`} value={method} onChange={(e) => setMethod(e.target.value as DistributionMethod)}>
              <option value="print">{t("methodPrint")}</option>
              <option value="electronic">{t("methodElectronic")}</option>
              <option value="post">{t("methodPost")}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${uid}-count`}>{t("count")}</label>
            <input id={`${uid}-count`} inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} />
            {err("recipientCount")}
          </div>
          <div className="field">
            <label htmlFor={`${uid}-run`}>{t("printRun")}</label>
            <input id={`${uid}-run`} inputMode="numeric" value={printRun} onChange={(e) => setPrintRun(e.target.value)} />
            {err("printRun")}
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${uid}-groups`}>{t("groups")}</label>
          <textarea id={`${uid}-groups`} rows={3} value={groups} onChange={(e) => setGroups(e.target.value)} />
          {err("groups")}
        </div>
        <div className="field">
          <label htmlFor={`${uid}-reason`}>{t("reason")}</label>
          <input id={`${uid}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
          {err("reason")}
        </div>
        {message && (
          <p role={message.ok ? "status" : "alert"} className={message.ok ? "ok" : "error"}>
            {message.text}
          </p>
        )}
        <button type="submit">{t("saveCorrection")}</button>
      </form>
    </details>
  );
}

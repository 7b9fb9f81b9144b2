"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { updateIssueMetaAction } from "@/app/actions/desk";
import { useFormAction } from "@/components/ui/use-form-action";
import type { BoardView } from "@/lib/data/arrange";

interface Meta {
  id: number;
  version: number;
  year: number;
  number: number;
  totalNumber: number;
  date: string;
  /** yyyy-mm-ddThh:mm, China time, or empty. */
  deadline: string;
  /** A supplement (增刊/专刊/特刊): no running number to edit, and its number may be 0 (unnumbered). */
  supplement?: boolean;
}

/** Numbers, date and 截稿时间 of an issue being prepared. Numbers are checked unique on the server. */
export function IssueMetaForm({ issue }: { issue: Meta }) {
  const t = useTranslations("desk");
  const router = useRouter();
  const qc = useQueryClient();
  const uid = useId();
  const [v, setV] = useState(issue);
  // A new version from the server (after 保存, or a refresh): its values in the fields. The form is
  // not remounted for it, so 已保存 stays in sight and the panel stays open.
  const [shown, setShown] = useState(issue);
  if (issue.version !== shown.version) {
    setShown(issue);
    setV(issue);
  }
  const { run, pending, status, error, fieldErrors: errors } = useFormAction(updateIssueMetaAction, {
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ["board", issue.id] });
      router.refresh();
    },
  });
  const saved = status === "ok" && !pending;

  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    // The board may have moved the issue on since this page loaded: send the version it shows.
    const version = qc.getQueryData<BoardView>(["board", issue.id])?.issue.version ?? issue.version;
    void run({ issueId: issue.id, version, year: v.year, number: v.number, totalNumber: v.totalNumber, date: v.date, deadline: v.deadline });
  }

  const field = (name: "year" | "number" | "totalNumber" | "date" | "deadline", type: string) => (
    <div className="field">
      <label htmlFor={`${uid}-${name}`}>{t(name)}</label>
      <input
        id={`${uid}-${name}`}
        type={type}
        value={v[name]}
        onChange={(e) => setV({ ...v, [name]: type === "number" ? Number(e.target.value) : e.target.value })}
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
    <details className="card">
      <summary>{t("issueMeta")}</summary>
      <form className="form" onSubmit={onSubmit} noValidate aria-label={t("issueMeta")}>
        <div className="field-row">
          {field("year", "number")}
          {field("number", "number")}
          {!issue.supplement && field("totalNumber", "number")}
          {field("date", "date")}
          {field("deadline", "datetime-local")}
        </div>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {saved && <p role="status">{t("saved")}</p>}
        <button type="submit" disabled={pending}>
          {t("saveMeta")}
        </button>
      </form>
    </details>
  );
}

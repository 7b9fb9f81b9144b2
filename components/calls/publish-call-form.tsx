"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { publishCallAction } from "@/app/actions/calls";
import { outcomeLine, useFormAction } from "@/components/ui/use-form-action";
import styles from "./calls.module.css";

/** The editor's form for a new call (约稿): topic, guidance, deadline, units, optional issue. */
export function PublishCallForm({ units, issues, defaultDeadline }: { units: { id: number; name: string }[]; issues: { id: number; label: string }[]; defaultDeadline: string }) {
  const t = useTranslations("calls");
  const uid = useId();
  const [topic, setTopic] = useState("");
  const [guidance, setGuidance] = useState("");
  const [deadline, setDeadline] = useState(defaultDeadline);
  const [target, setTarget] = useState<"all" | "chosen">("all");
  const [chosen, setChosen] = useState<number[]>([]);
  const [issueId, setIssueId] = useState<number | null>(null);
  const { run, pending, fieldErrors: errors, ...state } = useFormAction(publishCallAction, {
    refresh: true,
    onSuccess: () => {
      setTopic("");
      setGuidance("");
      setChosen([]);
    },
  });
  const message = outcomeLine(state, () => t("published"));

  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    void run({ topic, guidance, deadline, target, unitIds: target === "chosen" ? chosen : [], issueId });
  }

  const err = (k: string) => errors[k] && <span className="field-error">{errors[k]}</span>;
  return (
    <form className="form card" onSubmit={onSubmit} noValidate data-testid="publish-call">
      <h2>{t("newCall")}</h2>
      <div className="field">
        <label htmlFor={`${uid}-topic`}>{t("topic")}</label>
        <input id={`${uid}-topic`} value={topic} onChange={(e) => setTopic(e.target.value)} aria-invalid={errors.topic ? true : undefined} />
        {err("topic")}
      </div>
      <div className="field">
        <label htmlFor={`${uid}-guidance`}>{t("guidance")}</label>
        <textarea id={`${uid}-guidance`} rows={3} value={guidance} onChange={(e) => setGuidance(e.target.value)} aria-invalid={errors.guidance ? true : undefined} />
        {err("guidance")}
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${uid}-deadline`}>{t("deadline")}</label>
          <input id={`${uid}-deadline`} type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} aria-invalid={errors.deadline ? true : undefined} />
          {err("deadline")}
        </div>
        <div className="field">
          <label htmlFor={`${uid}-issue`}>{t("issue")}</label>
          <select id={`${uid}-issue`} value={issueId ?? ""} onChange={(e) => setIssueId(e.target.value ? Number(e.target.value) : null)}>
            <option value="">{t("issueNone")}</option>
            {issues.map((i) => (
              <option key={i.id} value={i.id}>
                {i.label}
              </option>
            ))}
          </select>
          {err("issueId")}
        </div>
      </div>
      <fieldset className="field">
        <legend>{t("target")}</legend>
        <label className="checkbox">
          <input type="radio" name={`${uid}-target`} checked={target === "all"} onChange={() => setTarget("all")} /> {t("targetAll")}
        </label>{" "}
        <label className="checkbox">
          <input type="radio" name={`${uid}-target`} checked={target === "chosen"} onChange={() => setTarget("chosen")} /> {t("targetChosen")}
        </label>
        {target === "chosen" && (
          <div className={styles.checks} role="group" aria-label={t("units")}>
            {units.map((u) => (
              <label key={u.id} className="checkbox">
                <input type="checkbox" checked={chosen.includes(u.id)} onChange={(e) => setChosen(e.target.checked ? [...chosen, u.id] : chosen.filter((x) => x !== u.id))} /> {u.name}
              </label>
            ))}
          </div>
        )}
        {err("unitIds")}
      </fieldset>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "ok" : "error"}>
          {message.text}
        </p>
      )}
      <button type="submit" className="primary" disabled={pending}>
        {t("publish")}
      </button>
    </form>
  );
}

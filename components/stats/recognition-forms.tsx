"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import {
  recordForwardAction,
  recordInstructionAction,
  removeForwardAction,
  removeInstructionAction,
} from "@/app/actions/recognition";
import { useFormAction } from "@/components/ui/use-form-action";
import { INSTRUCTION_LEVELS } from "@/lib/domain/enums";
import { FormFooter } from "@/components/ui/form-footer";


type Result = { data: unknown } | { error: string; fieldErrors?: Record<string, string> };

/** One form's submit: a call of one of the recognition actions, then `onOk` (components/ui/use-form-action.ts). */
function useSubmit() {
  const { run, pending, status, error, fieldErrors } = useFormAction((job: { call: () => Promise<Result>; onOk?: () => void }) => job.call(), {
    refresh: true,
    onSuccess: (_data, job) => job.onOk?.(),
  });
  const submit = (call: () => Promise<Result>, onOk?: () => void) => void run({ call, onOk });
  return { errors: fieldErrors, error, done: status === "ok" && !pending, pending, submit };
}

function FieldError({ message }: { message?: string }) {
  return message ? <span className="field-error">{message}</span> : null;
}

/** The office records a leader's instruction (领导批示) on a published item. */
export function InstructionForm({ itemId, today }: { itemId: number; today: string }) {
  const t = useTranslations("recognition");
  const uid = useId();
  const [leader, setLeader] = useState("");
  const [level, setLevel] = useState<(typeof INSTRUCTION_LEVELS)[number]>("provincial");
  const [date, setDate] = useState(today);
  const [text, setText] = useState("");
  const { errors, error, done, pending, submit } = useSubmit();
  return (
    <form
      className="form card"
      noValidate
      aria-label={t("record")}
      onSubmit={(e) => {
        e.preventDefault();
        void submit(
          () => recordInstructionAction({ itemId, leader, level, date, text }),
          () => {
            setLeader("");
            setText("");
          },
        );
      }}
    >
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${uid}-leader`}>{t("leader")}</label>
          <input id={`${uid}-leader`} value={leader} onChange={(e) => setLeader(e.target.value)} aria-invalid={errors.leader ? true : undefined} />
          <FieldError message={errors.leader} />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-level`}>{t("level")}</label>
          <select id={`${uid}-level`} value={level} onChange={(e) => setLevel(e.target.value as typeof level)}>
            {INSTRUCTION_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`levels.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${uid}-date`}>{t("date")}</label>
          <input id={`${uid}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-invalid={errors.date ? true : undefined} />
          <FieldError message={errors.date} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${uid}-text`}>{t("text")}</label>
        <textarea id={`${uid}-text`} rows={3} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={errors.text ? true : undefined} />
        <FieldError message={errors.text} />
      </div>
      <FormFooter submit={t("record")} pending={pending} error={error} status={done ? t("saved") : null} />
    </form>
  );
}

/** The office records that a published item was forwarded (转报), and whether the higher level used it. */
export function ForwardForm({ itemId, today }: { itemId: number; today: string }) {
  const t = useTranslations("recognition");
  const uid = useId();
  const [target, setTarget] = useState("");
  const [date, setDate] = useState(today);
  const [used, setUsed] = useState(false);
  const [usedDate, setUsedDate] = useState("");
  const { errors, error, done, pending, submit } = useSubmit();
  return (
    <form
      className="form card"
      noValidate
      aria-label={t("recordForward")}
      onSubmit={(e) => {
        e.preventDefault();
        void submit(() => recordForwardAction({ itemId, target, date, used, usedDate: used ? usedDate : "" }));
      }}
    >
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${uid}-target`}>{t("target")}</label>
          <input id={`${uid}-target`} value={target} onChange={(e) => setTarget(e.target.value)} aria-invalid={errors.target ? true : undefined} />
          <FieldError message={errors.target} />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-date`}>{t("forwardDate")}</label>
          <input id={`${uid}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-invalid={errors.date ? true : undefined} />
          <FieldError message={errors.date} />
        </div>
        <label className="field">
          <span>
            <input type="checkbox" checked={used} onChange={(e) => setUsed(e.target.checked)} /> {t("used")}
          </span>
        </label>
        {used && (
          <div className="field">
            <label htmlFor={`${uid}-used`}>{t("usedDate")}</label>
            <input id={`${uid}-used`} type="date" value={usedDate} onChange={(e) => setUsedDate(e.target.value)} aria-invalid={errors.usedDate ? true : undefined} />
            <FieldError message={errors.usedDate} />
          </div>
        )}
      </div>
      <FormFooter submit={t("recordForward")} pending={pending} error={error} status={done ? t("saved") : null} />
    </form>
  );
}

/** Deletes a mistaken instruction or forward record. */
export function RemoveRecognition({ kind, id }: { kind: "instruction" | "forward"; id: number }) {
  const t = useTranslations("recognition");
  const { error, pending, submit } = useSubmit();
  return (
    <>
      {" "}
      <button type="button" disabled={pending} onClick={() => void submit(() => (kind === "instruction" ? removeInstructionAction({ id }) : removeForwardAction({ id })))}>
        {t("remove")}
      </button>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </>
  );
}

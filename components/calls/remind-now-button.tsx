"use client";

import { useTranslations } from "next-intl";
import { closeCallAction, remindNowAction } from "@/app/actions/calls";
import { outcomeLine, useFormAction } from "@/components/ui/use-form-action";

/** 催报: reminds the units that have sent nothing for the call (or the issue's 截稿), now. */
export function RemindNowButton({ target }: { target: { callId: number } | { issueId: number } }) {
  const t = useTranslations("calls");
  const { run, pending, ...state } = useFormAction(remindNowAction, { refresh: true });
  const message = outcomeLine(state, () => (state.data?.units ? t("reminded", { count: state.data.units }) : t("remindedNone")));
  const onClick = () => void run(target);
  return (
    <span className="inline-action">
      <button type="button" onClick={onClick} disabled={pending} title={t("remindNowHint")} data-testid="remind-now">
        {t("remindNow")}
      </button>
      {message && (
        <span role={message.ok ? "status" : "alert"} className={message.ok ? "ok" : "error"}>
          {" "}
          {message.text}
        </span>
      )}
    </span>
  );
}

/** Closes a call early: no more reminders, no longer offered to the units. */
export function CloseCallButton({ callId }: { callId: number }) {
  const t = useTranslations("calls");
  const { run, error } = useFormAction(closeCallAction, { refresh: true });
  return (
    <span>
      <button type="button" onClick={() => void run({ callId })}>
        {t("close")}
      </button>
      {error && <span role="alert" className="error"> {error}</span>}
    </span>
  );
}

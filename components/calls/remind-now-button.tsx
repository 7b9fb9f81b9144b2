"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { closeCallAction, remindNowAction } from "@/app/actions/calls";

/** 催报: reminds the units that have sent nothing for the call (or the issue's 截稿), now. */
export function RemindNowButton({ target }: { target: { callId: number } | { issueId: number } }) {
  const t = useTranslations("calls");
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  async function onClick() {
    setPending(true);
    const res = await remindNowAction(target);
    setPending(false);
    if ("error" in res) return setMessage({ ok: false, text: res.error });
    setMessage({ ok: true, text: res.data.units ? t("reminded", { count: res.data.units }) : t("remindedNone") });
    router.refresh();
  }
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
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <span>
      <button
        type="button"
        onClick={async () => {
          const res = await closeCallAction({ callId });
          if ("error" in res) setError(res.error);
          else router.refresh();
        }}
      >
        {t("close")}
      </button>
      {error && <span role="alert" className="error"> {error}</span>}
    </span>
  );
}

"use client";

import { useRef, useState } from "react";
import { ConfirmDialog } from "@/components/review/confirm-button";

interface Props {
  /** The button that asks first (撤回稿件, 删除草稿). */
  label: string;
  /** A line beside the button, saying what the action means. */
  hint?: string;
  confirmTitle: string;
  confirmText: string;
  confirmLabel: string;
  cancelLabel: string;
  /** Shown when the request does not reach the server. */
  offlineText: string;
  /** The server action; `{ error }` is shown as it comes (a Chinese sentence). */
  run: () => Promise<{ error: string } | { data: unknown }>;
  onDone: () => void;
  className?: string;
}

/**
 * A button for an action that cannot be taken back: it asks in a modal alert dialog (ConfirmDialog) naming what will
 * happen, runs the action on 确定, and shows a refusal or a lost connection without changing
 * anything. Used by 撤回稿件 and 删除草稿.
 */
export function ConfirmAction({ label, hint, confirmTitle, confirmText, confirmLabel, cancelLabel, offlineText, run, onDone, className }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  async function go() {
    setPending(true);
    setError(null);
    try {
      const res = await run();
      if ("error" in res) setError(res.error);
      else {
        setConfirming(false);
        onDone();
      }
    } catch {
      setError(offlineText);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className={className} role="group" aria-label={label}>
      <div className="buttons">
        <button ref={trigger} type="button" className={hint ? undefined : "danger"} onClick={() => setConfirming(true)}>
          {label}
        </button>
        {hint && <span className="hint">{hint}</span>}
      </div>
      {confirming && (
        <ConfirmDialog
          title={confirmTitle}
          question={confirmText}
          label={confirmLabel}
          cancelLabel={cancelLabel}
          className="danger"
          disabled={pending}
          onConfirm={go}
          onCancel={() => {
            setConfirming(false);
            setError(null);
            trigger.current?.focus();
          }}
        >
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
        </ConfirmDialog>
      )}
      {error && !confirming && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}

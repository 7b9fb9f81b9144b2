"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";

/**
 * An in-place confirmation (role="alertdialog"): the question naming the issue and what follows
 * (`question`, a whole Chinese sentence), the action's own button (focused when it opens, so Enter
 * or Space confirms) and 取消; Escape cancels too. Used by ConfirmButton and by forms that ask
 * before they submit (登记印发).
 */
export function ConfirmDialog({
  question,
  label,
  className,
  disabled,
  onConfirm,
  onCancel,
}: {
  question: string;
  label: string;
  className?: string;
  disabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("confirm");
  const uid = useId();
  return (
    <div
      role="alertdialog"
      aria-labelledby={`${uid}-q`}
      className="confirm"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <p id={`${uid}-q`}>{question}</p>
      <div className="buttons">
        <button type="button" className={className} disabled={disabled} autoFocus onClick={onConfirm}>
          {label}
        </button>
        <button type="button" onClick={onCancel}>
          {t("cancel")}
        </button>
      </div>
    </div>
  );
}

/**
 * A button for a consequential action (送审, 重新打开): it first asks in place (ConfirmDialog)
 * with `question`; null acts at once. After 取消 (or Escape) the focus is back on the button.
 */
export function ConfirmButton({
  label,
  question,
  onConfirm,
  className,
  disabled,
}: {
  label: string;
  question: string | null;
  onConfirm: () => void;
  className?: string;
  disabled?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  // Set on 取消: the button, mounted again, takes the focus back.
  const refocus = useRef(false);
  if (!asking || !question)
    return (
      <button ref={(el) => refocusOnMount(el, refocus)} type="button" className={className} disabled={disabled} onClick={() => (question ? setAsking(true) : onConfirm())}>
        {label}
      </button>
    );
  return (
    <ConfirmDialog
      question={question}
      label={label}
      className={className}
      disabled={disabled}
      onConfirm={() => {
        setAsking(false);
        onConfirm();
      }}
      onCancel={() => {
        refocus.current = true;
        setAsking(false);
      }}
    />
  );
}

/** A ref callback: focuses `el` once when `flag` is set (after a dialog that replaced it closes). */
export function refocusOnMount(el: HTMLElement | null, flag: { current: boolean }) {
  if (el && flag.current) {
    flag.current = false;
    el.focus();
  }
}

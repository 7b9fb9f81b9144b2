"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";

/**
 * A modal confirmation: a native `<dialog>` opened with `showModal()` (role="alertdialog"), so the
 * browser keeps Tab inside it and the page behind is inert under its backdrop. It shows the
 * question naming the issue and what follows (`question`, a whole Chinese sentence), any extra
 * lines (`children`, e.g. the fingerprint being approved), the action's own button (focused when it
 * opens, so Enter or Space confirms) and 取消; Escape cancels too. The host mounts it while asking
 * and unmounts it on `onConfirm` / `onCancel`; on cancel the host puts the focus back on the button
 * that opened it. Used by ConfirmButton, the review form and forms that ask before they submit
 * (登记印发).
 */
export function ConfirmDialog({
  question,
  label,
  className,
  disabled,
  onConfirm,
  onCancel,
  children,
  title,
  cancelLabel,
}: {
  question: string;
  label: string;
  className?: string;
  disabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children?: React.ReactNode;
  /** A heading that names the dialog (else the question does). */
  title?: string;
  /** The cancel button's text (else 取消 from the "confirm" messages). */
  cancelLabel?: string;
}) {
  const t = useTranslations("confirm");
  const uid = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    confirmRef.current?.focus();
    // Unmounted while open (confirmed, or the page changed): leave the top layer.
    return () => {
      if (dialog.open) dialog.close();
    };
  }, []);
  // Leave the top layer first, so the page is no longer inert when the host moves the focus.
  const close = (then: () => void) => () => {
    ref.current?.close();
    then();
  };
  const cancel = close(onCancel);
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={title ? `${uid}-h` : `${uid}-q`}
      aria-describedby={title ? `${uid}-q` : undefined}
      className="confirm"
      onKeyDown={(e) => wrapTab(e, ref.current)}
      onCancel={(e) => {
        // Escape: the host decides (it unmounts the dialog and restores the focus).
        e.preventDefault();
        cancel();
      }}
    >
      {title && <h2 id={`${uid}-h`}>{title}</h2>}
      <p id={`${uid}-q`}>{question}</p>
      {children}
      <div className="buttons">
        <button ref={confirmRef} type="button" className={className} disabled={disabled} onClick={onConfirm}>
          {label}
        </button>
        <button type="button" onClick={cancel}>
          {cancelLabel ?? t("cancel")}
        </button>
      </div>
    </dialog>
  );
}

/**
 * A button for a consequential action (送审, 重新打开): it first asks in a modal ConfirmDialog
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
  const trigger = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button ref={trigger} type="button" className={className} disabled={disabled} onClick={() => (question ? setAsking(true) : onConfirm())}>
        {label}
      </button>
      {asking && question && (
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
            setAsking(false);
            trigger.current?.focus();
          }}
        />
      )}
    </>
  );
}

/**
 * Keeps Tab cycling inside `dialog`: from its last enabled button Tab goes to the first, and
 * Shift+Tab from the first to the last (the modal's inert page already keeps Tab off the page; this
 * also keeps it off the browser's own toolbar).
 */
export function wrapTab(e: React.KeyboardEvent, dialog: HTMLElement | null) {
  if (e.key !== "Tab" || !dialog) return;
  const stops = [...dialog.querySelectorAll<HTMLElement>("button:not([disabled]), a[href], input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex='-1'])")];
  if (stops.length === 0) return;
  const first = stops[0];
  const last = stops[stops.length - 1];
  const at = document.activeElement;
  if (!e.shiftKey && at === last) {
    e.preventDefault();
    first.focus();
  } else if (e.shiftKey && at === first) {
    e.preventDefault();
    last.focus();
  }
}

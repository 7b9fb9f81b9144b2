"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";

/**
 * A button for an action that voids an approval (送审 again, 重新打开): it first asks, in place,
 * with the consequence spelled out (`confirm`, a key under "signoff"); null acts at once.
 */
export function ConfirmButton({
  label,
  confirm,
  onConfirm,
  className,
  disabled,
}: {
  label: string;
  confirm: "resendConfirm" | "reopenConfirm" | null;
  onConfirm: () => void;
  className?: string;
  disabled?: boolean;
}) {
  const t = useTranslations("signoff");
  const uid = useId();
  const [asking, setAsking] = useState(false);
  if (!asking || !confirm)
    return (
      <button type="button" className={className} disabled={disabled} onClick={() => (confirm ? setAsking(true) : onConfirm())}>
        {label}
      </button>
    );
  return (
    <div role="alertdialog" aria-labelledby={`${uid}-q`} className="confirm">
      <p id={`${uid}-q`}>{t(confirm)}</p>
      <div className="buttons">
        <button
          type="button"
          className={className}
          disabled={disabled}
          autoFocus
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          {label}
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          {t("cancel")}
        </button>
      </div>
    </div>
  );
}

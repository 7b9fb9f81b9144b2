"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { withdrawItemAction } from "@/app/(contributor)/items/actions";

/**
 * 撤回: takes a submitted item back to a draft, after saying what that means — and, when the editor
 * has edited it, that the draft will hold the editor's text while the unit's original is kept.
 */
export function WithdrawButton({ id, version, editedByDesk = false }: { id: number; version: number; editedByDesk?: boolean }) {
  const t = useTranslations("withdraw");
  const tw = useTranslations("deskEdits");
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function withdraw() {
    setPending(true);
    setError(null);
    try {
      const res = await withdrawItemAction({ id, version });
      if ("error" in res) setError(res.error);
      else {
        setConfirming(false);
        router.refresh();
      }
    } catch {
      setError(t("offline"));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="card" role="group" aria-label={t("button")}>
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-label={t("confirmTitle")}>
          <p>{editedByDesk ? tw("withdrawConfirm") : t("confirm")}</p>
          <div className="buttons">
            <button type="button" className="danger" disabled={pending} onClick={withdraw}>
              {t("confirmButton")}
            </button>
            <button type="button" disabled={pending} onClick={() => setConfirming(false)}>
              {t("cancel")}
            </button>
          </div>
        </div>
      ) : (
        <div className="buttons">
          <button type="button" onClick={() => setConfirming(true)}>
            {t("button")}
          </button>
          <span className="hint">{t("hint")}</span>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}

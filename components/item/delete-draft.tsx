"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { deleteDraftAction } from "@/app/actions/items-delete";

/**
 * 删除草稿: deletes a draft the unit has never submitted, after a confirmation naming it. The
 * server checks unit and state again (lib/data/item-delete.ts) and refuses in Chinese otherwise.
 */
export function DeleteDraftButton({ itemId, title, version, onDeleted }: { itemId: number; title: string; version: () => number; onDeleted: () => void }) {
  const t = useTranslations("deleteDraft");
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setPending(true);
    setError(null);
    try {
      const res = await deleteDraftAction({ id: itemId, version: version() });
      if ("error" in res) setError(res.error);
      else onDeleted();
    } catch {
      setError(t("offline"));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="delete-draft" role="group" aria-label={t("button")}>
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-label={t("confirmTitle")}>
          <p>{t("confirm", { title: title.trim() || t("untitled") })}</p>
          <div className="buttons">
            <button type="button" className="danger" disabled={pending} onClick={remove}>
              {t("confirmButton")}
            </button>
            <button type="button" disabled={pending} onClick={() => setConfirming(false)}>
              {t("cancel")}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="danger" onClick={() => setConfirming(true)} title={t("hint")}>
          {t("button")}
        </button>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { withdrawItemAction } from "@/app/actions/items";
import { ConfirmAction } from "./confirm-action";

/**
 * 撤回: takes a submitted item back to a draft, after saying what that means — and, when the editor
 * has edited it, that the draft will hold the editor's text while the unit's original is kept.
 */
export function WithdrawButton({ id, version, editedByDesk = false }: { id: number; version: number; editedByDesk?: boolean }) {
  const t = useTranslations("withdraw");
  const tw = useTranslations("deskEdits");
  const router = useRouter();
  return (
    <ConfirmAction
      className="card"
      label={t("button")}
      hint={t("hint")}
      confirmTitle={t("confirmTitle")}
      confirmText={editedByDesk ? tw("withdrawConfirm") : t("confirm")}
      confirmLabel={t("confirmButton")}
      cancelLabel={t("cancel")}
      offlineText={t("offline")}
      run={() => withdrawItemAction({ id, version })}
      onDone={() => router.refresh()}
    />
  );
}

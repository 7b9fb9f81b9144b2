"use client";

import { useTranslations } from "next-intl";
import { deleteDraftAction } from "@/app/actions/items-delete";
import { ConfirmAction } from "./confirm-action";

/**
 * 删除草稿: deletes a draft the unit has never submitted, after a confirmation naming it. The
 * server checks unit and state again (lib/data/item-delete.ts) and refuses in Chinese otherwise.
 */
export function DeleteDraftButton({ itemId, title, version, onDeleted }: { itemId: number; title: string; version: () => number; onDeleted: () => void }) {
  const t = useTranslations("deleteDraft");
  return (
    <ConfirmAction
      className="delete-draft"
      label={t("button")}
      confirmTitle={t("confirmTitle")}
      confirmText={t("confirm", { title: title.trim() || t("untitled") })}
      confirmLabel={t("confirmButton")}
      cancelLabel={t("cancel")}
      offlineText={t("offline")}
      run={() => deleteDraftAction({ id: itemId, version: version() })}
      onDone={onDeleted}
    />
  );
}

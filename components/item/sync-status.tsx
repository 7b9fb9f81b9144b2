"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { Sync } from "./use-draft-sync";
import styles from "./item-form.module.css";

/** 已保存 / 正在保存… / 网络断开…: where the draft stands, with 重试 when it can help. */
export function SyncStatus({ id, sync, onRetry }: { id: string; sync: Sync; onRetry: () => void }) {
  const tf = useTranslations("itemForm");
  const format = useFormatter();
  let text: string;
  switch (sync.kind) {
    case "clean":
      text = tf("sync.clean");
      break;
    case "pending":
      text = tf("sync.pending");
      break;
    case "saving":
      text = tf("sync.saving");
      break;
    case "saved":
      text = sync.at ? tf("sync.savedAt", { time: format.dateTime(new Date(sync.at), { timeStyle: "short" }) }) : tf("sync.saved");
      break;
    case "offline":
      text = tf("sync.offline");
      break;
    case "refused":
      text = tf("sync.refused", { message: sync.message });
      break;
    case "conflict":
      text = tf("sync.conflict");
      break;
    case "locked":
      text = sync.message;
      break;
  }
  return (
    <div id={id} className={styles.sync} data-state={sync.kind} data-testid="save-state" role="status" aria-live="polite">
      <span className={styles.dot} aria-hidden="true" />
      <span>{text}</span>
      {(sync.kind === "offline" || sync.kind === "refused") && (
        <button type="button" className={styles.small} onClick={onRetry}>
          {tf("retry")}
        </button>
      )}
    </div>
  );
}

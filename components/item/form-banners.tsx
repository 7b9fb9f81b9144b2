"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { LocalCopy } from "./local-copy";
import styles from "./item-form.module.css";

/** 本机保存有一份…: offers back a copy kept in this browser that the server does not have. */
export function RestoreBanner({ copy, onRestore, onDiscard }: { copy: LocalCopy; onRestore: () => void; onDiscard: () => void }) {
  const tf = useTranslations("itemForm");
  const format = useFormatter();
  return (
    <div className={styles.banner} role="status" data-testid="restore-banner">
      <span>{tf("restoreOffer", { time: format.dateTime(new Date(copy.at), { dateStyle: "medium", timeStyle: "short" }) })}</span>
      <span className={styles.bannerButtons}>
        <button type="button" className="primary" onClick={onRestore}>
          {tf("restore")}
        </button>
        <button type="button" onClick={onDiscard}>
          {tf("discardLocal")}
        </button>
      </span>
    </div>
  );
}

/** A one-line notice with 知道了. */
export function NoticeBanner({ text, onDismiss }: { text: string; onDismiss: () => void }) {
  const tf = useTranslations("itemForm");
  return (
    <div className={styles.banner} role="status">
      <span>{text}</span>
      <button type="button" className={styles.small} onClick={onDismiss}>
        {tf("dismiss")}
      </button>
    </div>
  );
}

"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useRef } from "react";
import type { LatestItem } from "@/lib/data/items";
import { charDiff, hasChanges } from "@/lib/editor/diff";
import { docToPlainText } from "@/lib/editor/schema";
import type { ItemFormValues } from "./item-form";
import { TextDiff } from "./text-diff";
import styles from "./item-form.module.css";

/**
 * The draft was saved somewhere else (another tab, another computer) since this page loaded.
 * Nothing is overwritten silently: the person sees what differs and chooses.
 */
export function ConflictDialog({ latest, mine, onKeepMine, onTakeTheirs }: { latest: LatestItem; mine: ItemFormValues; onKeepMine: () => void; onTakeTheirs: () => void }) {
  const t = useTranslations("conflict");
  const format = useFormatter();
  const uid = useId();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
  }, []);
  const title = charDiff(latest.fields.title, mine.title);
  const body = charDiff(docToPlainText(latest.fields.body), docToPlainText(mine.body));
  const other = hasChanges(title) || hasChanges(body);
  return (
    <dialog ref={ref} className={styles.dialog} role="alertdialog" aria-labelledby={`${uid}-h`} aria-describedby={`${uid}-d`} onCancel={(e) => e.preventDefault()} data-testid="conflict-dialog">
      <h2 id={`${uid}-h`}>{t("title")}</h2>
      <p id={`${uid}-d`}>
        {t("body", { by: latest.by || t("someone"), time: format.dateTime(new Date(latest.updatedAt), { dateStyle: "medium", timeStyle: "short" }) })}
      </p>
      {other ? (
        <>
          <p className="hint">{t("diffHint")}</p>
          {hasChanges(title) && <TextDiff parts={title} label={t("titleDiff")} />}
          {hasChanges(body) && <TextDiff parts={body} label={t("bodyDiff")} />}
        </>
      ) : (
        <p className="hint">{t("sameText")}</p>
      )}
      <div className="buttons">
        <button
          type="button"
          className="primary"
          onClick={() => {
            ref.current?.close();
            onKeepMine();
          }}
        >
          {t("keepMine")}
        </button>
        <button
          type="button"
          onClick={() => {
            ref.current?.close();
            onTakeTheirs();
          }}
        >
          {t("takeTheirs")}
        </button>
      </div>
    </dialog>
  );
}

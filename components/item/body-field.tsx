"use client";

import type { Editor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { RichTextEditor } from "@/components/editor/rich-text-editor";
import type { PasteReport } from "@/lib/editor/paste";
import type { RichDoc } from "@/lib/editor/schema";
import { GUIDE, lengthBand } from "@/lib/item/form-values";
import type { Fields } from "./form-field";
import styles from "./item-form.module.css";

/** What a paste kept and dropped. */
function PasteNotice({ report, onDismiss }: { report: PasteReport; onDismiss: () => void }) {
  const tf = useTranslations("itemForm");
  return (
    <div className={styles.pasteNotice} role="status" data-testid="paste-notice">
      <p>
        {tf("pasteKept")}
        {report.formatting && tf("pasteFormattingDropped")}
        {report.links > 0 && tf("pasteLinks", { count: report.links })}
      </p>
      {report.images > 0 && <p className={styles.warn}>{tf("pasteImages", { count: report.images })}</p>}
      {report.tables > 0 && <p className={styles.warn}>{tf("pasteTables", { count: report.tables })}</p>}
      {report.notices.map((n) => (
        <p key={n} className={styles.warn} data-testid="paste-notice-item">
          {n}
        </p>
      ))}
      <button type="button" className={styles.small} onClick={onDismiss}>
        {tf("dismiss")}
      </button>
    </div>
  );
}

/** 正文: the editor, the paste notice and the 字数 meter. */
export function BodyField({
  uid,
  fields,
  editorKey,
  body,
  chars,
  invalid,
  onReady,
  onChange,
}: {
  uid: string;
  fields: Fields;
  editorKey: number;
  body: RichDoc;
  chars: number;
  invalid: boolean;
  onReady: (editor: Editor) => void;
  onChange: (body: RichDoc, chars: number) => void;
}) {
  const t = useTranslations("item");
  const tf = useTranslations("itemForm");
  const [pasteReport, setPasteReport] = useState<PasteReport | null>(null);
  const band = lengthBand(chars);
  return (
    <div className="field">
      <span id={`${uid}-body-label`} className="label">
        {t("body")}
      </span>
      <RichTextEditor
        key={editorKey}
        id={`${uid}-body`}
        value={body}
        labelledBy={`${uid}-body-label`}
        describedBy={`${uid}-chars ${uid}-body-hint`}
        invalid={invalid}
        onReady={onReady}
        onPaste={(r) => setPasteReport(r)}
        onChange={onChange}
      />
      <span id={`${uid}-body-hint`} className="hint">
        {tf("bodyHint")}
      </span>
      {pasteReport && <PasteNotice report={pasteReport} onDismiss={() => setPasteReport(null)} />}
      {fields.errorFor("body")}
      <div id={`${uid}-chars`} className={styles.length} data-band={band}>
        <span data-testid="char-count" aria-live="polite">
          {t("chars", { count: chars })}
        </span>
        <span className={styles.meter} aria-hidden="true">
          <span className={styles.meterBand} />
          <span className={styles.meterFill} style={{ width: `${Math.min(100, (chars / GUIDE.tooLong) * 100)}%` }} />
        </span>
        <span className="hint">{tf(`length.${band}`, { short: GUIDE.short, long: GUIDE.long })}</span>
      </div>
    </div>
  );
}

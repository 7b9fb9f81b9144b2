"use client";

import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { useEffect, useId, useRef, useState } from "react";
import type { DocxImport } from "@/lib/import/docx";
import styles from "./item-form.module.css";

const MAX_BYTES = 10 * 1024 * 1024;

// The preview after an upload is loaded then, not with the form (it brings the document schema).
const DocxPreviewBody = dynamic(() => import("./docx-preview").then((m) => m.DocxPreviewBody), { ssr: false });

/**
 * 从 Word 导入: uploads a .docx, shows what was read, and fills the form only when the person says
 * so. A wrong, oversized or broken file gets a message and changes nothing.
 */
export function DocxImportButton({ hasContent, onApply }: { hasContent: boolean; onApply: (data: DocxImport) => void }) {
  const t = useTranslations("docxImport");
  const uid = useId();
  const input = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ name: string; data: DocxImport } | null>(null);

  useEffect(() => {
    if (preview && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [preview]);

  async function upload(file: File) {
    setError(null);
    // .doc and .wps go to the server too: it converts them when LibreOffice is installed.
    if (!/\.(docx|doc|wps)$/i.test(file.name)) {
      setError(/\.rtf$/i.test(file.name) ? t("errors.legacy_doc") : t("errors.not_docx"));
      return;
    }
    if (file.size > MAX_BYTES) {
      setError(t("errors.too_large", { max: MAX_BYTES / 1024 / 1024 }));
      return;
    }
    setBusy(true);
    try {
      const form = new FormData();
      form.append("file", file);
      const res = await fetch("/api/items/import-docx", { method: "POST", body: form });
      const json = (await res.json().catch(() => null)) as { data?: DocxImport; error?: string } | null;
      if (!res.ok || !json?.data) setError(json?.error ?? t("errors.corrupt"));
      else setPreview({ name: file.name, data: json.data });
    } catch {
      setError(t("errors.network"));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  }

  function close() {
    dialog.current?.close();
    setPreview(null);
  }

  const r = preview?.data.report;
  return (
    <div className={styles.importBox}>
      <button
        type="button"
        className={styles.importButton}
        aria-busy={busy}
        disabled={busy}
        aria-describedby={`${uid}-hint${error ? ` ${uid}-error` : ""}`}
        onClick={() => input.current?.click()}
      >
        {busy ? t("reading") : t("button")}
      </button>
      <input
        ref={input}
        id={`${uid}-file`}
        type="file"
        hidden
        tabIndex={-1}
        aria-label={t("button")}
        accept=".docx,.doc,.wps,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/msword"
        disabled={busy}
        data-testid="docx-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void upload(f);
        }}
      />
      <span id={`${uid}-hint`} className="hint">
        {t("hint")}
      </span>
      {error && (
        <p id={`${uid}-error`} role="alert" className={`error ${styles.importError}`} data-testid="docx-error">
          {error}
        </p>
      )}
      {preview && r && (
        <dialog ref={dialog} className={styles.dialog} aria-labelledby={`${uid}-preview-title`} onCancel={close} data-testid="docx-preview">
          <h2 id={`${uid}-preview-title`}>{t("previewTitle", { name: preview.name })}</h2>
          <dl className="meta">
            <dt>{t("title")}</dt>
            <dd data-testid="docx-preview-title">{preview.data.title ?? <span className="hint">{t("noTitle")}</span>}</dd>
            {preview.data.source && (
              <>
                <dt>{t("source")}</dt>
                <dd>{preview.data.source}</dd>
              </>
            )}
            {(preview.data.contactName || preview.data.contactPhone) && (
              <>
                <dt>{t("contact")}</dt>
                <dd>
                  {preview.data.contactName} {preview.data.contactPhone}
                </dd>
              </>
            )}
            <dt>{t("size")}</dt>
            <dd>{t("sizeValue", { paragraphs: r.paragraphs, chars: r.chars })}</dd>
          </dl>
          <ul className={styles.notices}>
            {r.images > 0 && <li>{t("imagesDropped", { count: r.images })}</li>}
            {r.tables > 0 && <li>{t("tablesFlattened", { count: r.tables })}</li>}
            {preview.data.notices
              .filter((n) => !/张图片|个表格已按行/.test(n) || !(r.images || r.tables))
              .map((n) => (
                <li key={n} data-testid="docx-notice">
                  {n}
                </li>
              ))}
            <li>{t("formattingKept")}</li>
          </ul>
          <div className={styles.previewBody}>
            <DocxPreviewBody body={preview.data.body} />
          </div>
          {hasContent && (
            <p className="note" role="note">
              {t("replaceWarning")}
            </p>
          )}
          <div className="buttons">
            <button
              type="button"
              className="primary"
              onClick={() => {
                onApply(preview.data);
                close();
              }}
            >
              {t("apply")}
            </button>
            <button type="button" onClick={close}>
              {t("cancel")}
            </button>
          </div>
        </dialog>
      )}
    </div>
  );
}

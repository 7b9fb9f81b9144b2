"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { importArchiveAction, parseUploadAction } from "@/app/actions/import";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ImportReport } from "@/db/import-issue";
import type { BulletinDocument, BulletinItem } from "@/lib/bulletin/document";
import { calendarDay } from "@/lib/i18n/dates";

type Parsed = Extract<Awaited<ReturnType<typeof parseUploadAction>>, { data: unknown }>["data"];
type Report = Pick<ImportReport, "issueId" | "year" | "number" | "items" | "unitsCreated" | "tocUnmatched" | "totalOrder">;

const toLines = (item: BulletinItem) => item.paragraphs.map((p) => p.map((r) => r.text).join("")).join("\n");
const fromLines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => [{ text: l }]);

/**
 * Upload a past issue (.txt or .docx), check what the parser made of it beside the source, fix the
 * masthead and any mis-split title or paragraph, then import it into the archive.
 */
export function ArchiveImport() {
  const t = useTranslations("archive");
  const format = useFormatter();
  const formatDate = (iso: string) => calendarDay(format, iso);
  const tErrors = useTranslations("errors");
  const uid = useId();
  const tb = useTranslations("archiveBatch");
  const [source, setSource] = useState<{ text: string; fileName: string } | null>(null);
  const [dropped, setDropped] = useState<{ text: string; reason: string }[]>([]);
  const [readNotices, setReadNotices] = useState<string[]>([]);
  const [doc, setDoc] = useState<BulletinDocument | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  // One hook for both steps (read the upload, import the checked document): the form shows the last one's refusal.
  const step = useFormAction<{ file: File } | { acceptTitle: boolean; doc: BulletinDocument; fileName: string }, Parsed | Report>((s) =>
    "file" in s ? parseUploadAction({ file: s.file }) : importArchiveAction({ doc: { ...s.doc, draft: false }, fileName: s.fileName, ...(s.acceptTitle ? { acceptTitle: true } : {}) }),
  );
  const pending = step.pending;
  const error = localError ?? step.fieldErrors.file ?? step.error;
  // A masthead title other than the publication's asks the office to confirm first.
  const titleToConfirm = Boolean(step.fieldErrors.acceptTitle);

  async function onFile(e: React.ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    // The server refuses anything bigger (lib/import/zip-guard.ts ZIP_LIMITS, 413 above 6 MB): say so before sending it.
    if (file.size > 5 * 1024 * 1024) return setLocalError(tErrors("upload_too_large"));
    setLocalError(null);
    setReport(null);
    const data = (await step.run({ file })) as Parsed | null;
    if (!data) return;
    setSource({ text: data.text, fileName: data.fileName });
    setDropped(data.dropped);
    setReadNotices(data.notices);
    setDoc(data.doc);
  }

  async function onImport(acceptTitle = false) {
    if (!doc || !source) return;
    setLocalError(null);
    const data = (await step.run({ doc, fileName: source.fileName, acceptTitle })) as Report | null;
    if (data) setReport(data);
  }

  const m = doc?.masthead;
  const setMasthead = (key: keyof BulletinDocument["masthead"], value: string) =>
    setDoc((d) => d && { ...d, masthead: { ...d.masthead, [key]: key === "year" || key === "number" || key === "totalNumber" ? Number(value) : value } });
  const setItem = (si: number, ii: number, patch: Partial<BulletinItem>) =>
    setDoc((d) => d && { ...d, sections: d.sections.map((s, a) => (a !== si ? s : { ...s, items: s.items.map((it, b) => (b !== ii ? it : { ...it, ...patch })) })) });
  const removeItem = (si: number, ii: number) =>
    setDoc((d) => d && { ...d, sections: d.sections.map((s, a) => (a !== si ? s : { ...s, items: s.items.filter((_, b) => b !== ii) })) });

  return (
    <div>
      <div className="card form">
        <label htmlFor={`${uid}-file`}>{t("file")}</label>
        <input id={`${uid}-file`} type="file" accept=".txt,.docx,.md,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document" onChange={onFile} disabled={pending} />
        <span className="hint">{t("fileHint")}</span>
        {pending && <p role="status">{t("working")}</p>}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {titleToConfirm && (
          <button type="button" onClick={() => void onImport(true)} disabled={pending}>
            {tb("acceptTitleImport")}
          </button>
        )}
      </div>
      {report && (
        <p role="status" className="ok" data-testid="import-report">
          {t("done", { year: report.year, number: report.number, items: report.items })}
          {report.unitsCreated.length > 0 && ` ${t("unitsCreated", { units: report.unitsCreated.join("、") })}`}
          {report.tocUnmatched.length > 0 && ` ${t("tocUnmatched", { lines: report.tocUnmatched.join("；") })}`}
        </p>
      )}
      {report?.totalOrder && (
        <p role="alert" className="error" data-testid="import-total-order">
          {t("totalOrder", {
            earlierTotal: report.totalOrder.earlier.total,
            earlierDate: formatDate(report.totalOrder.earlier.date),
            laterTotal: report.totalOrder.later.total,
            laterDate: formatDate(report.totalOrder.later.date),
          })}
          {report.totalOrder.more > 0 && ` ${t("totalOrderMore", { count: report.totalOrder.more })}`}
        </p>
      )}
      {doc && m && source && !report && (
        <div className="arrange">
          <section aria-label={t("source")}>
            <h2>{t("source")}</h2>
            <pre className="text-preview">{source.text}</pre>
            {readNotices.map((n) => (
              <p key={n} className="hint" data-testid="read-notice">
                {n}
              </p>
            ))}
            {dropped.length > 0 && (
              <details data-testid="dropped-lines" open>
                <summary>{tb("dropped", { count: dropped.length })}</summary>
                <ul>
                  {dropped.map((d, k) => (
                    <li key={k}>
                      <span className="hint">{d.reason}</span>　{d.text}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </section>
          <section aria-label={t("parsed")}>
            <h2>{t("parsed")}</h2>
            <div className="card field-row">
              {(["title", "office"] as const).map((k) => (
                <label key={k} className="field">
                  {t(`masthead.${k}`)}
                  <input value={m[k]} onChange={(e) => setMasthead(k, e.target.value)} />
                </label>
              ))}
              {(["year", "number", "totalNumber"] as const).map((k) => (
                <label key={k} className="field">
                  {t(`masthead.${k}`)}
                  <input type="number" value={m[k] || ""} onChange={(e) => setMasthead(k, e.target.value)} />
                </label>
              ))}
              <label className="field">
                {t("masthead.date")}
                <input type="date" value={m.date} onChange={(e) => setMasthead("date", e.target.value)} />
              </label>
            </div>
            {doc.toc.length > 0 && (
              <div className="card">
                <h3>{t("toc")}</h3>
                <ul>
                  {doc.toc.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              </div>
            )}
            {doc.sections.map((s, si) => (
              <div key={si} className="card">
                <h3>{s.title ? `【${s.title}】` : t("lead")}</h3>
                {s.items.map((it, ii) => (
                  <fieldset key={ii} className="import-item">
                    <legend className="sr-only">{it.title}</legend>
                    <label>
                      {t("itemTitle")}
                      <input value={it.title} onChange={(e) => setItem(si, ii, { title: e.target.value })} />
                    </label>
                    <label>
                      {t("paragraphs")}
                      <textarea rows={Math.min(12, it.paragraphs.length + 2)} value={toLines(it)} onChange={(e) => setItem(si, ii, { paragraphs: fromLines(e.target.value) })} />
                    </label>
                    <label>
                      {t("itemSource")}
                      <input value={it.source ?? ""} onChange={(e) => setItem(si, ii, { source: e.target.value.trim() || null })} />
                    </label>
                    <div className="buttons">
                      <button
                        type="button"
                        onClick={() => {
                          const [first, ...rest] = it.paragraphs;
                          if (first) setItem(si, ii, { title: it.title + first.map((r) => r.text).join(""), paragraphs: rest });
                        }}
                      >
                        {t("joinTitle")}
                      </button>
                      <button type="button" className="danger" onClick={() => removeItem(si, ii)}>
                        {t("removeItem")}
                      </button>
                    </div>
                  </fieldset>
                ))}
              </div>
            ))}
            <div className="card">
              <h3>{t("footer")}</h3>
              <p>
                {t("mailbox")}：{doc.footer.mailbox || "—"} · {t("editor")}：{doc.footer.editor || "—"} · {t("reviewer")}：{doc.footer.reviewer || "—"}
              </p>
              <p>
                {t("distribution")}：{doc.footer.distribution.join("；") || "—"}
              </p>
            </div>
            <button type="button" className="primary" onClick={() => void onImport()} disabled={pending}>
              {t("import")}
            </button>
          </section>
        </div>
      )}
    </div>
  );
}

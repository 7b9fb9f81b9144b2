"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import type { BatchImportReport } from "@/lib/data/archive-batch";

/**
 * 导入往期, many at once: several files or a .zip, imported each on its own, with a report per
 * file (imported / refused and why / what to check) and the gaps in the numbering.
 */
export function BatchImport() {
  const t = useTranslations("archiveBatch");
  const uid = useId();
  const router = useRouter();
  const [files, setFiles] = useState<File[]>([]);
  const [acceptTitle, setAcceptTitle] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<BatchImportReport | null>(null);

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (!files.length) return setError(t("noFiles"));
    setPending(true);
    setReport(null);
    const body = new FormData();
    for (const f of files) body.append("files", f);
    if (acceptTitle) body.set("acceptTitle", "1");
    try {
      const res = await fetch("/api/archive/import-batch", { method: "POST", body });
      const json = (await res.json()) as { data?: BatchImportReport; error?: string };
      if (json.data) {
        setReport(json.data);
        setError(null);
        router.refresh();
      } else setError(json.error ?? t("failed"));
    } catch {
      setError(t("failed"));
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="card" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{t("title")}</h2>
      <p className="hint">{t("intro")}</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <label htmlFor={`${uid}-files`}>{t("files")}</label>
        <input id={`${uid}-files`} type="file" multiple accept=".txt,.md,.docx,.zip" onChange={(e) => setFiles([...(e.target.files ?? [])])} disabled={pending} />
        <label>
          <input type="checkbox" checked={acceptTitle} onChange={(e) => setAcceptTitle(e.target.checked)} /> {t("acceptTitle")}
        </label>
        <button type="submit" className="primary" disabled={pending}>
          {t("import", { count: files.length })}
        </button>
        {pending && <p role="status">{t("working")}</p>}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </form>
      {report && (
        <div data-testid="batch-report">
          <p role="status" className="ok">
            {t("summary", { total: report.files.length, imported: report.imported, refused: report.refused })}
          </p>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("file")}</th>
                <th scope="col">{t("result")}</th>
                <th scope="col">{t("notes")}</th>
              </tr>
            </thead>
            <tbody>
              {report.files.map((f) => (
                <tr key={f.file} data-status={f.status}>
                  <td>{f.file}</td>
                  <td>{f.status === "imported" ? t("imported", { issue: f.issue ?? "", items: f.items ?? 0 }) : t("refused", { reason: f.reason ?? "" })}</td>
                  <td>
                    {f.warnings.length > 0 && (
                      <ul>
                        {f.warnings.map((w) => (
                          <li key={w}>{w}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{report.gaps.length ? t("gaps", { gaps: report.gaps.join("；") }) : report.gapYears?.length ? t("noGapsIn", { years: report.gapYears.join("、") }) : t("noGaps")}</p>
          {report.unitsCreated.length > 0 && <p>{t("unitsCreated", { units: [...new Set(report.unitsCreated)].join("、") })}</p>}
        </div>
      )}
    </section>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { saveDownload } from "@/lib/client/save-download";
import { useEffect, useRef, useState } from "react";

type Status =
  | { state: "idle" }
  | { state: "queued"; ahead: number; firstAhead: number; message: string }
  | { state: "rendering"; firstAhead: number; message: string }
  | { state: "done"; message: string }
  | { state: "failed"; message: string };

const POLL_MS = 700;

/**
 * The print PDF of an issue as a link that works without JavaScript (the export route renders
 * and answers when the PDF is ready), and with JavaScript starts a job (POST /api/pdf-jobs) and
 * says while it waits where it stands — 「排队中，前面还有 N 个」, then 「正在生成 PDF…」 — with a
 * progress bar, in a role="status" region, and downloads the file when it is done.
 * `revision`: a revision of a distributed issue's frozen edition (勘误), default the latest.
 */
export function PdfExportLink({ issueId, revision, label, testId = "export-pdf" }: { issueId: number; revision?: number; label?: string; testId?: string }) {
  const t = useTranslations("pdfExport");
  const [status, setStatus] = useState<Status>({ state: "idle" });
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );
  const href = `/api/issues/${issueId}/export?format=pdf${revision ? `&revision=${revision}` : ""}`;
  const busy = status.state === "queued" || status.state === "rendering";

  async function start(e: React.MouseEvent<HTMLAnchorElement>) {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    if (busy) return;
    const fail = (message: string) => alive.current && setStatus({ state: "failed", message });
    try {
      const res = await fetch(`/api/pdf-jobs?issue=${issueId}${revision ? `&revision=${revision}` : ""}`, { method: "POST" });
      const body = (await res.json().catch(() => ({}))) as { id?: string; state?: string; ahead?: number; message?: string; error?: string };
      if (!res.ok || !body.id) return fail(body.error ?? body.message ?? t("export_failed"));
      let firstAhead = body.state === "queued" ? (body.ahead ?? 0) : 0;
      let current = body;
      for (;;) {
        if (!alive.current) return;
        if (current.state === "queued") setStatus({ state: "queued", ahead: current.ahead ?? 0, firstAhead: (firstAhead = Math.max(firstAhead, current.ahead ?? 0)), message: current.message ?? "" });
        else if (current.state === "rendering") setStatus({ state: "rendering", firstAhead, message: current.message ?? t("rendering") });
        else if (current.state === "failed") return fail(current.message ?? t("export_failed"));
        else if (current.state === "done") break;
        await new Promise((r) => setTimeout(r, POLL_MS));
        const poll = await fetch(`/api/pdf-jobs/${body.id}`, { cache: "no-store" });
        if (poll.status === 404) return fail(t("gone"));
        current = (await poll.json().catch(() => ({}))) as typeof body;
        if (!poll.ok) return fail(current.error ?? t("export_failed"));
      }
      const file = await fetch(`/api/pdf-jobs/${body.id}?file=1`, { cache: "no-store" });
      if (!file.ok) return fail(file.status === 404 ? t("gone") : t("export_failed"));
      await saveDownload(file, "bulletin.pdf");
      if (alive.current) setStatus({ state: "done", message: t("done") });
    } catch {
      fail(t("export_failed"));
    }
  }

  return (
    <span className="export-download pdf-export">
      <a href={href} download onClick={start} aria-disabled={busy || undefined} aria-busy={busy || undefined} data-testid={testId}>
        {label ?? t("pdf")}
      </a>
      <span role="status" aria-live="polite" className="pdf-export-status" data-testid={`${testId}-status`}>
        {status.state === "queued" || status.state === "rendering" ? (
          <>
            <progress
              aria-label={t("progressLabel")}
              // Queued: how far up the queue it has come; rendering: no measure, an indeterminate bar.
              {...(status.state === "queued" ? { max: status.firstAhead + 1, value: status.firstAhead - status.ahead } : {})}
            />{" "}
            {status.message}
          </>
        ) : status.state === "done" ? (
          status.message
        ) : null}
      </span>
      {status.state === "failed" && (
        <span role="alert" className="error">
          {status.message}
        </span>
      )}
    </span>
  );
}

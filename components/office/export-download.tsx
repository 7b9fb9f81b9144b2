"use client";

import { useTranslations } from "next-intl";
import { saveDownload } from "@/lib/client/save-download";
import { useState } from "react";

/**
 * Downloads one export of an issue. PDF and Word take a few seconds to render on the server, so
 * the button says so while it works and shows the server's message if rendering fails.
 */
export function ExportDownload({ issueId, format, label }: { issueId: number; format: "pdf" | "docx" | "txt" | "json"; label: string }) {
  const t = useTranslations("office");
  const [state, setState] = useState<"idle" | "working" | "error">("idle");
  const [error, setError] = useState<string | null>(null);

  async function download() {
    setState("working");
    setError(null);
    try {
      const res = await fetch(`/api/issues/${issueId}/export?format=${format}`);
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: string } | null;
        throw new Error(body?.error ?? t("exportFailed"));
      }
      await saveDownload(res, `bulletin.${format}`);
      setState("idle");
    } catch (e) {
      setState("error");
      setError(e instanceof Error ? e.message : t("exportFailed"));
    }
  }

  return (
    <span className="export-download">
      <button type="button" onClick={download} disabled={state === "working"} aria-busy={state === "working"} data-testid={`export-${format}`}>
        {state === "working" ? t("rendering", { format: format.toUpperCase() }) : label}
      </button>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </span>
  );
}

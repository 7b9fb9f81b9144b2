import { getTranslations } from "next-intl/server";
import { PdfExportLink } from "@/components/issue/pdf-export-link";

/**
 * The issue as it prints, for the desk and the reviewer: the print PDF (a job that says its place in
 * the renderer's queue while it waits) and the print view in a new tab (the same renderer, as HTML). Shown
 * beside ExportLinks (text and JSON), which is left as it is.
 */
export async function PrintLinks({ issueId }: { issueId: number }) {
  const t = await getTranslations("office");
  return (
    <p className="exports" data-testid="print-links">
      <PdfExportLink issueId={issueId} label={t("pdf")} />{" "}
      <a href={`/api/issues/${issueId}/export?format=html`} target="_blank" rel="noopener" data-testid="print-view-link">
        {t("printView")}
      </a>
    </p>
  );
}

import { getTranslations } from "next-intl/server";
import { ExportDownload } from "@/components/office/export-download";

/**
 * The issue as it prints, for the desk and the reviewer: the print PDF (a download that says so
 * while the server renders it) and the print view in a new tab (the same renderer, as HTML). Shown
 * beside ExportLinks (text and JSON), which is left as it is.
 */
export async function PrintLinks({ issueId }: { issueId: number }) {
  const t = await getTranslations("office");
  return (
    <p className="exports" data-testid="print-links">
      <ExportDownload issueId={issueId} format="pdf" label={t("pdf")} />{" "}
      <a href={`/api/issues/${issueId}/export?format=html`} target="_blank" rel="noopener" data-testid="print-view-link">
        {t("printView")}
      </a>
    </p>
  );
}

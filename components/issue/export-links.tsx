import { getTranslations } from "next-intl/server";
import { PdfExportLink } from "./pdf-export-link";

/**
 * The issue's plain exports (text, JSON) as links; `withPdf` adds the print PDF first, as a link
 * that shows its place in the export queue and a progress bar while it waits (PdfExportLink).
 */
export async function ExportLinks({ issueId, withPdf = false }: { issueId: number; withPdf?: boolean }) {
  const t = await getTranslations("desk");
  return (
    <p className="exports">
      {withPdf && <PdfExportLink issueId={issueId} />}{" "}
      <a href={`/api/issues/${issueId}/export?format=txt`} download data-testid="export-txt">
        {t("exportText")}
      </a>{" "}
      <a href={`/api/issues/${issueId}/export?format=json`} download>
        {t("exportJson")}
      </a>
    </p>
  );
}

import { getTranslations } from "next-intl/server";
import { PdfExportLink } from "@/components/issue/pdf-export-link";
import { ExportDownload } from "./export-download";

/** Every export of an issue: print PDF, Word, text, JSON, and the print view in the browser. */
export async function IssueExports({ issueId }: { issueId: number }) {
  const t = await getTranslations("office");
  return (
    <p className="exports" data-testid={`exports-${issueId}`}>
      {/* The PDF waits its turn in the renderer's queue: the link shows the place and progress. */}
      <PdfExportLink issueId={issueId} label={t("pdf")} />
      {(["docx", "txt", "json"] as const).map((f) => (
        <ExportDownload key={f} issueId={issueId} format={f} label={t(f)} />
      ))}
      <a href={`/api/issues/${issueId}/export?format=html`} target="_blank" rel="noopener">
        {t("printView")}
      </a>
    </p>
  );
}

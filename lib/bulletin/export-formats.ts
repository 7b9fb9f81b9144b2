import type { BulletinDocument } from "./document";
import { bulletinDocumentSchema } from "./document-schema";
import { bulletinToDocx } from "./docx";
import { renderBulletinPdf } from "./pdf";
import { bulletinToPrintHtml } from "./print-html";
import { bulletinToText } from "./text";

/** The keys of the export formats, in the order the app and `bulletin render` offer them. */
export const EXPORT_FORMAT_KEYS = ["pdf", "docx", "txt", "json", "html"] as const;
export type ExportFormatKey = (typeof EXPORT_FORMAT_KEYS)[number];

/** What a renderer may need beyond the document: the Chromium the PDF is printed with. */
export interface RenderOptions {
  /** Path of the Chromium executable (PDF only); the PDF module's default when absent. */
  chromiumPath?: string;
}

export interface ExportFormat {
  key: ExportFormatKey;
  /** A short Chinese name for the format (the CLI's usage line and messages). */
  label: string;
  /** The HTTP content type of the rendered file. */
  contentType: string;
  /** The file name extension, without the dot (see `bulletinFileName`). */
  extension: string;
  /** `inline`: the browser shows it (the print view); `attachment`: it downloads. */
  disposition: "inline" | "attachment";
  /** The document as this format: text formats as a string, binary ones as bytes. */
  render(doc: BulletinDocument, options?: RenderOptions): Promise<string | Uint8Array>;
}

/**
 * The one table of export formats: the export route (app/api/issues/[id]/export) and the render
 * command (scripts/commands/render.ts) both look a format up here, so a format is added once and
 * the app and the command write the same bytes. Each renderer wraps the existing exporter of
 * lib/bulletin (docx.ts, pdf.ts, text.ts, print-html.ts) — every export is a function of the one
 * bulletin document. The PDF renderer throws the PDF module's errors (PdfUnavailableError,
 * PdfBusyError, a missing Chromium); the JSON renderer throws a ZodError for a document the one
 * document schema refuses.
 */
export const EXPORT_FORMATS: Record<ExportFormatKey, ExportFormat> = {
  pdf: {
    key: "pdf",
    label: "PDF",
    contentType: "application/pdf",
    extension: "pdf",
    disposition: "attachment",
    render: async (doc, options = {}) => new Uint8Array(await renderBulletinPdf(doc, options.chromiumPath ? { executablePath: options.chromiumPath } : {})),
  },
  docx: {
    key: "docx",
    label: "Word 文档",
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extension: "docx",
    disposition: "attachment",
    render: async (doc) => new Uint8Array(await bulletinToDocx(doc)),
  },
  txt: {
    key: "txt",
    label: "纯文本",
    contentType: "text/plain; charset=utf-8",
    extension: "txt",
    disposition: "attachment",
    render: async (doc) => bulletinToText(doc),
  },
  json: {
    key: "json",
    label: "JSON 文档",
    contentType: "application/json; charset=utf-8",
    extension: "json",
    disposition: "attachment",
    // The one document schema: the JSON export is exactly what `bulletin render` reads.
    render: async (doc) => JSON.stringify(bulletinDocumentSchema.parse(doc), null, 2) + "\n",
  },
  html: {
    key: "html",
    label: "打印版网页",
    contentType: "text/html; charset=utf-8",
    extension: "html",
    disposition: "inline",
    render: async (doc) => bulletinToPrintHtml(doc),
  },
};

/** True when `key` names an export format. */
export function isExportFormat(key: string): key is ExportFormatKey {
  return (EXPORT_FORMAT_KEYS as readonly string[]).includes(key);
}

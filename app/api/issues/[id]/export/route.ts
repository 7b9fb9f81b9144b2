import { getTranslations } from "next-intl/server";
import { NextResponse } from "next/server";
import { z } from "zod";
import { toResult } from "@/lib/auth/action";
import { requireActor } from "@/lib/auth/session";
import { bulletinFileName, type BulletinDocument } from "@/lib/bulletin/document";
import { bulletinToDocx } from "@/lib/bulletin/docx";
import { PdfBusyError, PdfUnavailableError, renderBulletinPdf } from "@/lib/bulletin/pdf";
import { bulletinToPrintHtml } from "@/lib/bulletin/print-html";
import { canPrint } from "@/lib/bulletin/font-files";
import { findUnprintable } from "@/lib/bulletin/glyph-preflight";
import { bulletinToText } from "@/lib/bulletin/text";
import { AppError } from "@/lib/data/errors";
import { bulletinDocumentSchema } from "@/lib/bulletin/document-schema";
import { exportIssue } from "@/lib/data/issues";
import { idSchema } from "@/lib/data/validation";
import { env } from "@/lib/env";

const FORMATS = ["pdf", "docx", "txt", "json", "html"] as const;
type Format = (typeof FORMATS)[number];
// revision: an earlier revision of a distributed issue (勘误 keeps every one); default the latest.
const querySchema = z.object({ format: z.enum(FORMATS), revision: z.coerce.number().int().positive().max(10_000).optional() });

const STATUS: Record<string, number> = { unauthenticated: 401, forbidden: 403, not_found: 404, invalid: 400 };

const TYPES: Record<Format, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  txt: "text/plain; charset=utf-8",
  json: "application/json; charset=utf-8",
  html: "text/html; charset=utf-8",
};

/** Every export is a function of the one bulletin document; the app and the render command share them. */
async function render(doc: BulletinDocument, format: Format): Promise<string | Uint8Array> {
  switch (format) {
    case "pdf":
      return new Uint8Array(await renderBulletinPdf(doc, { executablePath: env.CHROMIUM_PATH }));
    case "docx":
      return new Uint8Array(await bulletinToDocx(doc));
    case "txt":
      return bulletinToText(doc);
    case "json":
      // The one document schema: the JSON export is exactly what `bulletin render` reads.
      return JSON.stringify(bulletinDocumentSchema.parse(doc), null, 2);
    case "html":
      return bulletinToPrintHtml(doc);
  }
}

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("errors");
  try {
    const actor = await requireActor("editor", "reviewer", "signer", "office", "admin");
    const id = idSchema.safeParse((await params).id);
    const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!id.success) throw new AppError("not_found");
    if (!query.success) throw new AppError("invalid", {}, "format");
    const format = query.data.format;
    // Reads only (and logs the export): content that no longer matches an approval exports as 草稿.
    const { doc } = exportIssue(actor, id.data, format, query.data.revision);
    const body = await render(doc, format);
    const name = bulletinFileName(doc, format === "html" ? "html" : format);
    return new NextResponse(body as BodyInit, {
      headers: {
        "content-type": TYPES[format],
        // The print view opens in the browser; everything else downloads.
        "content-disposition": `${format === "html" ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(name)}`,
        "cache-control": "no-store",
        // The glyph preflight at export: the characters no embedded face prints (empty when none).
        "x-unprintable-characters": findUnprintable(doc, canPrint)
          .map((p) => p.codePoint)
          .join(" "),
      },
    });
  } catch (e) {
    if (e instanceof PdfUnavailableError || e instanceof PdfBusyError) {
      console.error(e.message);
      return NextResponse.json({ error: t(e.code) }, { status: 503 });
    }
    const res = toResult(t, e);
    const status = e instanceof AppError ? (STATUS[e.code] ?? 409) : 500;
    return NextResponse.json(res, { status });
  }
}

import { getTranslations } from "next-intl/server";
import { NextResponse } from "next/server";
import { errorResponse } from "@/lib/api/error-response";
import { requireActor } from "@/lib/auth/session";
import { DOCX_MAX_BYTES, DocxImportError, importDocx } from "@/lib/import/docx";

export const runtime = "nodejs";

/**
 * Reads an uploaded .docx and answers with a title and body for the submission form to preview.
 * Nothing is stored: the unit decides on the preview whether to fill the form with it.
 */
export async function POST(request: Request) {
  const t = await getTranslations("docxImport");
  const refuse = (code: string, status: number) =>
    NextResponse.json({ error: t(`errors.${code}` as "errors.corrupt", { max: DOCX_MAX_BYTES / 1024 / 1024 }), code }, { status, headers: { "cache-control": "no-store" } });
  try {
    await requireActor("contributor");
    // Refuse an oversized upload before reading it.
    const declared = Number(request.headers.get("content-length") ?? 0);
    if (declared > DOCX_MAX_BYTES + 64 * 1024) return refuse("too_large", 413);
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return refuse("no_file", 400);
    }
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return refuse("no_file", 400);
    if (file.size > DOCX_MAX_BYTES) return refuse("too_large", 413);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await importDocx(file.name, bytes);
    return NextResponse.json({ data: result }, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    if (e instanceof DocxImportError) return refuse(e.code, e.code === "too_large" || e.code === "unpacked_too_large" ? 413 : 422);
    return errorResponse(e);
  }
}

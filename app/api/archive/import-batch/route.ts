import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { NextResponse } from "next/server";
import { errorResponse } from "@/lib/api/error-response";
import { requireActor } from "@/lib/auth/session";
import { MAX_ZIP_BYTES } from "@/lib/archive/zip-entries";
import { importArchiveBatch } from "@/lib/data/archive-batch";

export const runtime = "nodejs";

/** Most files one request may carry (a .zip counts as one). */
const MAX_FILES = 200;

/**
 * 导入往期, many at once: multipart form with `files` (.txt .md .docx, or .zip of them) and
 * `acceptTitle` ("1" to import files whose masthead title differs from the publication's).
 * Answers { data: BatchImportReport } — a report per file and the numbering gaps — or { error }.
 */
export async function POST(request: Request) {
  const tErrors = await getTranslations("errors");
  try {
    const actor = await requireActor("office", "admin");
    const declared = Number(request.headers.get("content-length") ?? 0);
    if (declared > 2 * MAX_ZIP_BYTES) return NextResponse.json({ error: tErrors("upload_too_large") }, { status: 413 });
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return NextResponse.json({ error: tErrors("invalid") }, { status: 400 });
    }
    const files = form.getAll("files").filter((f): f is File => f instanceof File && f.size > 0);
    if (!files.length || files.length > MAX_FILES) return NextResponse.json({ error: tErrors("invalid") }, { status: 400 });
    const inputs = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    const report = await importArchiveBatch(actor, inputs, { acceptTitle: form.get("acceptTitle") === "1" });
    revalidatePath("/office/archive");
    return NextResponse.json({ data: report }, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}

import { NextResponse } from "next/server";
import { z } from "zod";
import { errorResponse } from "@/lib/api/error-response";
import { parseQuery } from "@/lib/api/query";
import { requireActor } from "@/lib/auth/session";
import { bulletinFileName } from "@/lib/bulletin/document";
import { EXPORT_FORMAT_KEYS, EXPORT_FORMATS } from "@/lib/bulletin/export-formats";
import { canPrint } from "@/lib/bulletin/font-files";
import { findUnprintable } from "@/lib/bulletin/glyph-preflight";
import { AppError } from "@/lib/data/errors";
import { exportIssue } from "@/lib/data/issues";
import { idSchema } from "@/lib/data/validation";
import { env } from "@/lib/env";

// revision: an earlier revision of a distributed issue (勘误 keeps every one); default the latest.
const querySchema = z.object({ format: z.enum(EXPORT_FORMAT_KEYS), revision: z.coerce.number().int().positive().max(10_000).optional() });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireActor("editor", "reviewer", "signer", "office", "admin");
    const id = idSchema.safeParse((await params).id);
    if (!id.success) throw new AppError("not_found");
    const query = parseQuery(querySchema, request.url, { format: "导出格式", revision: "版次" });
    const format = query.format;
    // Reads only (and logs the export): content that no longer matches an approval exports as 草稿.
    const { doc } = exportIssue(actor, id.data, format, query.revision);
    // Every export is a function of the one bulletin document; the app and the render command share the registry.
    const f = EXPORT_FORMATS[format];
    const body = await f.render(doc, { chromiumPath: env.CHROMIUM_PATH });
    const name = bulletinFileName(doc, f.extension);
    return new NextResponse(body as BodyInit, {
      headers: {
        "content-type": f.contentType,
        // The print view opens in the browser; everything else downloads.
        "content-disposition": `${f.disposition}; filename*=UTF-8''${encodeURIComponent(name)}`,
        "cache-control": "no-store",
        // The glyph preflight at export: the characters no embedded face prints (empty when none).
        "x-unprintable-characters": findUnprintable(doc, canPrint)
          .map((p) => p.codePoint)
          .join(" "),
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}

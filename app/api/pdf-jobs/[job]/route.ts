import { NextResponse } from "next/server";
import { errorResponse } from "@/lib/api/error-response";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/data/errors";
import { pdfExportFile, pdfExportStatus } from "@/lib/data/pdf-export-jobs";
import { jobStatusBody } from "../status-body";

/**
 * GET /api/pdf-jobs/ID: where one of the user's PDF jobs stands, `{ state, ahead?, message }`;
 * with `?file=1`, the finished PDF. Another user's job, or one whose issue the user may no longer
 * export, is 404 like an unknown one.
 */
export async function GET(request: Request, { params }: { params: Promise<{ job: string }> }) {
  try {
    const actor = await requireActor("editor", "reviewer", "signer", "office", "admin");
    const id = (await params).job;
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new AppError("not_found");
    if (new URL(request.url).searchParams.get("file") === "1") {
      const { fileName, pdf } = pdfExportFile(actor, id);
      return new NextResponse(new Uint8Array(pdf) as BodyInit, {
        headers: {
          "content-type": "application/pdf",
          "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
          "cache-control": "no-store",
        },
      });
    }
    return NextResponse.json(await jobStatusBody(pdfExportStatus(actor, id)), { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}

import { NextResponse } from "next/server";
import { z } from "zod";
import { errorResponse } from "@/lib/api/error-response";
import { parseQuery } from "@/lib/api/query";
import { requireActor } from "@/lib/auth/session";
import { startPdfExport } from "@/lib/data/pdf-export-jobs";
import { idSchema } from "@/lib/data/validation";
import { jobStatusBody } from "./status-body";

const querySchema = z.object({ issue: idSchema, revision: z.coerce.number().int().positive().max(10_000).optional() });
const LABELS = { issue: "期的编号", revision: "版次" };

/**
 * POST /api/pdf-jobs?issue=ID[&revision=N]: starts the print PDF of an issue as a job (desk, review,
 * office, admin; the issue checks of the export). 202 with `{ id, state, ahead?, message }`; the
 * page then follows GET /api/pdf-jobs/ID.
 */
export async function POST(request: Request) {
  try {
    const actor = await requireActor("editor", "reviewer", "signer", "office", "admin");
    // A bad parameter is named in the answer (400): ?revision=-1 names revision, not issue.
    const query = parseQuery(querySchema, request.url, LABELS);
    const { id, status } = startPdfExport(actor, query.issue, query.revision);
    return NextResponse.json({ id, ...(await jobStatusBody(status)) }, { status: 202, headers: { "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}

import { NextResponse } from "next/server";
import { z } from "zod";
import { errorResponse } from "@/lib/api/error-response";
import { parseQuery } from "@/lib/api/query";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/data/errors";
import { registerWorkbook } from "@/lib/data/register";

// The register has one format; `format` may be given (xlsx) and anything else is refused, named.
const querySchema = z.object({ format: z.enum(["xlsx"]).optional() });

/**
 * GET /api/register/2026 → the year's distribution register as .xlsx. Query: `format` (only
 * xlsx, optional); a bad year or format → 400 naming it (lib/api/query.ts).
 */
export async function GET(req: Request, { params }: { params: Promise<{ year: string }> }) {
  try {
    const actor = await requireActor("office", "editor", "reviewer", "signer", "admin");
    const raw = (await params).year;
    const year = Number(raw);
    if (!/^\d{4}$/.test(raw) || year < 1949 || year > 2200) throw new AppError("invalid_param", { param: "year", label: "年份", value: raw.slice(0, 40) }, "year");
    parseQuery(querySchema, req.url, { format: "导出格式" });
    const body = await registerWorkbook(actor, year);
    return new NextResponse(new Uint8Array(body), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="register-${year}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${year}年发文登记.xlsx`)}`,
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}

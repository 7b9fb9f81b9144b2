import { getTranslations } from "next-intl/server";
import { NextResponse } from "next/server";
import { z } from "zod";
import { toResult } from "@/lib/auth/action";
import { requireActor } from "@/lib/auth/session";
import { bulletinFileName } from "@/lib/bulletin/document";
import { bulletinToText } from "@/lib/bulletin/text";
import { AppError } from "@/lib/data/errors";
import { exportIssue } from "@/lib/data/issues";
import { enforceApproval } from "@/lib/data/review";
import { idSchema } from "@/lib/data/validation";

const querySchema = z.object({ format: z.enum(["txt", "json"]) });

const STATUS: Record<string, number> = { unauthenticated: 401, forbidden: 403, not_found: 404, invalid: 400 };

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("errors");
  try {
    const actor = await requireActor("editor", "reviewer", "office", "admin");
    const id = idSchema.safeParse((await params).id);
    const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!id.success) throw new AppError("not_found");
    if (!query.success) throw new AppError("invalid", {}, "format");
    // An export checks the approval: content that no longer matches it exports as 草稿 and voids it.
    enforceApproval(id.data);
    const { doc } = exportIssue(actor, id.data, query.data.format);
    const body = query.data.format === "txt" ? bulletinToText(doc) : JSON.stringify(doc, null, 2);
    const type = query.data.format === "txt" ? "text/plain; charset=utf-8" : "application/json; charset=utf-8";
    const name = bulletinFileName(doc, query.data.format);
    return new NextResponse(body, {
      headers: {
        "content-type": type,
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    const res = toResult(t, e);
    const status = e instanceof AppError ? (STATUS[e.code] ?? 409) : 500;
    return NextResponse.json(res, { status });
  }
}

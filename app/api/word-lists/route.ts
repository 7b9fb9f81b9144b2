import { getTranslations } from "next-intl/server";
import { NextResponse } from "next/server";
import { toResult } from "@/lib/auth/action";
import { requireActor } from "@/lib/auth/session";
import { ROLES } from "@/db/schema";
import { AppError } from "@/lib/data/errors";
import { wordListsFor } from "@/lib/data/word-lists";

export const runtime = "nodejs";

/** The admin's 规范表述 and 敏感词 lists for the copy checks in the browser; any signed-in user. */
export async function GET() {
  try {
    const actor = await requireActor(...ROLES);
    return NextResponse.json({ data: wordListsFor(actor) }, { headers: { "cache-control": "private, no-store" } });
  } catch (e) {
    const t = await getTranslations("errors");
    return NextResponse.json(toResult(t, e), { status: e instanceof AppError && e.code === "unauthenticated" ? 401 : e instanceof AppError ? 403 : 500 });
  }
}

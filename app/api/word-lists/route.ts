import { NextResponse } from "next/server";
import { ROLES } from "@/lib/domain/enums";
import { errorResponse } from "@/lib/api/error-response";
import { requireActor } from "@/lib/auth/session";
import { wordListsFor } from "@/lib/data/word-lists";

export const runtime = "nodejs";

/** The admin's 规范表述 and 敏感词 lists for the copy checks in the browser; any signed-in user. */
export async function GET() {
  try {
    const actor = await requireActor(...ROLES);
    return NextResponse.json({ data: wordListsFor(actor) }, { headers: { "cache-control": "private, no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}

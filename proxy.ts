import { NextResponse, type NextRequest } from "next/server";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/security-headers";

/**
 * Refuses, with the app's own message and 413 (never a 500), a server-action or API request whose
 * body is larger than the server accepts or whose size is not declared. Next.js itself answers an
 * over-limit server action with a 500; this runs first, on headers only (the body is not read).
 */
export function proxy(request: NextRequest) {
  if (request.method !== "POST" && request.method !== "PUT" && request.method !== "PATCH") return NextResponse.next();
  const isAction = request.headers.has("next-action");
  if (!isAction && !request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();
  const declared = request.headers.get("content-length");
  const size = declared === null ? NaN : Number(declared);
  const chunked = (request.headers.get("transfer-encoding") ?? "").includes("chunked");
  if ((Number.isFinite(size) && size > SERVER_ACTION_BODY_LIMIT_BYTES) || (declared === null && chunked)) {
    const max = `${SERVER_ACTION_BODY_LIMIT_BYTES / 1024 / 1024 - 1} MB`;
    return NextResponse.json(
      { error: `文件过大（最大 ${max}）。`, error_en: `The file is too large (at most ${max}).`, code: "payload_too_large" },
      { status: 413, headers: { "cache-control": "no-store" } },
    );
  }
  return NextResponse.next();
}

export const config = {
  // Pages and actions; not static assets.
  matcher: ["/((?!_next/static|_next/image|fonts/|favicon.ico).*)"],
};

import { getActor } from "@/lib/auth/session";
import { openNotification } from "@/lib/data/notifications";
import { idSchema } from "@/lib/data/validation";
import { noticeTarget } from "../target";

/** Opening a notification marks it read and goes where it points; someone else's goes nowhere. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  // A relative Location: behind a proxy, request.url may not be the address the browser used.
  const to = (path: string) => new Response(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });
  if (!actor) return to("/login");
  const id = idSchema.safeParse((await params).id);
  const notice = id.success ? openNotification(actor, id.data) : null;
  return to(notice ? noticeTarget(actor, notice) : "/notifications");
}

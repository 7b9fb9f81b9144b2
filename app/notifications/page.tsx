import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { getActor, requirePageActor } from "@/lib/auth/session";
import { listNotifications, markAllRead } from "@/lib/data/notifications";

async function markRead() {
  "use server";
  const actor = await getActor();
  if (!actor) return;
  markAllRead(actor);
  revalidatePath("/", "layout");
}

export default async function NotificationsPage() {
  const actor = await requirePageActor();
  const rows = listNotifications(actor);
  const [t, format] = await Promise.all([getTranslations("notices"), getFormatter()]);
  const href = (n: (typeof rows)[number]) =>
    n.itemId ? (actor.roles.includes("contributor") ? `/items/${n.itemId}` : `/desk/items/${n.itemId}`) : n.issueId ? (actor.roles.includes("reviewer") ? `/review/issues/${n.issueId}` : actor.roles.includes("editor") ? `/desk/issues/${n.issueId}` : "/office") : "/";
  return (
    <section>
      <div className="title-row">
        <h1>{t("title")}</h1>
        <form action={markRead}>
          <button type="submit">{t("markRead")}</button>
        </form>
      </div>
      {rows.length === 0 ? (
        <p className="empty">{t("empty")}</p>
      ) : (
        <ul className="list">
          {rows.map((n) => (
            <li key={n.id} className={n.readAt ? "read" : "unread"}>
              <time dateTime={n.createdAt.toISOString()}>{format.dateTime(n.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>{" "}
              <Link href={href(n)}>{t.has(n.kind) ? t(n.kind as "item_accept", { message: n.message }) : n.message}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

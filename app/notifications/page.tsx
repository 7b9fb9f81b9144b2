import { getFormatter, getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { getActor, requirePageActor } from "@/lib/auth/session";
import { Pager } from "@/components/layout/pager";
import { countNotifications, listNotifications, markAllRead, unreadCount } from "@/lib/data/notifications";
import { pageOf, pageParam } from "@/lib/data/paging";
import styles from "./notifications.module.css";
import { messageFor } from "@/lib/i18n/dynamic";

async function markRead() {
  "use server";
  const actor = await getActor();
  if (!actor) return;
  markAllRead(actor);
  revalidatePath("/", "layout");
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requirePageActor();
  const page = pageOf(countNotifications(actor), pageParam.parse((await searchParams).page));
  const rows = listNotifications(actor, page);
  const unread = unreadCount(actor);
  const [t, tn, format] = await Promise.all([getTranslations("notices"), getTranslations("noticeList"), getFormatter()]);
  return (
    <section>
      <div className="title-row">
        <h1>{t("title")}</h1>
        {unread > 0 && (
          <form action={markRead}>
            <button type="submit">{t("markRead")}</button>
          </form>
        )}
      </div>
      <p className="hint">{unread > 0 ? tn("unread", { count: unread }) : tn("allRead")}</p>
      {rows.length === 0 ? (
        <p className="empty">{t("empty")}</p>
      ) : (
        <ul className={styles.list} data-testid="notifications">
          {rows.map((n) => (
            <li key={n.id} className={n.readAt ? styles.read : styles.unread} data-kind={n.kind}>
              <a href={`/notifications/${n.id}`}>
                {!n.readAt && <span className="sr-only">{tn("unreadMark")}</span>}
                <span className={styles.kind} data-kind={n.kind}>
                  {messageFor(tn, `kind.${n.kind}`) ?? n.kind}
                </span>
                <span className={styles.message}>{messageFor(t, n.kind, { message: n.message }) ?? n.message}</span>
                <time dateTime={n.createdAt.toISOString()}>{format.dateTime(n.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
              </a>
            </li>
          ))}
        </ul>
      )}
      <Pager path="/notifications" params={{}} page={page} />
    </section>
  );
}

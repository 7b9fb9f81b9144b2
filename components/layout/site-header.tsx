import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { Role } from "@/db/schema";
import { getActor } from "@/lib/auth/session";
import { unreadCount } from "@/lib/data/notifications";
import { LocaleSwitch } from "./locale-switch";
import type { Messages } from "@/lib/i18n/messages/types";

const NAV: { href: string; key: keyof Messages["nav"]; roles: Role[] }[] = [
  { href: "/items", key: "myItems", roles: ["contributor"] },
  { href: "/items/new", key: "newItem", roles: ["contributor"] },
  { href: "/items/stats", key: "myStats", roles: ["contributor"] },
  { href: "/desk/inbox", key: "inbox", roles: ["editor"] },
  { href: "/desk/issues", key: "issues", roles: ["editor"] },
  { href: "/desk/calls", key: "calls", roles: ["editor"] },
  { href: "/review", key: "review", roles: ["reviewer", "signer"] },
  { href: "/office", key: "office", roles: ["office"] },
  { href: "/office/archive", key: "archive", roles: ["office", "editor", "reviewer", "admin"] },
  { href: "/office/import", key: "import", roles: ["office", "admin"] },
  { href: "/office/register", key: "register", roles: ["office", "editor", "reviewer", "signer", "admin"] },
  { href: "/stats", key: "stats", roles: ["office", "editor", "admin"] },
  { href: "/office/items", key: "recognition", roles: ["office"] },
  { href: "/search", key: "search", roles: ["contributor", "editor", "reviewer", "signer", "office", "admin"] },
  { href: "/audit", key: "audit", roles: ["editor", "reviewer", "admin"] },
  { href: "/admin", key: "admin", roles: ["admin"] },
];

export async function SiteHeader() {
  const [actor, t, tr, locale] = await Promise.all([getActor(), getTranslations("app"), getTranslations("nav"), getLocale()]);
  const tRoles = await getTranslations("roles");
  const unread = actor ? unreadCount(actor) : 0;
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        {t("name")}
      </Link>
      {actor && (
        <nav aria-label={t("name")}>
          <ul>
            {NAV.filter((n) => n.roles.some((r) => actor.roles.includes(r))).map((n) => (
              <li key={n.href}>
                <Link href={n.href}>{tr(n.key)}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div className="header-right">
        {actor && (
          <>
            <Link href="/notifications" className="notice-link" aria-label={`${t("notifications")}：${t("unread", { count: unread })}`}>
              {t("notifications")}
              {unread > 0 && <span className="badge" data-testid="unread-count">{unread}</span>}
            </Link>
            <span className="who">
              {t("signedIn", { name: actor.displayName, roles: actor.roles.map((r) => tRoles(r)).join(t("listSep")) })}
            </span>
            <Link href="/logout">{t("logout")}</Link>
          </>
        )}
        <LocaleSwitch current={locale} label={t("language")} />
      </div>
    </header>
  );
}

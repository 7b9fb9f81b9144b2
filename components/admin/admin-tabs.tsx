"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

const TABS = [
  { href: "/admin", key: "units" },
  { href: "/admin/users", key: "users" },
  { href: "/admin/settings", key: "settings" },
  { href: "/admin/word-lists", key: "wordLists" },
  { href: "/admin/scoring", key: "scoring" },
] as const;

export function AdminTabs() {
  const t = useTranslations("admin.tabs");
  const ta = useTranslations("admin");
  const path = usePathname();
  return (
    <nav className="tabs" aria-label={ta("title")}>
      {TABS.map((tab) => (
        <Link key={tab.href} href={tab.href} aria-current={path === tab.href ? "page" : undefined}>
          {t(tab.key)}
        </Link>
      ))}
    </nav>
  );
}

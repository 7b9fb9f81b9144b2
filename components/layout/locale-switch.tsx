"use client";

import { useRouter } from "next/navigation";
import { LOCALE_COOKIE } from "@/lib/i18n/config";

export function LocaleSwitch({ current, label }: { current: string; label: string }) {
  const router = useRouter();
  return (
    <label className="locale-switch">
      <span className="sr-only">{label}</span>
      <select
        value={current}
        aria-label={label}
        onChange={(e) => {
          document.cookie = `${LOCALE_COOKIE}=${e.target.value}; path=/; max-age=31536000; samesite=lax`;
          router.refresh();
        }}
      >
        <option value="zh-CN">中文</option>
        <option value="en">English</option>
      </select>
    </label>
  );
}

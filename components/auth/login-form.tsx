"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";

export function LoginForm() {
  const t = useTranslations("auth");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const res = await signIn("credentials", {
      username: String(form.get("username") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (res?.ok && !res.error) {
      router.replace("/");
      router.refresh();
      return;
    }
    const code = res?.error ?? "invalid_credentials";
    if (code.startsWith("throttled:")) setError(t("throttled", { seconds: Number(code.split(":")[1]) || 60 }));
    else setError(t("invalid_credentials"));
  }

  return (
    <form onSubmit={onSubmit} className="form" noValidate>
      <label>
        {t("username")}
        <input name="username" autoComplete="username" required maxLength={64} />
      </label>
      <label>
        {t("password")}
        <input name="password" type="password" autoComplete="current-password" required maxLength={200} />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}

"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/auth/action";
import { FormFooter } from "@/components/ui/form-footer";

/**
 * The login form: next-auth's credentials sign-in run through the project's form hook
 * (useFormAction), so the button is disabled and reads 正在登录… from the call until its answer,
 * and a refusal (wrong login, or too many attempts with the seconds to wait) shows as an alert.
 */
export function LoginForm() {
  const t = useTranslations("auth");
  const router = useRouter();
  const login = useCallback(
    async (input: { username: string; password: string }): Promise<ActionResult<true>> => {
      const res = await signIn("credentials", { ...input, redirect: false });
      if (res?.ok && !res.error) return { data: true };
      const code = res?.error ?? "invalid_credentials";
      return { error: code.startsWith("throttled:") ? t("throttled", { seconds: Number(code.split(":")[1]) || 60 }) : t("invalid_credentials") };
    },
    [t],
  );
  const { run, pending, error } = useFormAction(login, {
    onSuccess: () => {
      router.replace("/");
      router.refresh();
    },
  });

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    void run({ username: String(form.get("username") ?? ""), password: String(form.get("password") ?? "") });
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
      <FormFooter submit={pending ? t("submitting") : t("submit")} pending={pending} error={error} />
    </form>
  );
}

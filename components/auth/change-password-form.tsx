"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { changePasswordAction } from "@/app/actions/password";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormFooter } from "@/components/ui/form-footer";

/** Current password, new password twice; on success every session ends and the user signs in again. */
export function ChangePasswordForm() {
  const t = useTranslations("auth");
  const { run, pending, error, fieldErrors } = useFormAction(changePasswordAction, { onSuccess: async () => void (await signOut({ callbackUrl: "/login?changed=1" })) });

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    void run({
      current: String(form.get("current") ?? ""),
      password: String(form.get("password") ?? ""),
      confirm: String(form.get("confirm") ?? ""),
    });
  }

  const field = (name: "current" | "password" | "confirm", label: string, autoComplete: string) => (
    <label>
      {label}
      <input name={name} type="password" autoComplete={autoComplete} required aria-invalid={Boolean(fieldErrors[name])} />
      {fieldErrors[name] && <span className="error">{fieldErrors[name]}</span>}
    </label>
  );

  return (
    <form onSubmit={onSubmit} className="form" noValidate>
      {field("current", t("currentPassword"), "current-password")}
      {field("password", t("newPassword"), "new-password")}
      {field("confirm", t("confirmPassword"), "new-password")}
      <p className="hint">{t("passwordRules")}</p>
      <FormFooter submit={t("changePasswordSubmit")} pending={pending} error={error} />
    </form>
  );
}

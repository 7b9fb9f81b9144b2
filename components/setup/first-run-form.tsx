"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { firstRunAction } from "@/app/actions/first-run";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormFooter } from "@/components/ui/form-footer";

const FIELDS = [
  ["title", "text", "off"],
  ["office", "text", "organization"],
  ["username", "text", "username"],
  ["displayName", "text", "name"],
  ["password", "password", "new-password"],
  ["confirm", "password", "new-password"],
] as const;

/** The first admin's login and the publication's name; afterwards the admin signs in. */
export function FirstRunForm() {
  const t = useTranslations("firstRun");
  const router = useRouter();
  const { run, pending, error, fieldErrors } = useFormAction(firstRunAction, { onSuccess: () => router.replace("/login") });

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    void run(Object.fromEntries(FIELDS.map(([name]) => [name, String(form.get(name) ?? "")])));
  }

  return (
    <form onSubmit={onSubmit} className="form" noValidate>
      {FIELDS.map(([name, type, autoComplete]) => (
        <label key={name}>
          {t(name)}
          <input name={name} type={type} autoComplete={autoComplete} required aria-invalid={Boolean(fieldErrors[name])} />
          {fieldErrors[name] && <span className="error">{fieldErrors[name]}</span>}
        </label>
      ))}
      <FormFooter submit={t("submit")} pending={pending} error={error} />
    </form>
  );
}

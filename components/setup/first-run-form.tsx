"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { firstRunAction } from "@/app/actions/first-run";

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
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    const res = await firstRunAction(Object.fromEntries(FIELDS.map(([name]) => [name, String(form.get(name) ?? "")])));
    setPending(false);
    if ("data" in res) {
      router.replace("/login");
      return;
    }
    setError(res.error);
    setFieldErrors(res.fieldErrors ?? {});
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
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}

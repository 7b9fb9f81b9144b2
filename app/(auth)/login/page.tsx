import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { getActor } from "@/lib/auth/session";

export default async function LoginPage() {
  if (await getActor()) redirect("/");
  const t = await getTranslations("auth");
  return (
    <section className="narrow card">
      <h1>{t("title")}</h1>
      <LoginForm />
    </section>
  );
}

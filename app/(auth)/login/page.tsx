import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { getActor } from "@/lib/auth/session";
import { needsFirstRun } from "@/lib/data/first-run";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  if (needsFirstRun()) redirect("/first-run");
  if (await getActor()) redirect("/");
  const t = await getTranslations("auth");
  const { changed } = await searchParams;
  return (
    <section className="narrow card">
      <h1>{t("title")}</h1>
      {changed === "1" && (
        <p role="status" className="ok">
          {t("passwordChanged")}
        </p>
      )}
      <LoginForm />
    </section>
  );
}

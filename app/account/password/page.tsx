import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { getSessionActor } from "@/lib/auth/session";

/** Where a new user or one whose password was reset must go first; anyone logged in may come. */
export default async function ChangePasswordPage() {
  const { actor, mustChangePassword } = await getSessionActor();
  if (!actor) redirect("/login");
  const t = await getTranslations("auth");
  return (
    <section className="narrow card">
      <h1>{t("changePasswordTitle")}</h1>
      {mustChangePassword && <p>{t("changePasswordIntro")}</p>}
      <ChangePasswordForm />
    </section>
  );
}

import { getTranslations } from "next-intl/server";
import { LogoutButton } from "@/components/auth/logout-button";

export default async function LogoutPage() {
  const t = await getTranslations("auth");
  return (
    <section className="narrow card">
      <h1>{t("logoutTitle")}</h1>
      <p>{t("logoutConfirm")}</p>
      <LogoutButton label={t("logoutButton")} />
    </section>
  );
}

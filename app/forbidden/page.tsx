import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function ForbiddenPage() {
  const t = await getTranslations("auth");
  return (
    <section className="narrow card" data-testid="forbidden">
      <h1>{t("forbiddenTitle")}</h1>
      <p>{t("forbiddenBody")}</p>
      <Link href="/">{t("home")}</Link>
    </section>
  );
}

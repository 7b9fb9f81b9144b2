import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  const ta = await getTranslations("auth");
  return (
    <section className="narrow card" data-testid="not-found">
      <h1>{t("not_found")}</h1>
      <Link href="/">{ta("home")}</Link>
    </section>
  );
}

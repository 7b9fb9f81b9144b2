import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { FirstRunForm } from "@/components/setup/first-run-form";
import { needsFirstRun } from "@/lib/data/first-run";

/** A database without users (started with SEED_DEMO=0): create the admin and the publication. */
export default async function FirstRunPage() {
  if (!needsFirstRun()) redirect("/login");
  const t = await getTranslations("firstRun");
  return (
    <section className="narrow card">
      <h1>{t("heading")}</h1>
      <p>{t("intro")}</p>
      <FirstRunForm />
    </section>
  );
}

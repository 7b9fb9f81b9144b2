import { getTranslations } from "next-intl/server";
import { ArchiveImport } from "@/components/archive/archive-import";
import { BatchImport } from "@/components/archive/batch-import";
import { requirePageActor } from "@/lib/auth/session";

export default async function ImportPage() {
  await requirePageActor("office", "admin");
  const t = await getTranslations("archive");
  return (
    <section>
      <h1>{t("title")}</h1>
      <p className="hint">{t("intro")}</p>
      <ArchiveImport />
      <BatchImport />
    </section>
  );
}

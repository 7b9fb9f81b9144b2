import { getTranslations } from "next-intl/server";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { ClientMessages } from "@/components/layout/client-messages";
import { requirePageActor } from "@/lib/auth/session";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requirePageActor("admin");
  const t = await getTranslations("admin");
  return (
    <ClientMessages set="admin">
      <section>
        <h1>{t("title")}</h1>
        <AdminTabs />
        {children}
      </section>
    </ClientMessages>
  );
}

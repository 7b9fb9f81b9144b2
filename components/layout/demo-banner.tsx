import { getTranslations } from "next-intl/server";
import { demoNotice } from "@/lib/data/first-run";

/** On every page while the demo data is loaded: says so, with the demo logins and their password. */
export async function DemoBanner() {
  const notice = demoNotice();
  if (!notice) return null;
  const t = await getTranslations("app");
  return (
    <p className="demo-banner" role="note" data-testid="demo-banner">
      {t("demoBanner", { logins: notice.logins.join("、"), password: notice.password })}
    </p>
  );
}

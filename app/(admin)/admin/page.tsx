import { getTranslations } from "next-intl/server";
import { UnitAliases } from "@/components/admin/unit-aliases";
import { CreateUnitForm, UnitsTable, UnitsToReview } from "@/components/admin/units-panel";
import { requirePageActor } from "@/lib/auth/session";
import { listUnits } from "@/lib/data/admin";
import { listAliases } from "@/lib/data/unit-aliases";

export default async function AdminUnitsPage() {
  // The layout checks too, but a page must not rely on it: layouts do not re-run on every navigation.
  const actor = await requirePageActor("admin");
  const t = await getTranslations("admin");
  const units = listUnits(actor).map(({ id, name, kind, active, needsReview, itemCount, userCount }) => ({ id, name, kind, active, needsReview, itemCount, userCount }));
  return (
    <>
      <UnitsToReview units={units} />
      <h2>{t("units")}</h2>
      <CreateUnitForm />
      <UnitsTable units={units.filter((u) => !u.needsReview)} />
      <UnitAliases aliases={listAliases(actor)} units={units.map(({ id, name }) => ({ id, name }))} />
    </>
  );
}

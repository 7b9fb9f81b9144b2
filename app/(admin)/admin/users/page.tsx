import { getTranslations } from "next-intl/server";
import { CreateUserForm, UsersTable } from "@/components/admin/users-panel";
import { requirePageActor } from "@/lib/auth/session";
import { listUnits, listUsers } from "@/lib/data/admin";

export default async function AdminUsersPage() {
  const actor = await requirePageActor("admin");
  const t = await getTranslations("admin");
  const units = listUnits(actor)
    .filter((u) => !u.needsReview)
    .map(({ id, name, active }) => ({ id, name, active }));
  return (
    <>
      <h2>{t("users")}</h2>
      <CreateUserForm units={units} />
      <UsersTable users={listUsers(actor)} units={units} selfId={actor.id} />
    </>
  );
}

import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { listUnits, listUsers } from "@/lib/data/admin";

export default async function AdminPage() {
  const actor = await requirePageActor("admin");
  const [t, tr, tk] = await Promise.all([getTranslations("admin"), getTranslations("roles"), getTranslations("unitKind")]);
  const users = listUsers(actor);
  const units = listUnits(actor);
  return (
    <section>
      <h1>{t("title")}</h1>
      <h2>{t("users")}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("username")}</th>
            <th scope="col">{t("displayName")}</th>
            <th scope="col">{t("roles")}</th>
            <th scope="col">{t("unit")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.username}</td>
              <td>{u.displayName}</td>
              <td>{u.roles.map((r) => tr(r)).join("、")}</td>
              <td>{u.unitName ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("units")}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("unit")}</th>
            <th scope="col">{t("kind")}</th>
            <th scope="col">{t("active")}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{tk(u.kind)}</td>
              <td>{u.active ? "✓" : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

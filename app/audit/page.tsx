import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { describeAuditDetail, withDatesIn } from "@/components/audit/describe";
import { auditKind } from "@/components/audit/labels";
import { requirePageActor } from "@/lib/auth/session";
import { redirect } from "next/navigation";
import { hasRole } from "@/lib/data/actor";
import { ADMIN_ONLY_ENTITIES, AUDIT_PAGE, auditFilterSchema, countAudit, listAudit } from "@/lib/data/audit-log";
import { calendarDay } from "@/lib/i18n/dates";
import { messageFor } from "@/lib/i18n/dynamic";

const ENTITIES = ["item", "issue", "auth", "user", "unit"] as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("editor", "reviewer", "admin");
  const parsed = auditFilterSchema.safeParse(await searchParams);
  const filter = parsed.success ? parsed.data : {};
  // Logins and user administration are the admin's log only (lib/data/audit-log.ts).
  const admin = hasRole(actor, "admin");
  if (!admin && filter.entity && (ADMIN_ONLY_ENTITIES as readonly string[]).includes(filter.entity)) redirect("/forbidden");
  const entities = admin ? ENTITIES : ENTITIES.filter((e) => !(ADMIN_ONLY_ENTITIES as readonly string[]).includes(e));
  const rows = listAudit(actor, filter);
  const total = countAudit(actor, filter);
  const [t, format, tItem, tIssue, td, tRole, tKind, tp, tLevel] = await Promise.all([
    getTranslations("audit"),
    getFormatter(),
    getTranslations("itemStatus"),
    getTranslations("issueStatus"),
    getTranslations("auditDetail"),
    getTranslations("roles"),
    getTranslations("unitKind"),
    getTranslations("paging"),
    getTranslations("recognition.levels"),
  ]);
  const keep = { ...(filter.entity ? { entity: filter.entity } : {}), ...(filter.entityId ? { entityId: String(filter.entityId) } : {}) };
  /** The row's detail in words (what changed, from → to), from its typed event; raw only for rows of no known shape. */
  const detailText = (r: (typeof rows)[number]): string => {
    const lines = describeAuditDetail(r, (role) => messageFor(tRole, role) ?? role);
    if (!lines) return r.detail ? JSON.stringify(r.detail) : "";
    return lines
      .map(({ key, values }) => {
        const v = withDatesIn(values, (iso) => calendarDay(format, iso));
        if (typeof v.field === "string") v.field = messageFor(td, v.field) ?? v.field;
        if (key === "unit_kind_change") for (const k of ["from", "to"] as const) v[k] = messageFor(tKind, String(v[k])) ?? v[k];
        // Codes in the stored detail read as words: a 批示's level, the register fields a correction changed.
        if (key === "instruction") v.level = messageFor(tLevel, String(v.level)) ?? v.level;
        if (key === "register_correct") v.fields = String(v.fields).split("、").map((f) => messageFor(td, `reg_${f}`) ?? f).join("、");
        return messageFor(td, key, v as Record<string, string | number>) ?? key;
      })
      .join("；");
  };
  const next = rows.length === AUDIT_PAGE ? rows[rows.length - 1].id : null;
  const actionLabel = (action: string, detail: Record<string, unknown> | null) => {
    const kind = auditKind(action, detail);
    return messageFor(t, kind) ?? messageFor(t, action) ?? action;
  };
  const state = (entity: string, s: string) => {
    const tr = entity === "issue" ? tIssue : tItem;
    return messageFor(tr, s) ?? s;
  };
  return (
    <section>
      <h1>{filter.entity === "issue" && filter.entityId ? `${t("issueLog")} ${filter.entityId}` : filter.entity === "item" && filter.entityId ? `${t("itemLog")} ${filter.entityId}` : t("title")}</h1>
      <form className="filters" method="get">
        <label>
          {t("entity")}
          <select name="entity" defaultValue={filter.entity ?? ""}>
            <option value="">{t("all")}</option>
            {entities.map((e) => (
              <option key={e} value={e}>
                {t(`entities.${e}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("entityId")}
          <input name="entityId" type="number" min={1} defaultValue={filter.entityId ?? ""} />
        </label>
        <button type="submit">{t("filter")}</button>
      </form>
      <table className="table" data-testid="audit">
        <thead>
          <tr>
            <th scope="col">{t("when")}</th>
            <th scope="col">{t("who")}</th>
            <th scope="col">{t("what")}</th>
            <th scope="col">{t("entity")}</th>
            <th scope="col">{t("detail")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-action={r.action}>
              <td>{format.dateTime(r.at, { dateStyle: "medium", timeStyle: "medium" })}</td>
              <td>{r.actorId === null && r.actorName === "系统" ? t("systemActor") : r.actorName}</td>
              <td>
                {actionLabel(r.action, r.detail)}
                {r.fromState && r.toState && r.fromState !== r.toState ? `（${state(r.entity, r.fromState)} → ${state(r.entity, r.toState)}）` : ""}
              </td>
              <td>
                {t(`entities.${r.entity}`)} {r.entityId ?? ""}
              </td>
              <td className="detail">{detailText(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="audit-paging">
        {tp("total", { total })}
        {filter.before && (
          <>
            {" "}
            <Link href={`/audit?${new URLSearchParams(keep)}`}>{tp("newest")}</Link>
          </>
        )}
        {next && (
          <>
            {" "}
            <Link href={`/audit?${new URLSearchParams({ ...keep, before: String(next) })}`}>{t("more")}</Link>
          </>
        )}
      </p>
    </section>
  );
}

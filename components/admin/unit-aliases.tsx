"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { addAliasAction, removeAliasAction } from "@/app/actions/aliases";
import { FieldError, FormError, useAdminAction } from "./use-admin-action";

export interface AliasRow {
  id: number;
  alias: string;
  unitId: number;
  unitName: string;
}

/** The admin's list of unit aliases (市科协 = 北京市科协) that imports match, with add and remove. */
export function UnitAliases({ aliases, units }: { aliases: AliasRow[]; units: { id: number; name: string }[] }) {
  const t = useTranslations("issueKinds");
  const uid = useId();
  const [alias, setAlias] = useState("");
  const [unitId, setUnitId] = useState<number | "">("");
  const add = useAdminAction(addAliasAction);
  const remove = useAdminAction(removeAliasAction);
  return (
    <section className="card" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{t("aliasesTitle")}</h2>
      <p className="hint">{t("aliasesHint")}</p>
      <form
        className="form"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (await add.run({ alias, unitId: unitId === "" ? 0 : unitId })) setAlias("");
        }}
      >
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${uid}-alias`}>{t("alias")}</label>
            <input id={`${uid}-alias`} value={alias} onChange={(e) => setAlias(e.target.value)} aria-invalid={add.fieldErrors.alias ? true : undefined} />
            <FieldError message={add.fieldErrors.alias} />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-unit`}>{t("aliasUnit")}</label>
            <select id={`${uid}-unit`} value={unitId} onChange={(e) => setUnitId(e.target.value ? Number(e.target.value) : "")} aria-invalid={add.fieldErrors.unitId ? true : undefined}>
              <option value="">—</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
            <FieldError message={add.fieldErrors.unitId} />
          </div>
        </div>
        <FormError message={add.error ?? remove.error} />
        <button type="submit" disabled={add.pending}>
          {t("addAlias")}
        </button>
      </form>
      {aliases.length === 0 ? (
        <p className="empty">{t("noAliases")}</p>
      ) : (
        <table className="table" data-testid="unit-aliases">
          <thead>
            <tr>
              <th scope="col">{t("alias")}</th>
              <th scope="col">{t("aliasUnit")}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {aliases.map((a) => (
              <tr key={a.id}>
                <td>{a.alias}</td>
                <td>{a.unitName}</td>
                <td>
                  <button type="button" disabled={remove.pending} onClick={() => remove.run({ id: a.id })} aria-label={`${t("removeAlias")} ${a.alias}`}>
                    {t("removeAlias")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

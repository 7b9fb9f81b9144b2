"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { confirmUnitAction, createUnitAction, mergeUnitAction, setUnitActiveAction, updateUnitAction } from "@/app/actions/admin";
import { UNIT_KINDS, type UnitKind } from "@/lib/domain/enums";
import { FieldError, FormError, useAdminAction } from "./use-admin-action";
import { StoredTextNotice, useCleanedOnLoad } from "@/components/ui/stored-text-notice";

export interface UnitRow {
  id: number;
  name: string;
  kind: UnitKind;
  active: boolean;
  needsReview: boolean;
  itemCount: number;
  userCount: number;
}

function KindSelect({ id, value, onChange, invalid }: { id: string; value: UnitKind; onChange: (k: UnitKind) => void; invalid?: boolean }) {
  const tk = useTranslations("unitKind");
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as UnitKind)} aria-invalid={invalid || undefined}>
      {UNIT_KINDS.map((k) => (
        <option key={k} value={k}>
          {tk(k)}
        </option>
      ))}
    </select>
  );
}

export function CreateUnitForm() {
  const t = useTranslations("admin");
  const uid = useId();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<UnitKind>("district");
  const { run, pending, error, fieldErrors } = useAdminAction(createUnitAction);
  return (
    <form
      className="form card"
      noValidate
      aria-label={t("addUnit")}
      onSubmit={async (e) => {
        e.preventDefault();
        if (await run({ name, kind })) setName("");
      }}
    >
      <div className="field-row">
        <div className="field grow">
          <label htmlFor={`${uid}-name`}>{t("unitName")}</label>
          <input id={`${uid}-name`} value={name} onChange={(e) => setName(e.target.value)} aria-invalid={fieldErrors.name ? true : undefined} />
          <FieldError message={fieldErrors.name} />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-kind`}>{t("kind")}</label>
          <KindSelect id={`${uid}-kind`} value={kind} onChange={setKind} invalid={Boolean(fieldErrors.kind)} />
          <FieldError message={fieldErrors.kind} />
        </div>
      </div>
      <FormError message={error} />
      <div className="buttons">
        <button type="submit" className="primary" disabled={pending}>
          {t("addUnit")}
        </button>
      </div>
    </form>
  );
}

function UnitTableRow({ unit }: { unit: UnitRow }) {
  const t = useTranslations("admin");
  const tk = useTranslations("unitKind");
  const uid = useId();
  const [editing, setEditing] = useState(false);
  // A name stored before the text rule is cleaned and said, so a change of kind alone is not refused for it.
  const stored = useCleanedOnLoad(unit.name);
  const [name, setName] = useState(stored.value);
  const [kind, setKind] = useState<UnitKind>(unit.kind);
  const edit = useAdminAction(updateUnitAction);
  const toggle = useAdminAction(setUnitActiveAction);
  return (
    <tr data-testid={`unit-${unit.id}`}>
      <td>
        {editing ? (
          <form
            className="form"
            noValidate
            aria-label={t("edit")}
            onSubmit={async (e) => {
              e.preventDefault();
              if (await edit.run({ id: unit.id, name, kind })) setEditing(false);
            }}
          >
            <div className="field">
              <label htmlFor={`${uid}-name`}>{t("unitName")}</label>
              <input id={`${uid}-name`} value={name} onChange={(e) => setName(e.target.value)} aria-invalid={edit.fieldErrors.name ? true : undefined} />
              <FieldError message={edit.fieldErrors.name} />
              <StoredTextNotice notices={stored.notices} onDismiss={stored.dismiss} testId="unit-name-cleaned" />
            </div>
            <div className="field">
              <label htmlFor={`${uid}-kind`}>{t("kind")}</label>
              <KindSelect id={`${uid}-kind`} value={kind} onChange={setKind} />
            </div>
            <FormError message={edit.error} />
            <div className="buttons">
              <button type="submit" className="primary" disabled={edit.pending}>
                {t("save")}
              </button>
              <button type="button" onClick={() => (setEditing(false), setName(unit.name), setKind(unit.kind))}>
                {t("cancel")}
              </button>
            </div>
          </form>
        ) : (
          unit.name
        )}
      </td>
      <td>{tk(unit.kind)}</td>
      <td>{unit.active ? t("activeYes") : <strong className="error">{t("activeNo")}</strong>}</td>
      <td>{unit.userCount}</td>
      <td>{unit.itemCount}</td>
      <td>
        <div className="buttons">
          {!editing && (
            <button type="button" onClick={() => setEditing(true)} aria-label={`${t("edit")} ${unit.name}`}>
              {t("edit")}
            </button>
          )}
          <button type="button" disabled={toggle.pending} onClick={() => toggle.run({ id: unit.id, active: !unit.active })} aria-label={`${unit.active ? t("deactivate") : t("reactivate")} ${unit.name}`}>
            {unit.active ? t("deactivate") : t("reactivate")}
          </button>
        </div>
        <FormError message={toggle.error} />
      </td>
    </tr>
  );
}

export function UnitsTable({ units }: { units: UnitRow[] }) {
  const t = useTranslations("admin");
  return (
    <table className="table" data-testid="units">
      <thead>
        <tr>
          <th scope="col">{t("unitName")}</th>
          <th scope="col">{t("kind")}</th>
          <th scope="col">{t("status")}</th>
          <th scope="col">{t("userCount")}</th>
          <th scope="col">{t("itemCount")}</th>
          <th scope="col">{t("actions")}</th>
        </tr>
      </thead>
      <tbody>
        {units.map((u) => (
          <UnitTableRow key={`${u.id}-${u.name}-${u.kind}`} unit={u} />
        ))}
      </tbody>
    </table>
  );
}

function ReviewRow({ unit, targets }: { unit: UnitRow; targets: UnitRow[] }) {
  const t = useTranslations("admin");
  const uid = useId();
  const [targetId, setTargetId] = useState("");
  const confirm = useAdminAction(confirmUnitAction);
  const merge = useAdminAction(mergeUnitAction);
  return (
    <li className="card" data-testid={`review-unit-${unit.id}`}>
      <strong>{unit.name}</strong>{" "}
      <span className="count">
        {t("itemCount")} {unit.itemCount} · {t("userCount")} {unit.userCount}
      </span>
      <div className="field-row">
        <button type="button" disabled={confirm.pending} onClick={() => confirm.run({ id: unit.id })}>
          {t("confirm")}
        </button>
        <form
          className="field-row"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const to = targets.find((x) => String(x.id) === targetId);
            if (to && !window.confirm(t("mergeConfirm", { from: unit.name, to: to.name }))) return;
            await merge.run({ id: unit.id, targetId: targetId ? Number(targetId) : undefined });
          }}
        >
          <div className="field">
            <label htmlFor={`${uid}-target`}>{t("mergeTarget")}</label>
            <select id={`${uid}-target`} value={targetId} onChange={(e) => setTargetId(e.target.value)} aria-invalid={merge.fieldErrors.targetId ? true : undefined}>
              <option value="">{t("chooseUnit")}</option>
              {targets.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
            <FieldError message={merge.fieldErrors.targetId} />
          </div>
          <button type="submit" disabled={merge.pending}>
            {t("merge")}
          </button>
        </form>
      </div>
      <FormError message={confirm.error ?? merge.error} />
    </li>
  );
}

export function UnitsToReview({ units }: { units: UnitRow[] }) {
  const t = useTranslations("admin");
  const pending = units.filter((u) => u.needsReview);
  const targets = units.filter((u) => !u.needsReview);
  return (
    <section aria-labelledby="units-review" data-testid="units-review">
      <h2 id="units-review">
        {t("reviewTitle")} {pending.length > 0 && <span className="badge">{pending.length}</span>}
      </h2>
      <p className="note">{t("reviewHint")}</p>
      {pending.length === 0 ? (
        <p className="empty">{t("reviewEmpty")}</p>
      ) : (
        <ul className="list">
          {pending.map((u) => (
            <ReviewRow key={u.id} unit={u} targets={targets} />
          ))}
        </ul>
      )}
    </section>
  );
}

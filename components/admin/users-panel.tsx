"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { createUserAction, liftThrottleAction, resetPasswordAction, setUserActiveAction, updateUserAction } from "@/app/actions/admin";
import { ROLES, type Role } from "@/lib/domain/enums";
import { FieldError, FormError, useAdminAction } from "./use-admin-action";
import { StoredTextNotice, useCleanedOnLoad } from "@/components/ui/stored-text-notice";

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  active: boolean;
  unitId: number | null;
  unitName: string | null;
  roles: Role[];
}

export interface UnitOption {
  id: number;
  name: string;
  active: boolean;
}

function RolesField({ value, onChange, error }: { value: Role[]; onChange: (r: Role[]) => void; error?: string }) {
  const t = useTranslations("admin");
  const tr = useTranslations("roles");
  return (
    <fieldset className="field" aria-invalid={error ? true : undefined}>
      <legend className="label">{t("roles")}</legend>
      <div className="buttons">
        {ROLES.map((r) => (
          <label key={r} style={{ flexDirection: "row", fontWeight: 400 }}>
            <input type="checkbox" checked={value.includes(r)} onChange={(e) => onChange(e.target.checked ? [...value, r] : value.filter((x) => x !== r))} /> {tr(r)}
          </label>
        ))}
      </div>
      <FieldError message={error} />
    </fieldset>
  );
}

function UnitField({ id, value, onChange, units, error }: { id: string; value: string; onChange: (v: string) => void; units: UnitOption[]; error?: string }) {
  const t = useTranslations("admin");
  return (
    <div className="field">
      <label htmlFor={id}>{t("unit")}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={`${id}-hint`}>
        <option value="">{t("noUnit")}</option>
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
            {u.active ? "" : `（${t("activeNo")}）`}
          </option>
        ))}
      </select>
      <span id={`${id}-hint`} className="count">
        {t("unitHint")}
      </span>
      <FieldError message={error} />
    </div>
  );
}

export function CreateUserForm({ units }: { units: UnitOption[] }) {
  const t = useTranslations("admin");
  const uid = useId();
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [roles, setRoles] = useState<Role[]>(["contributor"]);
  const [unitId, setUnitId] = useState("");
  const { run, pending, error, fieldErrors } = useAdminAction(createUserAction);
  return (
    <form
      className="form card"
      noValidate
      aria-label={t("addUser")}
      onSubmit={async (e) => {
        e.preventDefault();
        if (await run({ username, displayName, email, password, roles, unitId: unitId ? Number(unitId) : null })) {
          setUsername("");
          setDisplayName("");
          setEmail("");
          setPassword("");
        }
      }}
    >
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${uid}-username`}>{t("username")}</label>
          <input id={`${uid}-username`} autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} aria-invalid={fieldErrors.username ? true : undefined} />
          <FieldError message={fieldErrors.username} />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-name`}>{t("displayName")}</label>
          <input id={`${uid}-name`} value={displayName} onChange={(e) => setDisplayName(e.target.value)} aria-invalid={fieldErrors.displayName ? true : undefined} />
          <FieldError message={fieldErrors.displayName} />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-email`}>{t("email")}</label>
          <input id={`${uid}-email`} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={fieldErrors.email ? true : undefined} />
          <FieldError message={fieldErrors.email} />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-password`}>{t("password")}</label>
          <input
            id={`${uid}-password`}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={fieldErrors.password ? true : undefined}
            aria-describedby={`${uid}-password-hint`}
          />
          <span id={`${uid}-password-hint`} className="count">
            {t("passwordHint")}
          </span>
          <FieldError message={fieldErrors.password} />
        </div>
      </div>
      <div className="field-row">
        <RolesField value={roles} onChange={setRoles} error={fieldErrors.roles} />
        <UnitField id={`${uid}-unit`} value={unitId} onChange={setUnitId} units={units} error={fieldErrors.unitId} />
      </div>
      <FormError message={error} />
      <div className="buttons">
        <button type="submit" className="primary" disabled={pending}>
          {t("addUser")}
        </button>
      </div>
    </form>
  );
}

function EditUserForm({ user, units, onDone }: { user: UserRow; units: UnitOption[]; onDone: () => void }) {
  const t = useTranslations("admin");
  const uid = useId();
  // A name stored before the text rule is cleaned and said, so a role change alone is not refused for it.
  const stored = useCleanedOnLoad(user.displayName);
  const [displayName, setDisplayName] = useState(stored.value);
  const [email, setEmail] = useState(user.email ?? "");
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [unitId, setUnitId] = useState(user.unitId ? String(user.unitId) : "");
  const { run, pending, error, fieldErrors } = useAdminAction(updateUserAction);
  return (
    <form
      className="form"
      noValidate
      aria-label={`${t("edit")} ${user.username}`}
      onSubmit={async (e) => {
        e.preventDefault();
        if (await run({ id: user.id, displayName, email, roles, unitId: unitId ? Number(unitId) : null })) onDone();
      }}
    >
      <div className="field">
        <label htmlFor={`${uid}-name`}>{t("displayName")}</label>
        <input id={`${uid}-name`} value={displayName} onChange={(e) => setDisplayName(e.target.value)} aria-invalid={fieldErrors.displayName ? true : undefined} />
        <FieldError message={fieldErrors.displayName} />
        <StoredTextNotice notices={stored.notices} onDismiss={stored.dismiss} testId="user-name-cleaned" />
      </div>
      <div className="field">
        <label htmlFor={`${uid}-email`}>{t("email")}</label>
        <input id={`${uid}-email`} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={fieldErrors.email ? true : undefined} />
        <FieldError message={fieldErrors.email} />
      </div>
      <RolesField value={roles} onChange={setRoles} error={fieldErrors.roles} />
      <UnitField id={`${uid}-unit`} value={unitId} onChange={setUnitId} units={units} error={fieldErrors.unitId} />
      <FormError message={error} />
      <div className="buttons">
        <button type="submit" className="primary" disabled={pending}>
          {t("save")}
        </button>
        <button type="button" onClick={onDone}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

function ResetPasswordForm({ user, onDone }: { user: UserRow; onDone: () => void }) {
  const t = useTranslations("admin");
  const uid = useId();
  const [password, setPassword] = useState("");
  const { run, pending, error, fieldErrors } = useAdminAction(resetPasswordAction);
  return (
    <form
      className="form"
      noValidate
      aria-label={`${t("resetPassword")} ${user.username}`}
      onSubmit={async (e) => {
        e.preventDefault();
        if (await run({ id: user.id, password })) onDone();
      }}
    >
      <div className="field">
        <label htmlFor={`${uid}-password`}>{t("newPassword")}</label>
        <input id={`${uid}-password`} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={fieldErrors.password ? true : undefined} />
        <span className="count">{t("passwordHint")}</span>
        <FieldError message={fieldErrors.password} />
      </div>
      <FormError message={error} />
      <div className="buttons">
        <button type="submit" className="primary" disabled={pending}>
          {t("resetPassword")}
        </button>
        <button type="button" onClick={onDone}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

function UserTableRow({ user, units, self }: { user: UserRow; units: UnitOption[]; self: boolean }) {
  const t = useTranslations("admin");
  const tr = useTranslations("roles");
  const [mode, setMode] = useState<"view" | "edit" | "password">("view");
  const toggle = useAdminAction(setUserActiveAction);
  const lift = useAdminAction(liftThrottleAction);
  return (
    <tr data-testid={`user-${user.username}`}>
      <td>
        {user.username} {self && <span className="count">{t("you")}</span>}
      </td>
      <td colSpan={mode === "view" ? 1 : 3}>
        {mode === "edit" ? (
          <EditUserForm user={user} units={units} onDone={() => setMode("view")} />
        ) : mode === "password" ? (
          <ResetPasswordForm user={user} onDone={() => setMode("view")} />
        ) : (
          user.displayName
        )}
      </td>
      {mode === "view" && (
        <>
          <td>{user.roles.map((r) => tr(r)).join("、")}</td>
          <td>{user.unitName ?? "—"}</td>
        </>
      )}
      <td>{user.active ? t("activeYes") : <strong className="error">{t("activeNo")}</strong>}</td>
      <td>
        {mode === "view" && (
          <div className="buttons">
            <button type="button" onClick={() => setMode("edit")} aria-label={`${t("edit")} ${user.username}`}>
              {t("edit")}
            </button>
            <button type="button" onClick={() => setMode("password")} aria-label={`${t("resetPassword")} ${user.username}`}>
              {t("resetPassword")}
            </button>
            {!self && (
              <button type="button" disabled={toggle.pending} onClick={() => toggle.run({ id: user.id, active: !user.active })} aria-label={`${user.active ? t("deactivate") : t("reactivate")} ${user.username}`}>
                {user.active ? t("deactivate") : t("reactivate")}
              </button>
            )}
            <button type="button" disabled={lift.pending} onClick={() => lift.run({ id: user.id })} aria-label={`${t("liftThrottle")} ${user.username}`}>
              {t("liftThrottle")}
            </button>
          </div>
        )}
        <FormError message={toggle.error ?? lift.error} />
      </td>
    </tr>
  );
}

export function UsersTable({ users, units, selfId }: { users: UserRow[]; units: UnitOption[]; selfId: number }) {
  const t = useTranslations("admin");
  return (
    <table className="table" data-testid="users">
      <thead>
        <tr>
          <th scope="col">{t("username")}</th>
          <th scope="col">{t("displayName")}</th>
          <th scope="col">{t("roles")}</th>
          <th scope="col">{t("unit")}</th>
          <th scope="col">{t("status")}</th>
          <th scope="col">{t("actions")}</th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <UserTableRow key={`${u.id}-${u.displayName}-${u.email ?? ""}-${u.roles.join()}-${u.unitId}`} user={u} units={units} self={u.id === selfId} />
        ))}
      </tbody>
    </table>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { addSectionAction, moveSectionAction, removeSectionAction, renameSectionAction, setSectionActiveAction, updatePublicationAction } from "@/app/actions/admin";
import { FieldError, FormError, useAdminAction } from "./use-admin-action";
import { FormFooter } from "@/components/ui/form-footer";
import { StoredTextNotice, useCleanedOnLoad } from "@/components/ui/stored-text-notice";

export interface PublicationFields {
  title: string;
  office: string;
  mailbox: string;
  defaultEditorName: string;
  defaultReviewerName: string;
  distribution: string[];
  signoffLevels: number;
}

export interface SectionRow {
  id: number;
  title: string;
  active: boolean;
  used: boolean;
}

const TEXT_FIELDS = [
  ["title", "pubTitle"],
  ["office", "office"],
  ["mailbox", "mailbox"],
  ["defaultEditorName", "defaultEditorName"],
  ["defaultReviewerName", "defaultReviewerName"],
] as const;

export function PublicationForm({ initial }: { initial: PublicationFields }) {
  const t = useTranslations("admin");
  const tso = useTranslations("signoff");
  const uid = useId();
  // Settings saved before the text rule may hold a no-break space: cleaned here, and said.
  const stored = useCleanedOnLoad(initial);
  const [values, setValues] = useState({ ...stored.value, distribution: stored.value.distribution.join("\n") });
  const [saved, setSaved] = useState(false);
  const { run, pending, error, fieldErrors } = useAdminAction(updatePublicationAction);
  return (
    <form
      className="form card"
      noValidate
      aria-label={t("settingsTitle")}
      onSubmit={async (e) => {
        e.preventDefault();
        setSaved(false);
        const distribution = values.distribution.split("\n").map((g) => g.trim()).filter(Boolean);
        const { title, office, mailbox, defaultEditorName, defaultReviewerName } = values;
        const signoffLevels = values.signoffLevels === 2 ? 2 : 1;
        if (await run({ title, office, mailbox, defaultEditorName, defaultReviewerName, distribution, signoffLevels })) setSaved(true);
      }}
    >
      <p className="note">{t("settingsHint")}</p>
      <StoredTextNotice notices={stored.notices} onDismiss={stored.dismiss} testId="settings-cleaned" />
      <div className="field-row">
        {TEXT_FIELDS.map(([key, label]) => (
          <div className="field" key={key}>
            <label htmlFor={`${uid}-${key}`}>{t(label)}</label>
            <input
              id={`${uid}-${key}`}
              type={key === "mailbox" ? "email" : "text"}
              value={values[key]}
              onChange={(e) => setValues({ ...values, [key]: e.target.value })}
              aria-invalid={fieldErrors[key] ? true : undefined}
            />
            <FieldError message={fieldErrors[key]} />
          </div>
        ))}
      </div>
      <div className="field">
        <label htmlFor={`${uid}-signoffLevels`}>{tso("signoffLevels")}</label>
        <select
          id={`${uid}-signoffLevels`}
          value={values.signoffLevels === 2 ? 2 : 1}
          onChange={(e) => setValues({ ...values, signoffLevels: Number(e.target.value) })}
          aria-describedby={`${uid}-signoffLevels-hint`}
        >
          <option value={1}>{tso("signoffOne")}</option>
          <option value={2}>{tso("signoffTwo")}</option>
        </select>
        <span id={`${uid}-signoffLevels-hint`} className="count">
          {tso("signoffLevelsHint")}
        </span>
        <FieldError message={fieldErrors.signoffLevels} />
      </div>
      <div className="field">
        <label htmlFor={`${uid}-distribution`}>{t("distribution")}</label>
        <textarea
          id={`${uid}-distribution`}
          rows={6}
          value={values.distribution}
          onChange={(e) => setValues({ ...values, distribution: e.target.value })}
          aria-invalid={fieldErrors.distribution ? true : undefined}
          aria-describedby={`${uid}-distribution-hint`}
        />
        <span id={`${uid}-distribution-hint`} className="count">
          {t("distributionHint")}
        </span>
        <FieldError message={fieldErrors.distribution} />
      </div>
      <FormFooter submit={t("save")} pending={pending} error={error} status={saved ? t("saved") : null} />
    </form>
  );
}

function SectionItem({ section, first, last }: { section: SectionRow; first: boolean; last: boolean }) {
  const t = useTranslations("admin");
  const uid = useId();
  const [editing, setEditing] = useState(false);
  const storedTitle = useCleanedOnLoad(section.title);
  const [title, setTitle] = useState(storedTitle.value);
  const rename = useAdminAction(renameSectionAction);
  const move = useAdminAction(moveSectionAction);
  const remove = useAdminAction(removeSectionAction);
  const toggle = useAdminAction(setSectionActiveAction);
  const error = move.error ?? remove.error ?? toggle.error;
  return (
    <li data-testid={`section-${section.id}`}>
      {editing ? (
        <form
          className="field-row"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            if (await rename.run({ id: section.id, title })) setEditing(false);
          }}
        >
          <div className="field">
            <label htmlFor={`${uid}-title`}>{t("sectionTitle")}</label>
            <input id={`${uid}-title`} value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={rename.fieldErrors.title ? true : undefined} />
            <FieldError message={rename.fieldErrors.title} />
            <StoredTextNotice notices={storedTitle.notices} onDismiss={storedTitle.dismiss} testId="section-title-cleaned" />
          </div>
          <button type="submit" className="primary" disabled={rename.pending}>
            {t("save")}
          </button>
          <button type="button" onClick={() => (setEditing(false), setTitle(section.title))}>
            {t("cancel")}
          </button>
        </form>
      ) : (
        <span>
          【{section.title}】{!section.active && <span className="count"> {t("sectionHidden")}</span>}
        </span>
      )}
      <span className="placement-controls">
        <button type="button" disabled={first || move.pending} onClick={() => move.run({ id: section.id, direction: "up" })} aria-label={`${t("moveUp")} ${section.title}`}>
          ↑
        </button>
        <button type="button" disabled={last || move.pending} onClick={() => move.run({ id: section.id, direction: "down" })} aria-label={`${t("moveDown")} ${section.title}`}>
          ↓
        </button>
        {!editing && (
          <button type="button" onClick={() => setEditing(true)}>
            {t("rename")}
          </button>
        )}
        {section.used ? (
          <button type="button" disabled={toggle.pending} onClick={() => toggle.run({ id: section.id, active: !section.active })} title={t("sectionUsed")}>
            {section.active ? t("hide") : t("show")}
          </button>
        ) : (
          <button type="button" disabled={remove.pending} onClick={() => remove.run({ id: section.id })}>
            {t("remove")}
          </button>
        )}
      </span>
      <FormError message={error} />
    </li>
  );
}

export function SectionCatalogue({ sections }: { sections: SectionRow[] }) {
  const t = useTranslations("admin");
  const uid = useId();
  const [title, setTitle] = useState("");
  const add = useAdminAction(addSectionAction);
  return (
    <section aria-labelledby={`${uid}-h`} className="board-section">
      <h2 id={`${uid}-h`}>{t("sections")}</h2>
      <ol data-testid="sections">
        {sections.map((s, i) => (
          <SectionItem key={`${s.id}-${s.title}-${s.active}-${s.used}`} section={s} first={i === 0} last={i === sections.length - 1} />
        ))}
      </ol>
      <form
        className="field-row"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (await add.run({ title })) setTitle("");
        }}
      >
        <div className="field">
          <label htmlFor={`${uid}-new`}>{t("sectionTitle")}</label>
          <input id={`${uid}-new`} value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={add.fieldErrors.title ? true : undefined} />
          <FieldError message={add.fieldErrors.title} />
        </div>
        <button type="submit" disabled={add.pending}>
          {t("addSection")}
        </button>
      </form>
      <FormError message={add.error} />
    </section>
  );
}

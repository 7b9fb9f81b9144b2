"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { deleteWordListEntryAction, saveWordListEntryAction } from "@/app/actions/word-lists";
import { FieldError, FormError, useAdminAction } from "./use-admin-action";

export interface WordListRow {
  id: number;
  list: "standard" | "sensitive";
  term: string;
  replacement: string | null;
  note: string;
}

/** The admin's 规范表述 and 敏感词 lists: each entry editable in place, one form to add. */
export function WordListsPanel({ rows }: { rows: WordListRow[] }) {
  const t = useTranslations("wordLists");
  return (
    <>
      <p className="note">{t("intro")}</p>
      {(["standard", "sensitive"] as const).map((list) => (
        <section key={list} className="card" aria-labelledby={`word-list-${list}`} data-testid={`word-list-${list}`}>
          <h2 id={`word-list-${list}`}>{t(`${list}.title`)}</h2>
          <p className="hint">{t(`${list}.hint`)}</p>
          <ul className="plain">
            {rows
              .filter((r) => r.list === list)
              .map((r) => (
                <li key={r.id}>
                  <EntryForm list={list} row={r} />
                </li>
              ))}
          </ul>
          <h3>{t("add")}</h3>
          <EntryForm list={list} />
        </section>
      ))}
    </>
  );
}

function EntryForm({ list, row }: { list: "standard" | "sensitive"; row?: WordListRow }) {
  const t = useTranslations("wordLists");
  const uid = useId();
  const empty = { term: "", replacement: "", note: "" };
  const [values, setValues] = useState(row ? { term: row.term, replacement: row.replacement ?? "", note: row.note } : empty);
  const save = useAdminAction(saveWordListEntryAction);
  const remove = useAdminAction(deleteWordListEntryAction);
  return (
    <form
      className="field-row"
      noValidate
      aria-label={row ? t("editLabel", { term: row.term }) : t(`${list}.addLabel`)}
      onSubmit={async (e) => {
        e.preventDefault();
        const done = await save.run({ ...(row ? { id: row.id } : {}), list, ...values });
        if (done && !row) setValues(empty);
      }}
    >
      <div className="field">
        <label htmlFor={`${uid}-term`}>{t(`${list}.term`)}</label>
        <input id={`${uid}-term`} value={values.term} onChange={(e) => setValues({ ...values, term: e.target.value })} aria-invalid={save.fieldErrors.term ? true : undefined} />
        <FieldError message={save.fieldErrors.term} />
      </div>
      {list === "standard" && (
        <div className="field">
          <label htmlFor={`${uid}-replacement`}>{t("standard.replacement")}</label>
          <input
            id={`${uid}-replacement`}
            value={values.replacement}
            onChange={(e) => setValues({ ...values, replacement: e.target.value })}
            aria-invalid={save.fieldErrors.replacement ? true : undefined}
          />
          <FieldError message={save.fieldErrors.replacement} />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${uid}-note`}>{t("note")}</label>
        <input id={`${uid}-note`} value={values.note} onChange={(e) => setValues({ ...values, note: e.target.value })} />
      </div>
      <div className="buttons">
        <button type="submit" disabled={save.pending}>
          {row ? t("save") : t("add")}
        </button>
        {row && (
          <button type="button" className="quiet" disabled={remove.pending} onClick={() => remove.run({ id: row.id })}>
            {t("remove")}
          </button>
        )}
      </div>
      <FormError message={save.error ?? remove.error} />
    </form>
  );
}

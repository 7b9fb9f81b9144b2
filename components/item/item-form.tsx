"use client";

import type { Editor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { submitItemAction } from "@/app/actions/items";
import type { DocxImport } from "@/lib/import/docx";
import { CopyCheckPanel, useCopyCheck } from "./copy-check";
import { BodyField } from "./body-field";
import { NoticeBanner, RestoreBanner } from "./form-banners";
import { fieldProps } from "./form-field";
import { MetaFields } from "./meta-fields";
import { SyncStatus } from "./sync-status";
import { TitleField } from "./title-field";
import { hasText, type ItemFormValues } from "@/lib/item/form-values";
import { type FieldErrors, useDraftSync } from "./use-draft-sync";
import styles from "./item-form.module.css";
import { lengthOf } from "@/lib/text/count";
import { StoredTextNotice, useCleanedOnLoad } from "@/components/ui/stored-text-notice";

export type { ItemFormValues } from "@/lib/item/form-values";

// Shown only when a save meets a newer copy: loaded then, not with the form (it brings the diff).
const ConflictDialog = dynamic(() => import("./conflict-dialog").then((m) => m.ConflictDialog), { ssr: false });
// 从 Word 导入 and its dialog: loaded after the form is usable (first paint does not need them).
const DocxImportButton = dynamic(() => import("./docx-import").then((m) => m.DocxImportButton), { ssr: false, loading: () => <span className={styles.importPlaceholder} aria-hidden="true" /> });
// 删除草稿 and its confirmation: only on a stored draft.
const DeleteDraftButton = dynamic(() => import("./delete-draft").then((m) => m.DeleteDraftButton), { ssr: false });

// The trailing-attribution check runs on 报送 and 保存草稿 only; it brings the document schema
// (and zod), which the first paint of the form does not need.
// Fetched once the form is up (so 报送 does not wait for it); offline before that, nothing moves.
const attribution = () => import("@/lib/editor/attribution");
async function moveAttribution(v: ItemFormValues) {
  try {
    return (await attribution()).moveTrailingAttribution(v.body, v.source);
  } catch {
    return null;
  }
}

interface Props {
  itemId?: number;
  version?: number;
  /** "returned" turns 报送 into 重新报送. */
  status?: "draft" | "returned";
  /** A draft never submitted may be deleted (删除草稿). */
  deletable?: boolean;
  initial: ItemFormValues;
  initialChars: number;
  sections: { id: number; title: string }[];
  titleMax: number;
  /** Scopes the copy kept in this browser to the person. */
  userId?: number;
  unitName?: string;
  /** The 来源署名 placeholder (default: unitName; "" for the office's own news). */
  sourcePlaceholder?: string;
  unitNames?: string[];
  /** Open calls the unit may answer, for the 回应约稿 field. */
  calls?: { id: number; label: string }[];
  /** Shown beside the form, under the side card (the standing guidance). */
  guidance?: React.ReactNode;
}

/**
 * The contributor's item form. What is typed is kept in this browser at once and saved to the
 * server a moment after typing stops (use-draft-sync.ts); a refused save, a lost connection or a
 * copy changed in another tab never loses it. The parts are in title-field, body-field, meta-fields, sync-status and form-banners, the values and
 * their pure functions in form-values.ts.
 */
export function ItemForm({ itemId, version, status = "draft", deletable = false, initial, initialChars, sections, titleMax, userId = 0, unitName, sourcePlaceholder, unitNames = [], calls = [], guidance }: Props) {
  const t = useTranslations("item");
  const tf = useTranslations("itemForm");
  const ta = useTranslations("attributionMove");
  const router = useRouter();
  const uid = useId();
  // One-line fields stored before the text rule (a no-break space in the title) are cleaned and said.
  const stored = useCleanedOnLoad({ ...initial, body: null });
  const [loaded] = useState(() => (stored.notices.length ? { ...stored.value, body: initial.body } : undefined));
  const draft = useDraftSync({ itemId, version, initial, loaded, initialChars, userId, titleMax });
  const { values, valuesRef, sync, errors, setErrors, save, set, changed, replaceAll, setNotice } = draft;
  const [message, setMessage] = useState<{ kind: "error" | "ok"; text: string } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [editor, setEditor] = useState<Editor | null>(null);
  const check = useCopyCheck(editor, values.title, values.source);
  const fields = fieldProps(uid, errors);
  useEffect(() => {
    // When the browser is idle after the form is up (not while it hydrates).
    const load = () => void attribution().catch(() => undefined);
    if (typeof window.requestIdleCallback !== "function") {
      const t = window.setTimeout(load, 1000);
      return () => window.clearTimeout(t);
    }
    const handle = window.requestIdleCallback(load, { timeout: 3000 });
    return () => window.cancelIdleCallback(handle);
  }, []);

  // --- submit ---------------------------------------------------------------------------------

  function validateForSubmit(v: ItemFormValues): FieldErrors {
    const e: FieldErrors = {};
    if (!v.title.trim()) e.title = tf("titleRequired");
    else if (lengthOf(v.title.trim()) > titleMax) e.title = tf("titleTooLong", { max: titleMax, over: lengthOf(v.title.trim()) - titleMax });
    if (!hasText({ ...v, title: "" })) e.body = tf("bodyRequired");
    return e;
  }

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setMessage(null);
    const invalid = validateForSubmit(valuesRef.current);
    if (Object.keys(invalid).length) {
      setErrors(invalid);
      setMessage({ kind: "error", text: tf("fixBeforeSubmit") });
      document.getElementById(`${uid}-${invalid.title ? "title" : "body"}`)?.focus();
      return;
    }
    // An attribution typed at the end of the body goes to the attribution field (printed once);
    // the unit sees the change and sends again.
    const moved = await moveAttribution(valuesRef.current);
    if (moved) {
      replaceAll({ ...valuesRef.current, body: moved.body, source: moved.source }, { save: false });
      await save("explicit");
      setNotice(ta("movedCheckThenSend", { source: moved.moved }));
      return;
    }
    setSubmitting(true);
    const saved = await save("explicit");
    if (!saved.ok) {
      setSubmitting(false);
      setMessage({ kind: "error", text: tf("notSubmittedUnsaved") });
      return;
    }
    let res: Awaited<ReturnType<typeof submitItemAction>>;
    try {
      res = await submitItemAction({ id: saved.id, version: saved.version });
    } catch {
      setSubmitting(false);
      setMessage({ kind: "error", text: tf("offlineSubmit") });
      return;
    }
    if ("error" in res) {
      setSubmitting(false);
      setErrors(res.fieldErrors ?? {});
      setMessage({ kind: "error", text: res.error });
      return;
    }
    draft.submitted(saved.id, res.data.version);
    router.push(`/items/${saved.id}?submitted=1`);
    router.refresh();
  }

  async function onSaveDraft() {
    setMessage(null);
    if (!draft.server.current.id && !hasText(valuesRef.current)) {
      setMessage({ kind: "error", text: tf("nothingToSave") });
      return;
    }
    const moved = await moveAttribution(valuesRef.current);
    if (moved) {
      replaceAll({ ...valuesRef.current, body: moved.body, source: moved.source }, { save: false });
      setNotice(ta("moved", { source: moved.moved }));
    }
    const r = await save("explicit");
    if (r.ok) setMessage({ kind: "ok", text: t("saved") });
  }

  function applyDocx(data: DocxImport) {
    const cur = valuesRef.current;
    replaceAll(
      {
        ...cur,
        title: data.title ?? cur.title,
        body: data.body,
        source: data.source ?? cur.source,
        contactName: data.contactName && !cur.contactName.trim() ? data.contactName : cur.contactName,
        contactPhone: data.contactPhone && !cur.contactPhone.trim() ? data.contactPhone : cur.contactPhone,
      },
      { save: true },
    );
    setNotice(tf("docxApplied", { paragraphs: data.report.paragraphs }));
  }

  // --- rendering ------------------------------------------------------------------------------

  const openFindings = check.body.length + check.title.length;
  // 删除草稿: a stored draft never submitted, or the one this new-item page has just created.
  const deleteId = deletable && itemId ? itemId : !itemId ? draft.createdId : undefined;
  const isReturned = status === "returned";

  return (
    <form onSubmit={onSubmit} className={styles.layout} noValidate aria-describedby={`${uid}-sync`}>
      <div className={styles.main}>
        {draft.restore && <RestoreBanner copy={draft.restore} onRestore={draft.applyRestore} onDiscard={draft.discardRestore} />}
        {draft.notice && <NoticeBanner text={draft.notice} onDismiss={() => setNotice(null)} />}
        <StoredTextNotice notices={stored.notices} onDismiss={stored.dismiss} testId="item-stored-cleaned" />

        <div className={styles.importRow}>
          <DocxImportButton hasContent={hasText(values)} onApply={applyDocx} />
        </div>

        <TitleField
          uid={uid}
          fields={fields}
          value={values.title}
          titleMax={titleMax}
          findings={check.title}
          onChange={(title) => set("title", title)}
          onIgnore={check.ignore}
          onFix={(f) => set("title", check.applyToTitle ? check.applyToTitle(valuesRef.current.title, [f]) : valuesRef.current.title)}
        />

        <BodyField
          uid={uid}
          fields={fields}
          editorKey={draft.editorKey}
          body={values.body}
          chars={draft.chars}
          invalid={!!errors.body}
          onReady={setEditor}
          onChange={(body, n) => {
            draft.setChars(n);
            changed({ ...valuesRef.current, body });
          }}
        />

        <CopyCheckPanel check={check} />
      </div>

      <aside className={styles.side} aria-label={tf("sidePanel")}>
        <div className={styles.sideCard}>
          <SyncStatus id={`${uid}-sync`} sync={sync} onRetry={() => void save("explicit")} />

          <MetaFields uid={uid} fields={fields} values={values} set={set} sections={sections} calls={calls} unitName={unitName} sourcePlaceholder={sourcePlaceholder} unitNames={unitNames} />

          {message && (
            <p role={message.kind === "error" ? "alert" : "status"} className={message.kind === "error" ? "error" : "ok"} data-testid="form-message">
              {message.text}
            </p>
          )}
          {openFindings > 0 && <p className="hint">{tf("findingsOpen", { count: openFindings })}</p>}
          <div className={styles.actions}>
            <button type="submit" className="primary" disabled={submitting || sync.kind === "locked"}>
              {submitting ? tf("submitting") : isReturned ? tf("resubmit") : t("submit")}
            </button>
            <button type="button" onClick={onSaveDraft} disabled={submitting || sync.kind === "saving" || sync.kind === "locked"}>
              {t("save")}
            </button>
          </div>
          {deleteId && (
            <DeleteDraftButton
              itemId={deleteId}
              title={values.title}
              version={() => draft.server.current.version ?? version ?? 0}
              onDeleted={() => {
                draft.forget();
                router.push("/items?deleted=1");
                router.refresh();
              }}
            />
          )}
        </div>
        {guidance}
      </aside>

      {sync.kind === "conflict" && <ConflictDialog latest={sync.latest} mine={values} onKeepMine={draft.keepMine} onTakeTheirs={draft.takeTheirs} />}
    </form>
  );
}

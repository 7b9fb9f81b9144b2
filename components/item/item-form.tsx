"use client";

import type { Editor } from "@tiptap/react";
import { useFormatter, useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { autosaveItemAction, createItemAction, latestItemAction, submitItemAction, updateItemAction } from "@/app/actions/items";
import { RichTextEditor } from "@/components/editor/rich-text-editor";
import type { LatestItem, SaveResult } from "@/lib/data/items";
import { moveTrailingAttribution } from "@/lib/editor/attribution";
import type { PasteReport } from "@/lib/editor/paste";
import type { RichDoc } from "@/lib/editor/schema";
import type { DocxImport } from "@/lib/import/docx";
import { CopyCheckPanel, FindingList, useCopyCheck } from "./copy-check";
import { DocxImportButton } from "./docx-import";
import { type LocalCopy, localCopyKey, readLocalCopy, removeLocalCopy, sameValues, writeLocalCopy } from "./local-copy";
import styles from "./item-form.module.css";

// Shown only when a save meets a newer copy: loaded then, not with the form (it brings the diff).
const ConflictDialog = dynamic(() => import("./conflict-dialog").then((m) => m.ConflictDialog), { ssr: false });

export interface ItemFormValues {
  title: string;
  body: RichDoc;
  source: string;
  suggestedSectionId: number | null;
  eventDate: string;
  contactName: string;
  contactPhone: string;
  noteToEditor: string;
  /** The call (约稿) the item answers. */
  callId?: number | null;
}

interface Props {
  itemId?: number;
  version?: number;
  /** "returned" turns 报送 into 重新报送. */
  status?: "draft" | "returned";
  initial: ItemFormValues;
  initialChars: number;
  sections: { id: number; title: string }[];
  titleMax: number;
  /** Scopes the copy kept in this browser to the person. */
  userId?: number;
  unitName?: string;
  unitNames?: string[];
  /** Open calls the unit may answer, for the 回应约稿 field. */
  calls?: { id: number; label: string }[];
  /** Shown beside the form, under the side card (the standing guidance). */
  guidance?: React.ReactNode;
}

type FieldErrors = Record<string, string>;

type Sync =
  | { kind: "clean" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: number }
  | { kind: "offline" }
  | { kind: "refused"; message: string }
  | { kind: "conflict"; latest: LatestItem }
  | { kind: "locked"; message: string };

type SaveOutcome = { ok: true; id: number; version: number } | { ok: false };

const AUTOSAVE_DELAY = 1200;
const AUTOSAVE_MAX_WAIT = 8000;
const RETRY_DELAYS = [3000, 10000, 30000, 60000];
const CHANNEL = "jianbao-items";
const GUIDE = { short: 300, long: 800, tooLong: 1500 };

const toPayload = (v: ItemFormValues) => ({
  title: v.title,
  body: v.body,
  source: v.source.trim() || null,
  suggestedSectionId: v.suggestedSectionId,
  eventDate: v.eventDate || null,
  contactName: v.contactName,
  contactPhone: v.contactPhone,
  noteToEditor: v.noteToEditor,
  ...(v.callId !== undefined ? { callId: v.callId } : {}),
});

const fromLatest = (l: LatestItem): ItemFormValues => ({
  title: l.fields.title,
  body: l.fields.body,
  source: l.fields.source ?? "",
  suggestedSectionId: l.fields.suggestedSectionId,
  eventDate: l.fields.eventDate ?? "",
  contactName: l.fields.contactName,
  contactPhone: l.fields.contactPhone,
  noteToEditor: l.fields.noteToEditor,
  callId: l.fields.callId ?? null,
});

/**
 * Sends one save. Autosave answers a stale page with the stored version; an explicit save
 * (保存草稿) is refused as stale, and the stored version is then fetched to show the same choice.
 */
async function send(mode: "autosave" | "explicit", v: ItemFormValues, id?: number, version?: number): Promise<{ error: string; fieldErrors?: Record<string, string> } | { data: SaveResult }> {
  const payload = toPayload(v);
  if (mode === "autosave") return autosaveItemAction({ ...payload, ...(id && version ? { id, version } : {}) });
  const res = id && version ? await updateItemAction({ ...payload, id, version }) : await createItemAction(payload);
  if ("data" in res) return { data: { kind: "saved", id: res.data.id, version: res.data.version, status: res.data.status, savedAt: Date.now() } };
  if (id && version && !res.fieldErrors) {
    const latest = await latestItemAction({ id });
    if ("data" in latest && latest.data.version !== version) return { data: { kind: "conflict", latest: latest.data } };
  }
  return res;
}

const hasText = (v: ItemFormValues) => !!v.title.trim() || v.body.content.some((p) => (p.content ?? []).some((n) => n.text.trim()));

/**
 * The contributor's item form. What is typed is kept in this browser at once and saved to the
 * server a moment after typing stops; a refused save, a lost connection or a copy changed in
 * another tab never loses it.
 */
export function ItemForm({ itemId, version: initialVersion, status = "draft", initial, initialChars, sections, titleMax, userId = 0, unitName, unitNames = [], calls = [], guidance }: Props) {
  const t = useTranslations("item");
  const tf = useTranslations("itemForm");
  const ta = useTranslations("attributionMove");
  const format = useFormatter();
  const router = useRouter();
  const uid = useId();
  const [values, setValues] = useState(initial);
  const [chars, setChars] = useState(initialChars);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: "error" | "ok"; text: string } | null>(null);
  const [sync, setSync] = useState<Sync>(itemId ? { kind: "saved", at: 0 } : { kind: "clean" });
  const [submitting, setSubmitting] = useState(false);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [editorKey, setEditorKey] = useState(0);
  const [restore, setRestore] = useState<LocalCopy | null>(null);
  const [pasteReport, setPasteReport] = useState<PasteReport | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [coUnit, setCoUnit] = useState("");

  // The sync engine works on refs: saves outlive renders, and must always send the latest text.
  const valuesRef = useRef(values);
  const server = useRef<{ id?: number; version?: number }>({ id: itemId, version: initialVersion });
  const lastSaved = useRef<ItemFormValues | null>(itemId ? initial : null);
  const inFlight = useRef<Promise<SaveOutcome> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const firstPendingAt = useRef<number | null>(null);
  const retries = useRef(0);
  const syncRef = useRef(sync);
  const localTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const tabId = useRef("");
  const channel = useRef<BroadcastChannel | null>(null);
  const key = useCallback((id?: number) => localCopyKey(userId, id), [userId]);
  useEffect(() => {
    syncRef.current = sync;
  }, [sync]);

  const check = useCopyCheck(editor, values.title, values.source);

  // --- the copy in this browser ---------------------------------------------------------------

  const writeLocal = useCallback(() => {
    clearTimeout(localTimer.current);
    const v = valuesRef.current;
    if (!hasText(v)) return;
    writeLocalCopy(key(server.current.id), { values: v, version: server.current.version ?? null, at: Date.now() });
  }, [key]);

  useEffect(() => {
    // Offer back a copy this browser kept that the server does not have (read once, after hydration).
    const t = setTimeout(() => {
      const local = readLocalCopy(key(itemId));
      if (local && !sameValues(local.values, initial) && hasText(local.values)) setRestore(local);
      else if (local) removeLocalCopy(key(itemId));
    }, 0);
    return () => clearTimeout(t);
    // This is a one-time check of what the page was opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // --- saving ---------------------------------------------------------------------------------

  const saveRef = useRef<(mode: "autosave" | "explicit") => Promise<SaveOutcome>>(async () => ({ ok: false }));
  const schedule = useCallback((delay: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current("autosave"), delay);
  }, []);

  const save = useCallback(
    async (mode: "autosave" | "explicit"): Promise<SaveOutcome> => {
      clearTimeout(timer.current);
      if (inFlight.current) {
        await inFlight.current;
        return saveRef.current(mode);
      }
      const snapshot = valuesRef.current;
      const { id, version } = server.current;
      const current = syncRef.current.kind;
      if (current === "conflict" || current === "locked") return { ok: false };
      if (id && version && lastSaved.current && sameValues(snapshot, lastSaved.current)) {
        setSync((s) => (s.kind === "pending" ? { kind: "saved", at: Date.now() } : s));
        return { ok: true, id, version };
      }
      if (!id && !hasText(snapshot)) return { ok: false };
      if (snapshot.title.trim().length > titleMax) {
        setSync({ kind: "refused", message: tf("titleTooLongNotSaved", { max: titleMax }) });
        return { ok: false };
      }
      if (typeof navigator !== "undefined" && navigator.onLine === false) {
        setSync({ kind: "offline" });
        return { ok: false };
      }
      setSync({ kind: "saving" });
      const run = (async (): Promise<SaveOutcome> => {
        let res: { error: string; fieldErrors?: Record<string, string> } | { data: SaveResult };
        try {
          res = await send(mode, snapshot, id, version);
        } catch {
          setSync({ kind: "offline" });
          const delay = RETRY_DELAYS[Math.min(retries.current++, RETRY_DELAYS.length - 1)];
          schedule(delay);
          return { ok: false };
        }
        retries.current = 0;
        if ("error" in res) {
          setErrors(res.fieldErrors ?? {});
          setSync({ kind: "refused", message: res.error });
          return { ok: false };
        }
        const data: SaveResult = res.data;
        if (data.kind === "conflict") {
          const editable = data.latest.status === "draft" || data.latest.status === "returned";
          setSync(editable ? { kind: "conflict", latest: data.latest } : { kind: "locked", message: tf("lockedElsewhere") });
          return { ok: false };
        }
        setErrors({});
        const wasNew = !id;
        server.current = { id: data.id, version: data.version };
        lastSaved.current = snapshot;
        if (wasNew) {
          // The draft has an address now; move this browser's copy to it.
          window.history.replaceState(null, "", `/items/${data.id}`);
          removeLocalCopy(key(undefined));
        }
        channel.current?.postMessage({ id: data.id, version: data.version, tab: tabId.current });
        if (sameValues(valuesRef.current, snapshot)) {
          removeLocalCopy(key(data.id));
          firstPendingAt.current = null;
          setSync({ kind: "saved", at: data.savedAt });
        } else {
          writeLocal();
          setSync({ kind: "pending" });
          schedule(AUTOSAVE_DELAY);
        }
        return { ok: true, id: data.id, version: data.version };
      })();
      inFlight.current = run;
      try {
        return await run;
      } finally {
        inFlight.current = null;
      }
    },
    [key, schedule, tf, titleMax, writeLocal],
  );
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  /** Called for every change the person makes. */
  const changed = useCallback(
    (next: ItemFormValues) => {
      valuesRef.current = next;
      setValues(next);
      clearTimeout(localTimer.current);
      localTimer.current = setTimeout(writeLocal, 250);
      const kind = syncRef.current.kind;
      if (kind === "conflict" || kind === "locked") return;
      if (!server.current.id && !hasText(next)) return;
      setSync({ kind: "pending" });
      const now = Date.now();
      firstPendingAt.current ??= now;
      schedule(now - firstPendingAt.current > AUTOSAVE_MAX_WAIT ? 0 : AUTOSAVE_DELAY);
    },
    [schedule, writeLocal],
  );

  const set = <K extends keyof ItemFormValues>(k: K, v: ItemFormValues[K]) => changed({ ...valuesRef.current, [k]: v });

  /** Puts new content into the whole form (a restored copy, an import, the stored version). */
  const replaceAll = useCallback(
    (next: ItemFormValues, opts: { save: boolean }) => {
      valuesRef.current = next;
      setValues(next);
      setEditorKey((k) => k + 1); // a fresh editor on the new body; its undo history starts there
      setChars(next.body.content.reduce((n, p) => n + (p.content ?? []).reduce((m, t) => m + t.text.replace(/\s/g, "").length, 0), 0));
      if (opts.save) changed(next);
    },
    [changed],
  );

  // Back online, or back to the tab: try again. Leaving with unsaved changes: keep the local copy.
  useEffect(() => {
    const online = () => {
      if (syncRef.current.kind === "offline") void saveRef.current("autosave");
    };
    const hide = () => {
      if (document.visibilityState === "hidden") writeLocal();
    };
    const leave = (e: BeforeUnloadEvent) => {
      writeLocal();
      const k = syncRef.current.kind;
      if (k === "pending" || k === "saving" || k === "offline" || k === "refused" || k === "conflict") e.preventDefault();
    };
    const offline = () => setSync((s) => (s.kind === "pending" || s.kind === "saving" ? { kind: "offline" } : s));
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    document.addEventListener("visibilitychange", hide);
    window.addEventListener("beforeunload", leave);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
      document.removeEventListener("visibilitychange", hide);
      window.removeEventListener("beforeunload", leave);
      clearTimeout(timer.current);
      clearTimeout(localTimer.current);
    };
  }, [writeLocal]);

  // Another tab saved this item: follow it when nothing here is unsaved, otherwise say so now.
  useEffect(() => {
    tabId.current ||= Math.random().toString(36).slice(2);
    if (typeof BroadcastChannel === "undefined") return;
    const ch = new BroadcastChannel(CHANNEL);
    channel.current = ch;
    ch.onmessage = async (e: MessageEvent<{ id: number; version: number; tab: string }>) => {
      const { id, version } = server.current;
      if (e.data.tab === tabId.current || e.data.id !== id || !version || e.data.version <= version) return;
      const res = await latestItemAction({ id: e.data.id });
      if ("error" in res) return;
      const latest = res.data;
      const k = syncRef.current.kind;
      const editable = latest.status === "draft" || latest.status === "returned";
      if (!editable) setSync({ kind: "locked", message: tf("lockedElsewhere") });
      else if (k === "saved" || k === "clean") {
        server.current = { id: latest.id, version: latest.version };
        lastSaved.current = fromLatest(latest);
        replaceAll(fromLatest(latest), { save: false });
        setSync({ kind: "saved", at: latest.updatedAt });
        setNotice(tf("followedOtherTab"));
      } else setSync({ kind: "conflict", latest });
    };
    return () => {
      ch.close();
      channel.current = null;
    };
  }, [replaceAll, tf]);

  // --- conflict -------------------------------------------------------------------------------

  function keepMine() {
    if (sync.kind !== "conflict") return;
    server.current = { id: sync.latest.id, version: sync.latest.version };
    setSync({ kind: "pending" });
    syncRef.current = { kind: "pending" };
    void save("explicit");
  }

  function takeTheirs() {
    if (sync.kind !== "conflict") return;
    const mine = valuesRef.current;
    const latest = sync.latest;
    server.current = { id: latest.id, version: latest.version };
    lastSaved.current = fromLatest(latest);
    replaceAll(fromLatest(latest), { save: false });
    // What was typed here stays in this browser, offered back in the banner.
    const copy = { values: mine, version: latest.version, at: Date.now() };
    writeLocalCopy(key(latest.id), copy);
    setRestore(copy);
    setSync({ kind: "saved", at: latest.updatedAt });
  }

  // --- submit ---------------------------------------------------------------------------------

  function validateForSubmit(v: ItemFormValues): FieldErrors {
    const e: FieldErrors = {};
    if (!v.title.trim()) e.title = tf("titleRequired");
    else if (v.title.trim().length > titleMax) e.title = tf("titleTooLong", { max: titleMax, over: v.title.trim().length - titleMax });
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
    const moved = moveTrailingAttribution(valuesRef.current.body, valuesRef.current.source);
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
    removeLocalCopy(key(saved.id));
    channel.current?.postMessage({ id: saved.id, version: res.data.version, tab: tabId.current });
    router.push(`/items/${saved.id}?submitted=1`);
    router.refresh();
  }

  async function onSaveDraft() {
    setMessage(null);
    if (!server.current.id && !hasText(valuesRef.current)) {
      setMessage({ kind: "error", text: tf("nothingToSave") });
      return;
    }
    const moved = moveTrailingAttribution(valuesRef.current.body, valuesRef.current.source);
    if (moved) {
      replaceAll({ ...valuesRef.current, body: moved.body, source: moved.source }, { save: false });
      setNotice(ta("moved", { source: moved.moved }));
    }
    const r = await save("explicit");
    if (r.ok) setMessage({ kind: "ok", text: t("saved") });
  }

  // --- imports --------------------------------------------------------------------------------

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

  function addCoUnit() {
    const name = coUnit.trim();
    if (!name) return;
    const parts = values.source.split("、").map((s) => s.trim()).filter(Boolean);
    if (!parts.includes(name)) set("source", [...parts, name].join("、"));
    setCoUnit("");
  }

  // --- rendering ------------------------------------------------------------------------------

  const field = (name: keyof ItemFormValues, describedBy?: string) => ({
    id: `${uid}-${name}`,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": [describedBy, errors[name] ? `${uid}-${name}-error` : undefined].filter(Boolean).join(" ") || undefined,
  });
  const errorFor = (name: string) =>
    errors[name] ? (
      <span id={`${uid}-${name}-error`} className="field-error" role="alert">
        {errors[name]}
      </span>
    ) : null;

  const titleLength = values.title.trim().length;
  const lengthBand = chars === 0 ? "empty" : chars < GUIDE.short ? "short" : chars <= GUIDE.long ? "good" : chars <= GUIDE.tooLong ? "long" : "tooLong";
  const openFindings = check.body.length + check.title.length;
  const isReturned = status === "returned";

  return (
    <form onSubmit={onSubmit} className={styles.layout} noValidate aria-describedby={`${uid}-sync`}>
      <div className={styles.main}>
        {restore && (
          <div className={styles.banner} role="status" data-testid="restore-banner">
            <span>{tf("restoreOffer", { time: format.dateTime(new Date(restore.at), { dateStyle: "medium", timeStyle: "short" }) })}</span>
            <span className={styles.bannerButtons}>
              <button
                type="button"
                className="primary"
                onClick={() => {
                  replaceAll(restore.values, { save: true });
                  setRestore(null);
                }}
              >
                {tf("restore")}
              </button>
              <button
                type="button"
                onClick={() => {
                  removeLocalCopy(key(server.current.id));
                  setRestore(null);
                }}
              >
                {tf("discardLocal")}
              </button>
            </span>
          </div>
        )}
        {notice && (
          <div className={styles.banner} role="status">
            <span>{notice}</span>
            <button type="button" className={styles.small} onClick={() => setNotice(null)}>
              {tf("dismiss")}
            </button>
          </div>
        )}

        <div className={styles.importRow}>
          <DocxImportButton hasContent={hasText(values)} onApply={applyDocx} />
        </div>

        <div className="field">
          <label htmlFor={`${uid}-title`}>{t("title")}</label>
          <input
            {...field("title", `${uid}-title-count`)}
            className={styles.titleInput}
            value={values.title}
            onChange={(e) => set("title", e.target.value)}
            required
            autoComplete="off"
          />
          <span id={`${uid}-title-count`} className={`hint ${titleLength > titleMax ? styles.over : ""}`} data-testid="title-count">
            {titleLength > titleMax ? tf("titleOver", { count: titleLength, max: titleMax, over: titleLength - titleMax }) : tf("titleCount", { count: titleLength, max: titleMax })}
          </span>
          {errorFor("title")}
          {check.title.length > 0 && (
            <FindingList findings={check.title} testId="title-findings" onIgnore={check.ignore} onFix={(f) => set("title", check.applyToTitle ? check.applyToTitle(valuesRef.current.title, [f]) : valuesRef.current.title)} />
          )}
        </div>

        <div className="field">
          <span id={`${uid}-body-label`} className="label">
            {t("body")}
          </span>
          <RichTextEditor
            key={editorKey}
            id={`${uid}-body`}
            value={values.body}
            labelledBy={`${uid}-body-label`}
            describedBy={`${uid}-chars ${uid}-body-hint`}
            invalid={!!errors.body}
            onReady={setEditor}
            onPaste={(r) => setPasteReport(r)}
            onChange={(body, n) => {
              setChars(n);
              changed({ ...valuesRef.current, body });
            }}
          />
          <span id={`${uid}-body-hint`} className="hint">
            {tf("bodyHint")}
          </span>
          {pasteReport && (
            <div className={styles.pasteNotice} role="status" data-testid="paste-notice">
              <p>
                {tf("pasteKept")}
                {pasteReport.formatting && tf("pasteFormattingDropped")}
                {pasteReport.links > 0 && tf("pasteLinks", { count: pasteReport.links })}
              </p>
              {pasteReport.images > 0 && <p className={styles.warn}>{tf("pasteImages", { count: pasteReport.images })}</p>}
              {pasteReport.tables > 0 && <p className={styles.warn}>{tf("pasteTables", { count: pasteReport.tables })}</p>}
              {pasteReport.notices.map((n) => (
                <p key={n} className={styles.warn} data-testid="paste-notice-item">
                  {n}
                </p>
              ))}
              <button type="button" className={styles.small} onClick={() => setPasteReport(null)}>
                {tf("dismiss")}
              </button>
            </div>
          )}
          {errorFor("body")}
          <div id={`${uid}-chars`} className={styles.length} data-band={lengthBand}>
            <span data-testid="char-count" aria-live="polite">
              {t("chars", { count: chars })}
            </span>
            <span className={styles.meter} aria-hidden="true">
              <span className={styles.meterBand} />
              <span className={styles.meterFill} style={{ width: `${Math.min(100, (chars / GUIDE.tooLong) * 100)}%` }} />
            </span>
            <span className="hint">{tf(`length.${lengthBand}`, { short: GUIDE.short, long: GUIDE.long })}</span>
          </div>
        </div>

        <CopyCheckPanel check={check} />
      </div>

      <aside className={styles.side} aria-label={tf("sidePanel")}>
        <div className={styles.sideCard}>
          <SyncStatus id={`${uid}-sync`} sync={sync} onRetry={() => void save("explicit")} />

          <div className="field">
            <label htmlFor={`${uid}-suggestedSectionId`}>{t("section")}</label>
            <select
              {...field("suggestedSectionId")}
              value={values.suggestedSectionId ?? ""}
              onChange={(e) => set("suggestedSectionId", e.target.value ? Number(e.target.value) : null)}
            >
              <option value="">{t("sectionNone")}</option>
              {sections.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
            {errorFor("suggestedSectionId")}
          </div>

          {(calls.length > 0 || values.callId) && (
            <div className="field">
              <label htmlFor={`${uid}-callId`}>{tf("callLink")}</label>
              <select {...field("callId")} value={values.callId ?? ""} onChange={(e) => set("callId", e.target.value ? Number(e.target.value) : null)}>
                <option value="">{tf("callNone")}</option>
                {calls.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
              {errorFor("callId")}
            </div>
          )}

          <div className="field">
            <label htmlFor={`${uid}-eventDate`}>{t("eventDate")}</label>
            <input type="date" {...field("eventDate")} min="2000-01-01" max="2100-12-31" value={values.eventDate} onChange={(e) => set("eventDate", e.target.value)} />
            {errorFor("eventDate")}
          </div>

          <div className="field">
            <label htmlFor={`${uid}-source`}>{t("source")}</label>
            <input {...field("source", `${uid}-source-hint`)} value={values.source} onChange={(e) => set("source", e.target.value)} placeholder={unitName} />
            <span id={`${uid}-source-hint`} className="hint">
              {t("sourceHint")}
            </span>
            {errorFor("source")}
            {unitNames.length > 0 && (
              <div className={styles.coUnit}>
                <input
                  list={`${uid}-units`}
                  aria-label={tf("coUnit")}
                  placeholder={tf("coUnitPlaceholder")}
                  value={coUnit}
                  onChange={(e) => setCoUnit(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") {
                      e.preventDefault();
                      addCoUnit();
                    }
                  }}
                />
                <datalist id={`${uid}-units`}>
                  {unitNames
                    .filter((n) => n !== unitName)
                    .map((n) => (
                      <option key={n} value={n} />
                    ))}
                </datalist>
                <button type="button" className={styles.small} onClick={addCoUnit} disabled={!coUnit.trim()}>
                  {tf("addCoUnit")}
                </button>
              </div>
            )}
          </div>

          <div className={styles.twoCols}>
            <div className="field">
              <label htmlFor={`${uid}-contactName`}>{t("contactName")}</label>
              <input {...field("contactName")} value={values.contactName} onChange={(e) => set("contactName", e.target.value)} autoComplete="name" />
              {errorFor("contactName")}
            </div>
            <div className="field">
              <label htmlFor={`${uid}-contactPhone`}>{t("contactPhone")}</label>
              <input {...field("contactPhone")} inputMode="tel" autoComplete="tel" value={values.contactPhone} onChange={(e) => set("contactPhone", e.target.value)} />
              {errorFor("contactPhone")}
            </div>
          </div>

          <div className="field">
            <label htmlFor={`${uid}-noteToEditor`}>{t("noteToEditor")}</label>
            <textarea {...field("noteToEditor", `${uid}-note-hint`)} rows={3} value={values.noteToEditor} onChange={(e) => set("noteToEditor", e.target.value)} />
            <span id={`${uid}-note-hint`} className="hint">
              {tf("noteHint")}
            </span>
            {errorFor("noteToEditor")}
          </div>

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
        </div>
        {guidance}
      </aside>

      {sync.kind === "conflict" && <ConflictDialog latest={sync.latest} mine={values} onKeepMine={keepMine} onTakeTheirs={takeTheirs} />}
    </form>
  );
}

function SyncStatus({ id, sync, onRetry }: { id: string; sync: Sync; onRetry: () => void }) {
  const tf = useTranslations("itemForm");
  const format = useFormatter();
  let text: string;
  switch (sync.kind) {
    case "clean":
      text = tf("sync.clean");
      break;
    case "pending":
      text = tf("sync.pending");
      break;
    case "saving":
      text = tf("sync.saving");
      break;
    case "saved":
      text = sync.at ? tf("sync.savedAt", { time: format.dateTime(new Date(sync.at), { timeStyle: "short" }) }) : tf("sync.saved");
      break;
    case "offline":
      text = tf("sync.offline");
      break;
    case "refused":
      text = tf("sync.refused", { message: sync.message });
      break;
    case "conflict":
      text = tf("sync.conflict");
      break;
    case "locked":
      text = sync.message;
      break;
  }
  return (
    <div id={id} className={styles.sync} data-state={sync.kind} data-testid="save-state" role="status" aria-live="polite">
      <span className={styles.dot} aria-hidden="true" />
      <span>{text}</span>
      {(sync.kind === "offline" || sync.kind === "refused") && (
        <button type="button" className={styles.small} onClick={onRetry}>
          {tf("retry")}
        </button>
      )}
    </div>
  );
}

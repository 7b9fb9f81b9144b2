"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { autosaveItemAction, createItemAction, latestItemAction, updateItemAction } from "@/app/actions/items";
import type { LatestItem, SaveResult } from "@/lib/data/items";
import { bodyChars, fromLatest, hasText, type ItemFormValues, sameValues, toPayload } from "@/lib/item/form-values";
import { type LocalCopy, localCopyKey, readLocalCopy, removeLocalCopy, writeLocalCopy } from "./local-copy";
import { lengthOf } from "@/lib/text/count";

export type FieldErrors = Record<string, string>;

/** Where the draft stands against the server. */
export type Sync =
  | { kind: "clean" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: number }
  | { kind: "offline" }
  | { kind: "refused"; message: string }
  | { kind: "conflict"; latest: LatestItem }
  | { kind: "locked"; message: string };

export type SaveOutcome = { ok: true; id: number; version: number } | { ok: false };

const AUTOSAVE_DELAY = 1200;
const AUTOSAVE_MAX_WAIT = 8000;
const RETRY_DELAYS = [3000, 10000, 30000, 60000];
const CHANNEL = "jianbao-items";

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

interface Options {
  itemId?: number;
  version?: number;
  initial: ItemFormValues;
  /** `initial` with stored text from before the text rule cleaned (useCleanedOnLoad): what the form starts with and sends. */
  loaded?: ItemFormValues;
  initialChars: number;
  /** Scopes the copy kept in this browser to the person. */
  userId: number;
  titleMax: number;
}

/**
 * The draft-sync engine of the item form: what is typed is kept in this browser at once
 * (localStorage, see local-copy.ts) and saved to the server a moment after typing stops
 * (autosave, 1.2 s; at most 8 s of continuous typing). A failed request retries with back-off
 * (3, 10, 30, 60 s) and again when the browser is back online; a refused save keeps the local
 * copy; a newer copy on the server (another tab, another person) turns into a conflict the person
 * decides, and another tab's save is followed through a BroadcastChannel when nothing here is
 * unsaved. The engine works on refs: saves outlive renders and always send the latest text.
 *
 * `changed` is called for every edit; `replaceAll` puts new content into the whole form (a
 * restored copy, an import, the stored version) and asks for a fresh editor (`editorKey`).
 */
export function useDraftSync({ itemId, version: initialVersion, initial, loaded, initialChars, userId, titleMax }: Options) {
  const tf = useTranslations("itemForm");
  const [values, setValues] = useState(loaded ?? initial);
  const [chars, setChars] = useState(initialChars);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sync, setSync] = useState<Sync>(itemId ? { kind: "saved", at: 0 } : { kind: "clean" });
  const [editorKey, setEditorKey] = useState(0);
  const [restore, setRestore] = useState<LocalCopy | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The id a new draft got at its first save (this page was opened as /items/new).
  const [createdId, setCreatedId] = useState<number | undefined>(undefined);

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
      if (lengthOf(snapshot.title.trim()) > titleMax) {
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
          setCreatedId(data.id);
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

  /** Sets one field (a change the person made). */
  const set = useCallback(<K extends keyof ItemFormValues>(k: K, v: ItemFormValues[K]) => changed({ ...valuesRef.current, [k]: v }), [changed]);

  /** Puts new content into the whole form (a restored copy, an import, the stored version). */
  const replaceAll = useCallback(
    (next: ItemFormValues, opts: { save: boolean }) => {
      valuesRef.current = next;
      setValues(next);
      setEditorKey((k) => k + 1); // a fresh editor on the new body; its undo history starts there
      setChars(bodyChars(next));
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

  /** Saves what is here over the newer stored copy. */
  const keepMine = useCallback(() => {
    const s = syncRef.current;
    if (s.kind !== "conflict") return;
    server.current = { id: s.latest.id, version: s.latest.version };
    setSync({ kind: "pending" });
    syncRef.current = { kind: "pending" };
    void save("explicit");
  }, [save]);

  /** Takes the stored copy; what was typed here stays in this browser, offered back in the banner. */
  const takeTheirs = useCallback(() => {
    const s = syncRef.current;
    if (s.kind !== "conflict") return;
    const mine = valuesRef.current;
    const latest = s.latest;
    server.current = { id: latest.id, version: latest.version };
    lastSaved.current = fromLatest(latest);
    replaceAll(fromLatest(latest), { save: false });
    const copy = { values: mine, version: latest.version, at: Date.now() };
    writeLocalCopy(key(latest.id), copy);
    setRestore(copy);
    setSync({ kind: "saved", at: latest.updatedAt });
  }, [key, replaceAll]);

  // --- the restore banner ---------------------------------------------------------------------

  const applyRestore = useCallback(() => {
    if (restore) replaceAll(restore.values, { save: true });
    setRestore(null);
  }, [replaceAll, restore]);

  const discardRestore = useCallback(() => {
    removeLocalCopy(key(server.current.id));
    setRestore(null);
  }, [key]);

  /** After a submit: this browser's copy goes, and other tabs hear of the new version. */
  const submitted = useCallback(
    (id: number, version: number) => {
      removeLocalCopy(key(id));
      channel.current?.postMessage({ id, version, tab: tabId.current });
    },
    [key],
  );

  /** After the draft is deleted: nothing is kept, nothing more is saved. */
  const forget = useCallback(() => {
    clearTimeout(timer.current);
    clearTimeout(localTimer.current);
    removeLocalCopy(key(server.current.id));
    removeLocalCopy(key(undefined));
    syncRef.current = { kind: "clean" };
    setSync({ kind: "clean" });
  }, [key]);

  return {
    values,
    valuesRef,
    createdId,
    chars,
    setChars,
    errors,
    setErrors,
    sync,
    editorKey,
    restore,
    notice,
    setNotice,
    server,
    save,
    changed,
    set,
    replaceAll,
    keepMine,
    takeTheirs,
    applyRestore,
    discardRestore,
    submitted,
    forget,
  };
}

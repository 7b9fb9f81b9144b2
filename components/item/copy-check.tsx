"use client";

import type { Editor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CopyRule, Finding, WordLists } from "@/lib/copycheck";
import { type MarkedRange, setCopyCheckRanges } from "@/lib/editor/extensions";
import styles from "./item-form.module.css";

type CopyCheckLib = typeof import("@/lib/copycheck");

export interface BodyFinding extends Finding {
  key: string;
  from: number;
  to: number;
}

const findingKey = (f: Finding) => `${f.rule}|${f.prefix}|${f.original}|${f.suffix}`;

/**
 * Runs the copy checks on the title and body as the person types and shows the body's findings
 * in place (underlined in the editor). The checker, with zhlint, is loaded after the form is up.
 */
export function useCopyCheck(editor: Editor | null, title: string, source: string) {
  const [lib, setLib] = useState<CopyCheckLib | null>(null);
  const [body, setBody] = useState<BodyFinding[]>([]);
  const [ignored, setIgnored] = useState<Set<string>>(new Set());
  const t = useTranslations("copyCheck");
  const tRef = useRef(t);
  useEffect(() => {
    tRef.current = t;
  });

  // The admin's 规范表述 and 敏感词 lists, fetched once; the checks run without them until they come.
  const [wordLists, setWordLists] = useState<WordLists | null>(null);
  // Both wait until the editor is up and the browser is idle: on a slow PC, fetching and parsing
  // the checker (zhlint) while the form hydrates would delay the moment the form can be used.
  const editorUp = editor !== null;
  useEffect(() => {
    if (!editorUp) return;
    let live = true;
    const load = () => {
      fetch("/api/word-lists")
        .then((r) => (r.ok ? (r.json() as Promise<{ data: WordLists }>) : null))
        .then((j) => live && j && setWordLists(j.data))
        .catch(() => {});
      import("@/lib/copycheck").then((m) => live && setLib(m)).catch(() => {});
    };
    const idle = typeof window.requestIdleCallback === "function";
    const handle = idle ? window.requestIdleCallback(load, { timeout: 1500 }) : window.setTimeout(load, 200);
    return () => {
      live = false;
      if (idle) window.cancelIdleCallback(handle);
      else window.clearTimeout(handle);
    };
  }, [editorUp]);

  const run = useCallback(() => {
    if (!lib || !editor || editor.isDestroyed) return;
    const doc = editor.state.doc;
    let lastText = -1;
    doc.forEach((node, _offset, index) => {
      if (node.textContent.trim()) lastText = index;
    });
    const out: BodyFinding[] = [];
    const texts: string[] = [];
    doc.forEach((node) => {
      texts.push(node.textContent);
    });
    const continues = lib.quotationContinuations(texts);
    doc.forEach((node, offset, index) => {
      for (const f of lib.checkText(node.textContent, { kind: "body", last: index === lastText, source, quotationContinues: continues[index], wordLists })) {
        const key = findingKey(f);
        if (ignored.has(key)) continue;
        out.push({ ...f, key, from: offset + 1 + f.start, to: offset + 1 + f.end });
      }
    });
    setBody(out);
    const ranges: MarkedRange[] = out.map((f) => {
      // An insertion (the missing 。) is shown on the character it would follow.
      const from = f.from === f.to ? Math.max(f.from - 1, 1) : f.from;
      return { from, to: f.to, id: f.key, className: f.from === f.to ? styles.flagAfter : styles.flag, title: tRef.current(`rules.${f.rule}` as "rules.format") };
    });
    editor.view.dispatch(setCopyCheckRanges(editor.state.tr, ranges));
  }, [lib, editor, source, ignored, wordLists]);

  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | undefined = setTimeout(run, 0);
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(run, 250);
    };
    editor.on("update", onUpdate);
    return () => {
      clearTimeout(timer);
      editor.off("update", onUpdate);
    };
  }, [editor, run]);

  const titleFindings = useMemo(
    () => (lib ? lib.checkText(title, { kind: "title", wordLists }).filter((f) => !ignored.has(findingKey(f))).map((f) => ({ ...f, key: findingKey(f) })) : []),
    [lib, title, ignored, wordLists],
  );

  const fixBody = useCallback(
    (fs: BodyFinding[]) => {
      if (!editor) return;
      editor
        .chain()
        .command(({ tr }) => {
          let changed = false;
          for (const f of [...fs].sort((a, b) => b.from - a.from)) {
            if (f.flagOnly) continue; // a 敏感词 is for a person to rewrite
            if (tr.doc.textBetween(f.from, f.to) !== f.original) continue; // the text moved on since
            if (f.replacement) tr.insertText(f.replacement, f.from, f.to);
            else tr.delete(f.from, f.to);
            changed = true;
          }
          return changed;
        })
        .run();
      run();
    },
    [editor, run],
  );

  const ignore = useCallback((key: string) => setIgnored((s) => new Set(s).add(key)), []);

  return { ready: !!lib, body, title: titleFindings, fixBody, ignore, applyToTitle: lib?.applyFindings };
}

const visible = (s: string) => s.replace(/ /g, "␣").replace(/\u3000/g, "□").replace(/\u00a0/g, "␣");

/** One finding in context: what is there, and what the fix makes of it. */
function FindingText({ f }: { f: Finding }) {
  return (
    <span className={styles.findingText}>
      <span className={styles.ctx}>
        {f.prefix && "…"}
        {f.prefix}
        <mark className={styles.was}>{f.original ? visible(f.original) : "‸"}</mark>
        {f.suffix}
        {f.suffix && "…"}
      </span>
      <span aria-hidden="true"> → </span>
      <span className={styles.ctx}>
        {f.prefix && "…"}
        {f.prefix}
        {f.replacement ? <ins className={styles.becomes}>{f.replacement}</ins> : null}
        {f.suffix}
        {f.suffix && "…"}
      </span>
    </span>
  );
}

/** What the fixed spot reads as: a space removed from 「6 月 20 日」 reads 「6月20日」, not 「月20」. */
function fixedSnippet(f: Finding): string {
  const spaced = /^[\s\u3000]|[\s\u3000]$/.test(f.original);
  return spaced ? `${f.prefix.slice(-1)}${f.replacement}${f.suffix.slice(0, 1)}` : f.replacement;
}

function fixLabel(t: ReturnType<typeof useTranslations<"copyCheck">>, f: Finding) {
  if (!f.replacement && /^[\s\u3000\u00a0]+$/.test(f.original)) return t("fixDeleteSpace");
  if (!f.replacement) return t("fixDelete", { text: visible(f.original) });
  if (!f.original) return t("fixInsert", { text: f.replacement });
  return t("fixReplace", { text: fixedSnippet(f) });
}

interface FindingListProps<F extends Finding & { key: string }> {
  findings: F[];
  onFix: (f: F) => void;
  onIgnore: (key: string) => void;
  testId: string;
}

export function FindingList<F extends Finding & { key: string }>({ findings, onFix, onIgnore, testId }: FindingListProps<F>) {
  const t = useTranslations("copyCheck");
  return (
    <ul className={styles.findings} data-testid={testId}>
      {findings.map((f) => {
        const rule = t(`rules.${f.rule}` as "rules.format");
        return (
          <li key={f.key} data-testid="copy-finding" data-rule={f.rule}>
            <span className={styles.rule}>{rule}</span>
            <FindingText f={f} />
            <span className={styles.findingButtons}>
              {f.flagOnly ? (
                <span className={styles.rule}>{t("flagOnly")}</span>
              ) : (
                <button type="button" className={styles.small} onClick={() => onFix(f)} aria-label={`${fixLabel(t, f)}（${rule}）`}>
                  {fixLabel(t, f)}
                </button>
              )}
              <button type="button" className={`${styles.small} ${styles.quiet}`} onClick={() => onIgnore(f.key)} aria-label={`${t("ignore")}（${rule}）`}>
                {t("ignore")}
              </button>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** The body's findings under the editor: a heading, fix-all, and each finding with its fix. */
export function CopyCheckPanel({ check }: { check: ReturnType<typeof useCopyCheck> }) {
  const t = useTranslations("copyCheck");
  const n = check.body.length;
  const fixable = check.body.filter((f) => !f.flagOnly).length;
  return (
    <section className={styles.copycheck} aria-labelledby="copycheck-heading" data-testid="copy-check" data-ready={check.ready}>
      <div className={styles.copycheckHead}>
        <h2 id="copycheck-heading">
          {t("title")} {check.ready && <span className={styles.countPill}>{n}</span>}
        </h2>
        {fixable > 1 && (
          <button type="button" className={styles.small} onClick={() => check.fixBody(check.body)}>
            {t("fixAll", { count: fixable })}
          </button>
        )}
      </div>
      {!check.ready ? (
        <p className="hint">{t("loading")}</p>
      ) : n === 0 ? (
        <p className={`hint ${styles.allGood}`}>{t("none")}</p>
      ) : (
        <>
          <p className="hint">{t("hint")}</p>
          <FindingList findings={check.body} onFix={(f) => check.fixBody([f])} onIgnore={check.ignore} testId="body-findings" />
        </>
      )}
    </section>
  );
}

export type { CopyRule };

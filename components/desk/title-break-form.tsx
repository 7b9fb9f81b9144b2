"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useMemo, useState } from "react";
import { setTitleBreaksAction } from "@/app/actions/title-breaks";
import { titleBreakPoints, titleLines } from "@/lib/bulletin/title-lines";
import type { TitleBreakView } from "@/lib/data/title-breaks";
import styles from "./title-break-editor.module.css";

/**
 * The title as its words with a toggle between each two where a line may break (aria-pressed, and
 * a label naming the word before it), a preview of the printed lines (the same titleLines the
 * print uses), and save / back to automatic. Read-only while the issue is in review or approved.
 */
export function TitleBreakForm({ view }: { view: TitleBreakView }) {
  const t = useTranslations("titles");
  const router = useRouter();
  const uid = useId();
  const [breaks, setBreaks] = useState<number[]>(view.breaks);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // A new stored view (after a save's refresh, or another editor's change) resets the toggles; the
  // status line stays, so the editor sees 换行已保存 after the page has read the saved breaks.
  const viewKey = `${view.title}|${view.breaks.join(",")}`;
  const [shownView, setShownView] = useState(viewKey);
  if (shownView !== viewKey) {
    setShownView(viewKey);
    setBreaks(view.breaks);
  }

  // Word ends where a break may go, with the word before each (for its label).
  const words = useMemo(() => wordEnds(view), [view]);
  const lines = titleLines(view.title, view.cells, { words: view.words, breaks });
  const changed = breaks.join(",") !== view.breaks.join(",");

  function toggle(at: number) {
    setStatus(null);
    setError(null);
    setBreaks((b) => (b.includes(at) ? b.filter((x) => x !== at) : [...b, at].sort((x, y) => x - y)));
  }

  async function save(next: number[]) {
    setPending(true);
    setStatus(null);
    const res = await setTitleBreaksAction({ itemId: view.itemId, title: view.title, breaks: next });
    setPending(false);
    if ("error" in res) {
      setError(res.error);
      return;
    }
    setError(null);
    setBreaks(res.data.breaks);
    setStatus(t("saved"));
    router.refresh();
  }

  const locked = !view.editable;
  return (
    <section className="card" aria-labelledby={`${uid}-h`} data-testid="title-breaks">
      <h2 id={`${uid}-h`}>{t("heading")}</h2>
      <p className="hint">{t("hint")}</p>
      {locked && <p className="note">{t("locked")}</p>}
      {view.dropped.length > 0 && (
        <p className="note" role="status" data-testid="title-breaks-dropped">
          {t("dropped", { list: view.dropped.join("”、“") })}
        </p>
      )}
      <div className={styles.words} role="group" aria-label={t("breakPoints")}>
        {words.map((w, i) => {
          const last = i === words.length - 1;
          return (
            <span key={w.end} className={styles.word}>
              {w.text}
              {!last && w.breakable && (
                <button
                  type="button"
                  className={styles.gap}
                  aria-pressed={breaks.includes(w.end)}
                  aria-label={t("breakAfter", { word: w.label })}
                  disabled={locked || pending}
                  onClick={() => toggle(w.end)}
                >
                  {breaks.includes(w.end) ? "↵" : "·"}
                </button>
              )}
            </span>
          );
        })}
      </div>
      <p className="hint" id={`${uid}-p`}>
        {t("preview", { cells: view.cells })} — {breaks.length ? t("manual", { count: breaks.length }) : t("automatic")}
      </p>
      <div className={styles.preview} aria-labelledby={`${uid}-p`} data-testid="title-breaks-preview">
        {lines.map((l, i) => (
          <span key={i} className={styles.previewLine}>
            {l}
          </span>
        ))}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {status && <p role="status">{status}</p>}
      {!locked && (
        <div className={styles.buttons}>
          <button type="button" className="primary" disabled={pending || !changed} onClick={() => save(breaks)}>
            {t("save")}
          </button>
          <button type="button" disabled={pending || (!breaks.length && !view.breaks.length)} onClick={() => save([])}>
            {t("auto")}
          </button>
        </div>
      )}
    </section>
  );
}

/**
 * Each word with the offset where it ends, whether a line may break there, and the label of that
 * place. A break is offered only where the line breaker takes a word boundary (titleBreakPoints:
 * not inside a quoted name, not inside a short compound such as 在京 or 市科协, 避头尾 kept), and
 * where a break is stored already (so an older one can be taken back).
 */
function wordEnds({ title, words, cells, breaks }: TitleBreakView) {
  const punct = /^[\p{P}\s]+$/u;
  const offered = new Set([...titleBreakPoints(title, words, cells), ...breaks]);
  const out: { text: string; label: string; end: number; breakable: boolean }[] = [];
  let at = 0;
  words.forEach((w, i) => {
    at += w.text.length;
    // Labelled with the words before the place, back to five characters or the previous
    // punctuation: 在“北京制冷学会”后换行, 在“制冷学会、”后换行.
    let label = w.text;
    for (let k = i - 1; k >= 0 && [...label].length < 5 && !punct.test(words[k].text); k--) label = words[k].text + label;
    out.push({ text: w.text, label: label.trim() || label, end: at, breakable: offered.has(at) });
  });
  return out;
}

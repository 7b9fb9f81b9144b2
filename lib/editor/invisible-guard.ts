import { Extension } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { type EditorState, Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { InvisibleCleaner, findAllInvisible } from "@/lib/text/invisible";

/** The DOM event (on the editor's element) that says what the guard removed or replaced. */
export const INVISIBLE_REPORT_EVENT = "bulletin-invisible-report";
/**
 * The event's detail: what one cleaning removed and replaced, as [U+XXXX, count] pairs — the page
 * adds them up (InvisibleCleaner.merge) and shows the sentences, e.g. 「已把 1 个特殊空格换成普通空格：不间断空格（U+00A0）1 个」.
 */
export interface InvisibleReport {
  removed: [string, number][];
  replaced: [string, number][];
}

const key = new PluginKey<InvisibleReport | null>("invisibleGuard");

/**
 * A transaction that removes the invisible characters and turns the odd spaces of `doc` into
 * ordinary spaces (lib/text/invisible.ts; emoji sequences kept), or null when there are none.
 * Each paragraph is read whole, so a joiner between two emoji in differently marked runs is judged
 * in its context; marks are kept.
 */
export function cleanInvisibles(state: EditorState): { tr: Transaction; report: InvisibleReport } | null {
  const edits: { from: number; to: number; space: boolean }[] = [];
  state.doc.descendants((block: PMNode, pos: number) => {
    if (!block.isTextblock) return true;
    // Offsets in the paragraph's text → document positions (text runs only; the schema has no other inline nodes).
    let text = "";
    const runs: { offset: number; pos: number }[] = [];
    block.forEach((child, offset) => {
      if (!child.isText) return;
      runs.push({ offset: text.length, pos: pos + 1 + offset });
      text += child.text ?? "";
    });
    for (const h of findAllInvisible(text)) {
      const run = runs.findLast((r) => r.offset <= h.index);
      if (!run) continue;
      const from = run.pos + (h.index - run.offset);
      const len = (text.codePointAt(h.index) ?? 0) > 0xffff ? 2 : 1;
      edits.push({ from, to: from + len, space: h.kind === "space" });
    }
    return false;
  });
  if (!edits.length) return null;
  // The same cleaner as the paste and the importers counts what was done, for the notice.
  const cleaner = new InvisibleCleaner();
  for (const e of edits) cleaner.clean(state.doc.textBetween(e.from, e.to));
  // Applied from the end, so earlier positions stay valid.
  let tr = state.tr;
  for (const e of edits.reverse()) tr = e.space ? tr.insertText(" ", e.from, e.to) : tr.delete(e.from, e.to);
  return { tr, report: { removed: [...cleaner.removed], replaced: [...cleaner.replaced] } };
}

/**
 * Keeps invisible characters and odd spaces out of the body, however they come in — typed (a
 * no-break space from Option+Space or an input method), dropped, or already in a stored text from
 * before the rule — so an autosave is never refused for a character nobody can see. The change is
 * said on the page (INVISIBLE_REPORT_EVENT → the editor's notice), never made in silence. Pastes
 * are cleaned earlier, by the paste cleaner, with its own notice.
 */
export const InvisibleGuard = Extension.create({
  name: "invisibleGuard",
  addProseMirrorPlugins() {
    return [
      new Plugin<InvisibleReport | null>({
        key,
        state: {
          init: () => null,
          apply: (tr, prev) => (tr.getMeta(key) as InvisibleReport | undefined) ?? (tr.docChanged ? null : prev),
        },
        appendTransaction(trs, _old, state) {
          if (!trs.some((t) => t.docChanged) || trs.some((t) => t.getMeta(key))) return null;
          const cleaned = cleanInvisibles(state);
          return cleaned ? cleaned.tr.setMeta(key, cleaned.report) : null;
        },
        view(view) {
          // A stored text from before the rule: cleaned once the editor is up (an editable one only).
          const start = setTimeout(() => {
            if (!view.editable || view.isDestroyed) return;
            const cleaned = cleanInvisibles(view.state);
            if (cleaned) view.dispatch(cleaned.tr.setMeta(key, cleaned.report).setMeta("addToHistory", false));
          }, 0);
          return {
            update(v, prevState) {
              const report = key.getState(v.state);
              if (report && report !== key.getState(prevState)) v.dom.dispatchEvent(new CustomEvent(INVISIBLE_REPORT_EVENT, { detail: report, bubbles: true }));
            },
            destroy() {
              clearTimeout(start);
            },
          };
        },
      }),
    ];
  },
});

import { Extension } from "@tiptap/core";
import Bold from "@tiptap/extension-bold";
import Document from "@tiptap/extension-document";
import Italic from "@tiptap/extension-italic";
import Paragraph from "@tiptap/extension-paragraph";
import Text from "@tiptap/extension-text";
import { Fragment, Slice } from "@tiptap/pm/model";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { cleanPastedHtml, cleanPastedTextReport, nbspToSpace, PASTE_REPORT_EVENT, type PasteReport } from "./paste";

/** The fragment with every U+00A0 of its text made an ordinary space (see nbspToSpace). */
function withOrdinarySpaces(fragment: Fragment): Fragment {
  const nodes: import("@tiptap/pm/model").Node[] = [];
  fragment.forEach((n) => nodes.push(n.isText ? n.type.schema.text(nbspToSpace(n.text ?? ""), n.marks) : n.copy(withOrdinarySpaces(n.content))));
  return Fragment.fromArray(nodes);
}

/**
 * Pasting and dropping keep paragraphs, bold and italic and drop everything else (see paste.ts);
 * what was dropped is reported to the page as a DOM event on the editor, so it can say so.
 * Adds no node or mark: the stored schema stays paragraphs, bold and italic.
 */
export const BulletinPaste = Extension.create({
  name: "bulletinPaste",
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey("bulletinPaste"),
        props: {
          transformPastedHTML(html, view) {
            const { html: clean, report } = cleanPastedHtml(html);
            queueMicrotask(() => view.dom.dispatchEvent(new CustomEvent(PASTE_REPORT_EVENT, { detail: report, bubbles: true })));
            return clean;
          },
          // Spaces the cleaner kept (two &nbsp; are two spaces) arrive as U+00A0: ordinary ones again.
          transformPasted(slice) {
            return new Slice(withOrdinarySpaces(slice.content), slice.openStart, slice.openEnd);
          },
          transformPastedText(text, _plain, view) {
            const { text: clean, notices } = cleanPastedTextReport(text);
            // Plain text says something only when it removed or replaced characters.
            if (notices.length) {
              const report: PasteReport = { paragraphs: clean.split("\n").length, images: 0, tables: 0, links: 0, formatting: false, trackedChanges: 0, comments: 0, notes: 0, webLines: [], raised: [], notices };
              queueMicrotask(() => view.dom.dispatchEvent(new CustomEvent(PASTE_REPORT_EVENT, { detail: report, bubbles: true })));
            }
            return clean;
          },
        },
      }),
    ];
  },
});

/** A stretch of the document the copy checks have something to say about. */
export interface MarkedRange {
  from: number;
  to: number;
  id: string;
  className: string;
  title: string;
}

export const copyCheckKey = new PluginKey<DecorationSet>("copyCheck");

/** Shows copy-check findings in place, as decorations; the findings come from the page. */
export const CopyCheckHighlight = Extension.create({
  name: "copyCheckHighlight",
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: copyCheckKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const ranges = tr.getMeta(copyCheckKey) as MarkedRange[] | undefined;
            if (ranges) {
              const size = tr.doc.content.size;
              return DecorationSet.create(
                tr.doc,
                ranges
                  .filter((r) => r.from >= 0 && r.to <= size && r.from < r.to)
                  .map((r) => Decoration.inline(r.from, r.to, { class: r.className, title: r.title, "data-finding": r.id })),
              );
            }
            return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
          },
        },
        props: {
          decorations(state) {
            return copyCheckKey.getState(state);
          },
        },
      }),
    ];
  },
});

export function setCopyCheckRanges(tr: Transaction, ranges: MarkedRange[]): Transaction {
  return tr.setMeta(copyCheckKey, ranges).setMeta("addToHistory", false);
}

/**
 * The one Tiptap extension list. The browser editor and every server-side use of editor JSON
 * share it, so the editor can never produce a node the bulletin cannot print.
 */
export const bulletinExtensions = [Document, Paragraph, Text, Bold, Italic, BulletinPaste, CopyCheckHighlight];

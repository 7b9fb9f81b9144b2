"use client";

import { type Editor, EditorContent, useEditor, useEditorState } from "@tiptap/react";
// The sub-path: the package root would bring every extension it has (gap/drop cursor, placeholder …).
import { UndoRedo } from "@tiptap/extensions/undo-redo";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import { InvisibleNotice, useInvisibleNotice } from "@/components/ui/invisible-notice";
import { bulletinExtensions } from "@/lib/editor/extensions";
import { INVISIBLE_REPORT_EVENT, InvisibleGuard, type InvisibleReport } from "@/lib/editor/invisible-guard";
import { PASTE_REPORT_EVENT, type PasteReport } from "@/lib/editor/paste";
import type { RichDoc } from "@/lib/editor/schema";
import { countDoc } from "@/lib/text/count";

interface Props {
  id: string;
  value: RichDoc;
  onChange: (doc: RichDoc, chars: number) => void;
  labelledBy: string;
  describedBy?: string;
  invalid?: boolean;
  readOnly?: boolean;
  /** Gives the page the editor, for in-place copy checks and for replacing the content. */
  onReady?: (editor: Editor) => void;
  /** What a paste kept and dropped. */
  onPaste?: (report: PasteReport) => void;
}

const EXTENSIONS = [...bulletinExtensions, UndoRedo, InvisibleGuard];

/** 字数 of the editor's body, by the app's one count (lib/text/count.ts). */
export function countChars(editor: Editor): number {
  return countDoc(editor.getJSON() as RichDoc);
}

/** The body editor: paragraphs, bold and italic — exactly what the bulletin prints. */
export function RichTextEditor({ id, value, onChange, labelledBy, describedBy, invalid, readOnly, onReady, onPaste }: Props) {
  const t = useTranslations("item");
  const frame = useRef<HTMLDivElement>(null);
  const onPasteRef = useRef(onPaste);
  // What the invisible-character guard removed or replaced (typed, dropped or stored text), said on the page.
  const invisible = useInvisibleNotice();
  const { track, settle } = invisible;
  const onReadyRef = useRef(onReady);
  useEffect(() => {
    onPasteRef.current = onPaste;
    onReadyRef.current = onReady;
  });

  // The editor's options stay the same object from render to render: Tiptap re-applies changed
  // options to the view on every render, and a re-applied view can put back a caret the page has
  // just moved (a keystroke or a save answered between a selection change and its event). The
  // body is read once; later content comes in through a fresh editor (the form's key).
  const [content] = useState(value);
  const editorProps = useMemo(
    () => ({
      attributes: {
        id,
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelledBy,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(invalid ? { "aria-invalid": "true" } : {}),
        class: "rich-text",
        "data-testid": "body-editor",
      },
    }),
    [id, labelledBy, describedBy, invalid],
  );
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  const editor = useEditor({
    extensions: EXTENSIONS,
    content,
    editable: !readOnly,
    immediatelyRender: false,
    editorProps,
    // The notice goes by itself once its text is undone, emptied or replaced (settle).
    onCreate: ({ editor }) => settle(editor.getText()),
    onUpdate: ({ editor }) => {
      settle(editor.getText());
      const doc = editor.getJSON() as RichDoc;
      onChangeRef.current(doc, countDoc(doc));
    },
  });

  useEffect(() => {
    if (editor) onReadyRef.current?.(editor);
  }, [editor]);

  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const listener = (e: Event) => onPasteRef.current?.((e as CustomEvent<PasteReport>).detail);
    // Added up until the notice is dismissed: typing one character at a time, each is counted.
    const guard = (e: Event) => {
      const { removed, replaced } = (e as CustomEvent<InvisibleReport>).detail;
      track((c) => c.merge(removed, replaced));
    };
    el.addEventListener(PASTE_REPORT_EVENT, listener);
    el.addEventListener(INVISIBLE_REPORT_EVENT, guard);
    return () => {
      el.removeEventListener(PASTE_REPORT_EVENT, listener);
      el.removeEventListener(INVISIBLE_REPORT_EVENT, guard);
    };
  }, [track]);

  const state = useEditorState({
    editor,
    selector: ({ editor }) => ({
      bold: editor?.isActive("bold") ?? false,
      italic: editor?.isActive("italic") ?? false,
      canUndo: editor?.can().undo() ?? false,
      canRedo: editor?.can().redo() ?? false,
    }),
  });

  return (
    <div className="editor-frame" ref={frame}>
      {!readOnly && (
        <div role="toolbar" aria-label={t("toolbar")} className="toolbar">
          <button type="button" aria-pressed={state?.bold ?? false} onClick={() => editor?.chain().focus().toggleBold().run()} title="Ctrl+B">
            <strong>{t("bold")}</strong>
          </button>
          <button type="button" aria-pressed={state?.italic ?? false} onClick={() => editor?.chain().focus().toggleItalic().run()} title="Ctrl+I">
            <em>{t("italic")}</em>
          </button>
          <button type="button" disabled={!state?.canUndo} onClick={() => editor?.chain().focus().undo().run()} title="Ctrl+Z">
            {t("undo")}
          </button>
          <button type="button" disabled={!state?.canRedo} onClick={() => editor?.chain().focus().redo().run()} title="Ctrl+Shift+Z">
            {t("redo")}
          </button>
        </div>
      )}
      <EditorContent editor={editor} />
      {invisible.notices.length > 0 && (
        <InvisibleNotice testId="invisible-notice" onDismiss={invisible.dismiss}>
          {t("invisibleNotice")} {invisible.notices.join(invisible.separator)}
        </InvisibleNotice>
      )}
    </div>
  );
}

"use client";

import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import { UndoRedo } from "@tiptap/extensions";
import { useTranslations } from "next-intl";
import { bulletinExtensions } from "@/lib/editor/extensions";
import type { RichDoc } from "@/lib/editor/schema";

interface Props {
  id: string;
  value: RichDoc;
  onChange: (doc: RichDoc, chars: number) => void;
  labelledBy: string;
  describedBy?: string;
  invalid?: boolean;
  readOnly?: boolean;
}

/** The body editor: paragraphs, bold and italic — exactly what the bulletin prints. */
export function RichTextEditor({ id, value, onChange, labelledBy, describedBy, invalid, readOnly }: Props) {
  const t = useTranslations("item");
  const editor = useEditor({
    extensions: [...bulletinExtensions, UndoRedo],
    content: value,
    editable: !readOnly,
    immediatelyRender: false,
    editorProps: {
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
    },
    onUpdate: ({ editor }) => onChange(editor.getJSON() as RichDoc, editor.getText({ blockSeparator: "" }).length),
  });
  const state = useEditorState({
    editor,
    selector: ({ editor }) => ({ bold: editor?.isActive("bold") ?? false, italic: editor?.isActive("italic") ?? false }),
  });

  return (
    <div className="editor-frame">
      {!readOnly && (
        <div role="toolbar" aria-label={t("toolbar")} className="toolbar">
          <button
            type="button"
            aria-pressed={state?.bold ?? false}
            onClick={() => editor?.chain().focus().toggleBold().run()}
            title="Ctrl+B"
          >
            <strong>{t("bold")}</strong>
          </button>
          <button
            type="button"
            aria-pressed={state?.italic ?? false}
            onClick={() => editor?.chain().focus().toggleItalic().run()}
            title="Ctrl+I"
          >
            <em>{t("italic")}</em>
          </button>
        </div>
      )}
      <EditorContent editor={editor} />
    </div>
  );
}

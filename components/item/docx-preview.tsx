"use client";

import { docToParagraphs, type RichDoc } from "@/lib/editor/schema";
import { RichTextView } from "./rich-text-view";

/** The body read from a .docx, as it will print (loaded on demand by the 从 Word 导入 dialog). */
export function DocxPreviewBody({ body }: { body: RichDoc }) {
  return <RichTextView paragraphs={docToParagraphs(body)} />;
}

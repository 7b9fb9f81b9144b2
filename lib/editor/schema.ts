import { z } from "zod";
import { findTextProblem, invisibleProblem } from "@/lib/text/rule";

/**
 * The rich text a bulletin can print: paragraphs of text, some of it bold or italic.
 * Stored as Tiptap/ProseMirror JSON and validated against exactly these node and mark types.
 */
export const MARK_TYPES = ["bold", "italic"] as const;
export type MarkType = (typeof MARK_TYPES)[number];

export const MAX_BODY_CHARS = 20_000;
export const MAX_PARAGRAPHS = 400;

const markSchema = z.object({ type: z.enum(MARK_TYPES) }).strict();

const textNodeSchema = z
  .object({
    type: z.literal("text"),
    text: z
      .string()
      .min(1)
      .max(MAX_BODY_CHARS)
      // Paragraphs are separate nodes, so a text node is one line under the text rule. Invisible
      // characters and odd spaces are looked for per paragraph (below), to say where they are.
      .superRefine((s, ctx) => {
        const p = findTextProblem(s, { invisibles: false, noMarkup: true });
        if (p) ctx.addIssue({ code: "custom", message: p.code, params: { field: "正文", char: p.char } });
      })
      .transform((s) => s.normalize("NFC")),
    marks: z
      .array(markSchema)
      .max(2)
      .refine((m) => new Set(m.map((x) => x.type)).size === m.length, "invalid")
      .optional(),
  })
  .strict();

const paragraphSchema = z
  .object({
    type: z.literal("paragraph"),
    content: z.array(textNodeSchema).max(2_000).optional(),
  })
  .strict();

export const richDocSchema = z
  .object({
    type: z.literal("doc"),
    content: z.array(paragraphSchema).min(1).max(MAX_PARAGRAPHS, "body_too_many_paragraphs"),
  })
  .strict()
  .refine((doc) => richDocLength(doc) <= MAX_BODY_CHARS, { message: "body_too_long" })
  // The text rule's invisible characters and odd spaces (lib/text/invisible.ts), named with the
  // paragraph and the place in it: 「正文」第 2 段第 5 个字处（“……”之后）有一个看不见的零宽空格（U+200B）.
  .superRefine((doc, ctx) => {
    for (const [k, p] of doc.content.entries()) {
      const problem = invisibleProblem((p.content ?? []).map((t) => t.text).join(""));
      if (!problem) continue;
      ctx.addIssue({ code: "custom", message: problem.code, path: ["content", k], params: { field: "正文", char: problem.char, pos: problem.pos, before: problem.before, para: k + 1 } });
      return;
    }
  });

export type RichText = z.infer<typeof textNodeSchema>;
export type RichParagraph = z.infer<typeof paragraphSchema>;
export type RichDoc = { type: "doc"; content: RichParagraph[] };

/** A printable run of text. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}
export type Paragraph = Run[];

/** The stored size of a body: every character of its text nodes, spaces included (the bound MAX_BODY_CHARS). Not 字数 — that is countDoc in lib/text/count.ts. */
export function richDocLength(doc: RichDoc): number {
  let n = 0;
  for (const p of doc.content) for (const t of p.content ?? []) n += t.text.length;
  return n;
}

/**
 * A paragraph's runs cut to its first `n` UTF-16 units (what String.slice counts), marks kept and
 * runs left empty dropped: the body without the attribution typed at its end (lib/editor/attribution.ts,
 * lib/import/docx.ts).
 */
export function cutRuns(runs: Run[], n: number): Run[] {
  const out: Run[] = [];
  let left = n;
  for (const r of runs) {
    if (left <= 0) break;
    out.push({ ...r, text: r.text.slice(0, left) });
    left -= r.text.length;
  }
  return out.filter((r) => r.text.length > 0);
}

/** Paragraphs of runs, skipping empty paragraphs (they do not print). */
export function docToParagraphs(doc: RichDoc): Paragraph[] {
  const out: Paragraph[] = [];
  for (const p of doc.content) {
    const runs: Run[] = [];
    for (const t of p.content ?? []) {
      const marks = new Set((t.marks ?? []).map((m) => m.type));
      const run: Run = { text: t.text };
      if (marks.has("bold")) run.bold = true;
      if (marks.has("italic")) run.italic = true;
      const prev = runs[runs.length - 1];
      if (prev && !!prev.bold === !!run.bold && !!prev.italic === !!run.italic) prev.text += run.text;
      else runs.push(run);
    }
    if (runs.some((r) => r.text.trim() !== "")) out.push(runs);
  }
  return out;
}

export function paragraphsToDoc(paragraphs: (string | Paragraph)[]): RichDoc {
  const content: RichParagraph[] = paragraphs.map((p) => {
    const runs: Run[] = typeof p === "string" ? [{ text: p }] : p;
    const nodes = runs
      .filter((r) => r.text.length > 0)
      .map((r) => {
        const marks = [
          ...(r.bold ? [{ type: "bold" as const }] : []),
          ...(r.italic ? [{ type: "italic" as const }] : []),
        ];
        return marks.length ? { type: "text" as const, text: r.text, marks } : { type: "text" as const, text: r.text };
      });
    return nodes.length ? { type: "paragraph" as const, content: nodes } : { type: "paragraph" as const };
  });
  return { type: "doc", content: content.length ? content : [{ type: "paragraph" }] };
}

export function paragraphText(p: Paragraph): string {
  return p.map((r) => r.text).join("");
}

export function docToPlainText(doc: RichDoc): string {
  return docToParagraphs(doc).map(paragraphText).join("\n");
}

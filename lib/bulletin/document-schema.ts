import { z } from "zod";
import type { BulletinDocument } from "./document";

/**
 * A bulletin document read from outside (the render command's JSON): checked field by field so a
 * bad file gets a message naming the field, in Chinese, instead of a broken print.
 */
const text = (max: number) => z.string({ error: "应为文字" }).max(max, `不能超过 ${max} 个字符`);
const isoDate = z.string({ error: "应为日期" }).regex(/^\d{4}-\d{2}-\d{2}$/, "日期应写成 yyyy-mm-dd，如 2023-07-07");
const positive = z.number({ error: "应为数字" }).int("应为整数").positive("应为正整数");

const runSchema = z.strictObject({ text: text(20_000).min(1, "不能为空"), bold: z.boolean({ error: "应为 true 或 false" }).optional(), italic: z.boolean({ error: "应为 true 或 false" }).optional() }, { error: "应为 {text, bold?, italic?}" });

export const bulletinDocumentSchema = z.strictObject(
  {
    masthead: z.strictObject({
      title: text(40).min(1, "不能为空"),
      year: positive,
      number: positive,
      totalNumber: positive,
      office: text(60),
      date: isoDate,
    }, { error: "应为报头（title、year、number、totalNumber、office、date）" }),
    toc: z.array(text(200), { error: "应为标题的列表" }),
    sections: z.array(
      z.strictObject({
        title: text(40).min(1, "不能为空").nullable(),
        items: z.array(
          z.strictObject({
            id: positive.optional(),
            title: text(200).min(1, "不能为空"),
            paragraphs: z.array(z.array(runSchema, { error: "段落应为文字片段的列表" }), { error: "应为段落的列表" }),
            source: text(100).nullable(),
          }, { error: "应为稿件（title、paragraphs、source）" }),
          { error: "应为稿件的列表" },
        ),
      }, { error: "应为栏目（title、items）" }),
      { error: "应为栏目的列表" },
    ),
    footer: z.strictObject({
      mailbox: text(200),
      editor: text(60),
      reviewer: text(60),
      distribution: z.array(text(200), { error: "应为分送单位的列表" }),
      printedBy: text(60).nullable().optional(),
      printedDate: isoDate.nullable().optional(),
      printRun: positive.nullable().optional(),
    }, { error: "应为版记（mailbox、editor、reviewer、distribution）" }),
    draft: z.boolean({ error: "应为 true 或 false" }),
  },
  { error: "应为简报文档（masthead、toc、sections、footer、draft）" },
);

/** The document, or an Error whose message lists what is wrong, one field a line. */
export function parseBulletinDocument(raw: unknown): BulletinDocument {
  const parsed = bulletinDocumentSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.slice(0, 10).map((i) => {
    const where = i.path.length ? i.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "") : "（整个文件）";
    const message = i.code === "unrecognized_keys" ? `多余的字段：${i.keys.join("、")}` : i.message;
    return `  ${where}：${message}`;
  });
  throw new Error(`不是有效的简报文档：\n${lines.join("\n")}`);
}

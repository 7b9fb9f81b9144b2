import { z } from "zod";
import type { BulletinDocument } from "./document";
import { SUPPLEMENT_LABELS } from "./numbering";

/**
 * A bulletin document read from outside (the render command's JSON): checked field by field so a
 * bad file gets a message naming the field, in Chinese, instead of a broken print.
 */
const text = (max: number) => z.string({ error: "应为文字" }).max(max, `不能超过 ${max} 个字符`);
const isoDate = z.string({ error: "应为日期" }).regex(/^\d{4}-\d{2}-\d{2}$/, "日期应写成 yyyy-mm-dd，如 2023-07-07");
const positive = z.number({ error: "应为数字" }).int("应为整数").positive("应为正整数");
const count = z.number({ error: "应为数字" }).int("应为整数").nonnegative("应为正整数");

const runSchema = z.strictObject({ text: text(20_000).min(1, "不能为空"), bold: z.boolean({ error: "应为 true 或 false" }).optional(), italic: z.boolean({ error: "应为 true 或 false" }).optional() }, { error: "应为 {text, bold?, italic?}" });

export const bulletinDocumentSchema = z.strictObject(
  {
    masthead: z.strictObject({
      title: text(40).min(1, "不能为空"),
      year: positive,
      // 0 only for a supplement: unnumbered, and outside the running number.
      number: count,
      totalNumber: count,
      office: text(60),
      date: isoDate,
      kind: z.enum(["regular", "double", "supplement"], { error: "应为 regular、double 或 supplement" }).optional(),
      numberEnd: positive.nullable().optional(),
      totalNumberEnd: positive.nullable().optional(),
      supplementLabel: z.enum(SUPPLEMENT_LABELS, { error: "应为 增刊、专刊 或 特刊" }).nullable().optional(),
      numbering: z.strictObject({ numerals: z.enum(["arabic", "chinese"], { error: "应为 arabic 或 chinese" }), yearBrackets: z.boolean({ error: "应为 true 或 false" }) }).optional(),
    }, { error: "应为报头（title、year、number、totalNumber、office、date）" }).superRefine((m, ctx) => {
      const supplement = m.kind === "supplement";
      if (!supplement && m.number < 1) ctx.addIssue({ code: "custom", path: ["number"], message: "应为正整数" });
      if (!supplement && m.totalNumber < 1) ctx.addIssue({ code: "custom", path: ["totalNumber"], message: "应为正整数" });
      if (m.kind === "double" && !(m.numberEnd && m.numberEnd > m.number)) ctx.addIssue({ code: "custom", path: ["numberEnd"], message: "合刊应写明止期号，且大于起期号" });
    }),
    toc: z.array(text(200), { error: "应为标题的列表" }),
    sections: z.array(
      z.strictObject({
        title: text(40).min(1, "不能为空").nullable(),
        items: z.array(
          z.strictObject({
            id: positive.optional(),
            // "" only for a brief (简讯), printed without a title.
            title: text(200),
            paragraphs: z.array(z.array(runSchema, { error: "段落应为文字片段的列表" }), { error: "应为段落的列表" }),
            source: text(100).nullable(),
            author: text(60).nullable().optional(),
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

import { z } from "zod";
import { findTextProblem, invisibleProblem, isBlank, isRealDate, type TextProblem, type TextRuleParams } from "@/lib/text/rule";
import { BRIEF_SECTION } from "./brief";
import { SUPPLEMENT_LABELS } from "./numbering";
import { titleBreaksProblem } from "./title-lines";

/**
 * The one bulletin document schema: what every export and preview renders, what `bulletin parse`
 * prints and `bulletin render` reads, what archive import accepts, what a review round and the
 * frozen archive store and what the JSON export writes. The TypeScript types below are derived from
 * it, and the limits are shared with the forms that produce its fields.
 *
 * Messages are in Chinese and name the field (see parseBulletinDocument).
 */
export const BULLETIN_LIMITS = {
  publicationTitle: 40,
  office: 60,
  year: { min: 1949, max: 2200 },
  number: { max: 999 },
  totalNumber: { max: 99_999 },
  tocLines: 100,
  tocLine: 200,
  sections: 40,
  sectionTitle: 40,
  itemsPerSection: 200,
  itemTitle: 200,
  paragraphs: 400,
  runText: 20_000,
  source: 100,
  mailbox: 200,
  personName: 60,
  distributionLines: 50,
  distributionLine: 200,
  printRun: 1_000_000,
} as const;

const L = BULLETIN_LIMITS;
// Every text of a document is held to the text rule (lib/text/rule.ts): one line, no markup, no
// control or bidi characters, no lone surrogates. Invisible characters and odd spaces are checked
// on documents that arrive (the archive import: documentInvisibles), not on stored ones, so an
// edition stored before the rule still reads.
const TEXT_RULE_MESSAGES: Record<string, string> = {
  text_control: "含有不可见的控制字符",
  text_bidi: "含有改变文字方向的控制字符",
  text_surrogate: "含有残缺的字符（孤立代理项）",
  text_line_break: "不能换行",
  text_markup: "不能含有 HTML 标记",
};
const text = (max: number) =>
  z
    .string({ error: "应为文字" })
    .max(max, `不能超过 ${max} 个字符`)
    .superRefine((s, ctx) => {
      const p = findTextProblem(s, { noMarkup: true, invisibles: false });
      if (p) ctx.addIssue({ code: "custom", message: `${TEXT_RULE_MESSAGES[p.code] ?? "含有不允许的字符"}${p.char ? `（${p.char}）` : ""}` });
    });
/**
 * A line a person reads as words (a title, a name, a 目录提要 line, an attribution): under the
 * text rule, and either empty or with something visible — spaces and zero-width characters alone
 * are not a title (a run of body text may be a lone space between bold and plain, so runs use text).
 */
const line = (max: number) => text(max).refine((s) => s === "" || !isBlank(s), "不能只有空格或不可见字符");
const isoDate = z
  .string({ error: "应为日期" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期应写成 yyyy-mm-dd，如 2023-07-07")
  .refine(isRealDate, "不是真实的日期");
const int = (min: number, max: number) =>
  z.number({ error: "应为数字" }).int("应为整数").min(min, `应为 ${min}–${max} 的整数`).max(max, `应为 ${min}–${max} 的整数`);

export const runSchema = z.strictObject(
  {
    text: text(L.runText).min(1, "不能为空"),
    bold: z.boolean({ error: "应为 true 或 false" }).optional(),
    italic: z.boolean({ error: "应为 true 或 false" }).optional(),
  },
  { error: "应为 {text, bold?, italic?}" },
);
export const paragraphSchema = z.array(runSchema, { error: "段落应为文字片段的列表" });

/**
 * 报头. Kept as its own object so optional fields (合刊, 增刊 …) can be added here without touching
 * the rest of the document.
 */
export const mastheadSchema = z
  .strictObject(
    {
      title: line(L.publicationTitle).min(1, "不能为空"),
      year: int(L.year.min, L.year.max),
      // 0 only for a supplement: unnumbered, and outside the running number.
      number: int(0, L.number.max),
      totalNumber: int(0, L.totalNumber.max),
      office: line(L.office),
      date: isoDate,
      /** Absent: a regular issue. A double issue (合刊) covers number..numberEnd and totalNumber..totalNumberEnd. */
      kind: z.enum(["regular", "double", "supplement"], { error: "应为 regular、double 或 supplement" }).optional(),
      numberEnd: int(1, L.number.max).nullable().optional(),
      totalNumberEnd: int(1, L.totalNumber.max).nullable().optional(),
      /** A supplement's printed name (增刊, 专刊, 特刊). */
      supplementLabel: z.enum(SUPPLEMENT_LABELS, { error: "应为 增刊、专刊 或 特刊" }).nullable().optional(),
      /** How the issue line is printed; absent: Arabic numerals, year not in brackets. */
      numbering: z
        .strictObject({ numerals: z.enum(["arabic", "chinese"], { error: "应为 arabic 或 chinese" }), yearBrackets: z.boolean({ error: "应为 true 或 false" }) })
        .optional(),
    },
    { error: "应为报头（title、year、number、totalNumber、office、date）" },
  )
  .superRefine((m, ctx) => {
    const supplement = m.kind === "supplement";
    if (!supplement && m.number < 1) ctx.addIssue({ code: "custom", path: ["number"], message: "应为正整数" });
    if (!supplement && m.totalNumber < 1) ctx.addIssue({ code: "custom", path: ["totalNumber"], message: "应为正整数" });
    if (m.kind === "double" && !(m.numberEnd && m.numberEnd > m.number)) ctx.addIssue({ code: "custom", path: ["numberEnd"], message: "合刊应写明止期号，且大于起期号" });
  });

export const bulletinItemSchema = z.strictObject(
  {
    /** The item's id in the database, when it has one: lets the preview and comments point at it. */
    id: z.number({ error: "应为数字" }).int("应为整数").positive("应为正整数").optional(),
    /** "" only for a brief (简讯), printed without a title. */
    title: line(L.itemTitle),
    paragraphs: z.array(paragraphSchema, { error: "应为段落的列表" }).max(L.paragraphs, `段落不能超过 ${L.paragraphs} 个`),
    /** Attribution without the brackets, e.g. "昌平区科协"; null for the office's own news. */
    source: line(L.source).nullable(),
    /** A person credited in the attribution (（通讯员 张三）, （市科协 张三）): names joined by 、. */
    author: line(L.personName).nullable().optional(),
    /**
     * The editor's own breaks of the title: offsets (UTF-16 code units) where a printed line starts,
     * increasing, never at a place 避头尾 forbids (lib/bulletin/title-lines titleBreaksProblem).
     * Absent: the title breaks automatically. Every export honours them.
     */
    titleBreaks: z.array(z.number({ error: "应为数字" }).int("应为整数"), { error: "应为换行位置的列表" }).max(10, "换行不能超过 10 处").optional(),
  },
  { error: "应为稿件（title、paragraphs、source）" },
).superRefine((item, ctx) => {
  const problem = item.titleBreaks ? titleBreaksProblem(item.title, item.titleBreaks) : null;
  if (problem) ctx.addIssue({ code: "custom", path: ["titleBreaks"], message: problem });
});

export const bulletinSectionSchema = z
  .strictObject(
  {
    /** null: the lead block, printed without a heading. */
    title: line(L.sectionTitle).min(1, "不能为空").nullable(),
    items: z.array(bulletinItemSchema, { error: "应为稿件的列表" }).max(L.itemsPerSection, `稿件不能超过 ${L.itemsPerSection} 篇`),
  },
  { error: "应为栏目（title、items）" },
)
  .superRefine((section, ctx) => {
    // Only a brief column (简讯) holds untitled items; anywhere else an item needs its title.
    if (section.title !== null && BRIEF_SECTION.test(section.title)) return;
    section.items.forEach((item, i) => {
      if (item.title === "") ctx.addIssue({ code: "custom", path: ["items", i, "title"], message: "不能为空（只有简讯栏目的稿件可以没有标题）" });
    });
  });

export const footerSchema = z.strictObject(
  {
    mailbox: text(L.mailbox),
    /** 编辑 */
    editor: line(L.personName),
    /** 审核: on an approved issue, who actually approved it. */
    reviewer: line(L.personName),
    /** 签发: who signed the issue off, where the publication uses two levels. */
    signer: line(L.personName).nullable().optional(),
    /** 分送 groups, one printed line each. */
    distribution: z.array(line(L.distributionLine), { error: "应为分送单位的列表" }).max(L.distributionLines, `分送不能超过 ${L.distributionLines} 行`),
    /** 印发 line: issuing office and date (yyyy-mm-dd), when recorded. */
    printedBy: line(L.office).nullable().optional(),
    printedDate: isoDate.nullable().optional(),
    /** 共印N份 */
    printRun: int(1, L.printRun).nullable().optional(),
  },
  { error: "应为版记（mailbox、editor、reviewer、distribution）" },
);

export const bulletinDocumentSchema = z.strictObject(
  {
    masthead: mastheadSchema,
    /** 目录提要: the chosen highlights, in issue order, possibly shortened titles. */
    toc: z.array(line(L.tocLine), { error: "应为标题的列表" }).max(L.tocLines, `目录提要不能超过 ${L.tocLines} 行`),
    /** In print order. */
    sections: z.array(bulletinSectionSchema, { error: "应为栏目的列表" }).max(L.sections, `栏目不能超过 ${L.sections} 个`),
    footer: footerSchema,
    /** Anything not approved prints marked 草稿. */
    draft: z.boolean({ error: "应为 true 或 false" }),
  },
  { error: "应为简报文档（masthead、toc、sections、footer、draft）" },
);

export type BulletinDocument = z.infer<typeof bulletinDocumentSchema>;
export type Masthead = z.infer<typeof mastheadSchema>;
export type BulletinSection = z.infer<typeof bulletinSectionSchema>;
export type BulletinItem = z.infer<typeof bulletinItemSchema>;
export type Footer = z.infer<typeof footerSchema>;

/** The document, or an Error whose message lists what is wrong, one field a line. */
export function parseBulletinDocument(raw: unknown): BulletinDocument {
  const parsed = bulletinDocumentSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new Error(`不是有效的简报文档：\n${describeIssues(parsed.error)}`);
}

/** A zod error on a bulletin document as Chinese lines naming each field (at most ten). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((i) => {
      const where = i.path.length ? i.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "") : "（整个文件）";
      const message = i.code === "unrecognized_keys" ? `多余的字段：${i.keys.join("、")}` : i.message;
      return `  ${where}：${message}`;
    })
    .join("\n");
}

/** One invisible character or odd space in a document, with the field's Chinese name and its path. */
export interface DocumentInvisible {
  path: (string | number)[];
  problem: TextProblem;
  params: TextRuleParams;
}

/**
 * The invisible characters and odd spaces of a document (the text rule, lib/text/invisible.ts),
 * at most one per field: its path, and params naming the field in Chinese (「第 1 栏第 2 篇稿件的标题」)
 * and the place (a body: the paragraph, the runs of a paragraph read as one text). For the
 * archive import, whose reader has removed them already — what is left came in a hand-made request.
 */
export function documentInvisibles(doc: BulletinDocument): DocumentInvisible[] {
  const out: DocumentInvisible[] = [];
  const check = (value: string | null | undefined, path: (string | number)[], field: string, para?: number) => {
    const problem = value ? invisibleProblem(value) : null;
    if (problem) out.push({ path, problem, params: { field, char: problem.char, pos: problem.pos, before: problem.before, para } });
  };
  const m = doc.masthead;
  check(m.title, ["masthead", "title"], "报头刊名");
  check(m.office, ["masthead", "office"], "编印单位");
  doc.toc.forEach((t, i) => check(t, ["toc", i], `目录提要第 ${i + 1} 行`));
  doc.sections.forEach((section, i) => {
    check(section.title, ["sections", i, "title"], `第 ${i + 1} 个栏目的名称`);
    section.items.forEach((item, j) => {
      const name = `第 ${i + 1} 栏第 ${j + 1} 篇稿件的`;
      check(item.title, ["sections", i, "items", j, "title"], `${name}标题`);
      item.paragraphs.forEach((p, k) => check(p.map((r) => r.text).join(""), ["sections", i, "items", j, "paragraphs", k], `${name}正文`, k + 1));
      check(item.source, ["sections", i, "items", j, "source"], `${name}署名`);
      check(item.author, ["sections", i, "items", j, "author"], `${name}作者`);
    });
  });
  const f = doc.footer;
  check(f.mailbox, ["footer", "mailbox"], "版记邮箱");
  check(f.editor, ["footer", "editor"], "版记“编辑”");
  check(f.reviewer, ["footer", "reviewer"], "版记“审核”");
  check(f.signer, ["footer", "signer"], "版记“签发”");
  f.distribution.forEach((d, i) => check(d, ["footer", "distribution", i], `分送第 ${i + 1} 行`));
  check(f.printedBy, ["footer", "printedBy"], "印发单位");
  return out;
}

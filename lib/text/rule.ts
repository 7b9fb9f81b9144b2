import { z } from "zod";

/**
 * The one text rule for every field a person types (issue 10, point 5).
 *
 * - Text is stored in Unicode NFC.
 * - Refused, never silently replaced: control characters (C0 except newline/tab in multi-line
 *   fields, DEL, C1, U+FFFE/U+FFFF), bidirectional overrides/isolates (U+202A–E, U+2066–9), lone
 *   surrogates, and — in one-line fields — line breaks including U+2028/U+2029.
 * - Text made only of spaces and zero-width characters counts as empty.
 * - Names that are equal once invisible characters are removed are the same name
 *   (`nameKey("昌平区\u200b科协") === nameKey("昌平区科协")`); login names also ignore case.
 * - Dates are real calendar days (2026-02-30 is refused); mailboxes are e-mail addresses.
 *
 * Plain functions (no database, no server-only), usable from the app, the CLI and tests.
 *
 * In zod schemas use the helpers in one line:
 * ```ts
 * title: textLine({ label: "标题", max: 80, required: "title_required" }),
 * note: textBlock({ label: "处理意见", max: 1000 }),
 * date: realDate(), mailbox: mailbox({ label: "邮箱" }),
 * ```
 * A refusal is a zod issue whose `message` is a code `text_*` (see TEXT_CODES) with
 * `params: { field, char }`; `textRuleMessage(code, params, locale)` turns it into a sentence that
 * names the field, e.g. 「标题」含有不可见的控制字符（U+0000），请删除后再试。
 */

export type TextProblemCode =
  | "text_control"
  | "text_bidi"
  | "text_surrogate"
  | "text_line_break"
  | "text_markup"
  | "text_empty"
  | "text_too_long"
  | "text_date"
  | "text_email";

export const TEXT_CODES: readonly TextProblemCode[] = [
  "text_control",
  "text_bidi",
  "text_surrogate",
  "text_line_break",
  "text_markup",
  "text_empty",
  "text_too_long",
  "text_date",
  "text_email",
];

export interface TextProblem {
  code: TextProblemCode;
  /** The offending character as U+XXXX, when there is one. */
  char?: string;
}

export interface TextRuleOptions {
  /** Allows newlines (and tabs) — comments, notes. Default: one line. */
  multiline?: boolean;
  /** Also refuses HTML/XML tags (`<b>`, `<script …>`). */
  noMarkup?: boolean;
}

// Controls: C0 (newline and tab handled separately), DEL, C1, and the two noncharacters.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffe\uffff]/;
const NEWLINE_OR_TAB = /[\n\t\r]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
const LINE_SEP = /[\u2028\u2029]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const MARKUP = /<\/?[a-z!?][^<>]*>/i;
/** Characters that print nothing: zero-width spaces and joiners, marks, BOM, soft hyphen, fillers. */
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u2060-\u2064\u206a-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/g;

const hex = (s: string) => "U+" + (s.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");

/** NFC, with Windows line endings made "\n" (only meaningful for multi-line text). */
export function normalizeText(s: string): string {
  // normalize() keeps lone surrogates as they are, so the check after it still sees them.
  return s.replace(/\r\n?/g, "\n").normalize("NFC");
}

/** The first thing the rule refuses in `s`, or null. Does not check length or emptiness. */
export function findTextProblem(s: string, opts: TextRuleOptions = {}): TextProblem | null {
  const surrogate = LONE_SURROGATE.exec(s);
  if (surrogate) return { code: "text_surrogate", char: hex(surrogate[0]) };
  const control = CONTROL.exec(s);
  if (control) return { code: "text_control", char: hex(control[0]) };
  const bidi = BIDI.exec(s);
  if (bidi) return { code: "text_bidi", char: hex(bidi[0]) };
  if (!opts.multiline) {
    const br = NEWLINE_OR_TAB.exec(s) ?? LINE_SEP.exec(s);
    if (br) return { code: br[0] === "\t" ? "text_control" : "text_line_break", char: hex(br[0]) };
  }
  if (opts.noMarkup && MARKUP.test(s)) return { code: "text_markup" };
  return null;
}

/** `s` without the characters that print nothing (zero-width spaces, joiners, BOM, soft hyphen …). */
export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE, "");
}

/** True when `s` has nothing visible: empty, spaces (incl. U+3000) and zero-width characters only. */
export function isBlank(s: string): boolean {
  return stripInvisible(s).trim() === "";
}

/**
 * The key two names are compared by (units, users, sections): NFC, invisible characters removed,
 * runs of spaces collapsed, trimmed. 昌平区\u200b科协 and 昌平区科协 have one key.
 */
export function nameKey(s: string): string {
  return stripInvisible(s.normalize("NFC")).replace(/\s+/g, " ").trim();
}

/** The key login names are compared by: nameKey, without regard to case. */
export function loginKey(s: string): string {
  return nameKey(s).toLowerCase();
}

/** True when `s` is yyyy-mm-dd naming a real calendar day (2026-02-30 is not). */
export function isRealDate(s: string): boolean {
  return ISO_DATE.safeParse(s).success;
}
const ISO_DATE = z.iso.date();

/** True when `s` is one e-mail address (local@domain.tld, no spaces, no display name). */
export function isEmail(s: string): boolean {
  return z.email().safeParse(s).success;
}

/**
 * Applies the rule to one value: normalises (NFC, trim) and returns the value or the problem.
 * `max` counts characters (code points) after trimming; `required` refuses blank text.
 */
export function checkText(
  raw: string,
  opts: TextRuleOptions & { max?: number; required?: boolean } = {},
): { ok: true; value: string } | { ok: false; problem: TextProblem } {
  const normal = opts.multiline ? normalizeText(raw) : raw.normalize("NFC");
  const problem = findTextProblem(normal, opts);
  if (problem) return { ok: false, problem };
  let value = normal.trim();
  if (isBlank(value)) value = "";
  if (opts.required && value === "") return { ok: false, problem: { code: "text_empty" } };
  if (opts.max !== undefined && [...value].length > opts.max) return { ok: false, problem: { code: "text_too_long" } };
  return { ok: true, value };
}

// ---------------------------------------------------------------------------------------------
// Messages

const MESSAGES: Record<"zh-CN" | "en", Record<TextProblemCode, string>> = {
  "zh-CN": {
    text_control: "「{field}」含有不可见的控制字符（{char}），请删除后再试。",
    text_bidi: "「{field}」含有改变文字方向的控制字符（{char}），会使文字显示颠倒，请删除后再试。",
    text_surrogate: "「{field}」含有不完整的字符（{char}），请重新输入。",
    text_line_break: "「{field}」只能填一行，请删除换行（{char}）。",
    text_markup: "「{field}」不能包含 HTML 或其他标记（如 <b>），请只填文字。",
    text_empty: "请填写「{field}」。",
    text_too_long: "「{field}」过长（最多 {max} 字）。",
    text_date: "「{field}」不是有效日期，请填写如 2023-07-07 的真实日期。",
    text_email: "「{field}」不是有效的邮箱地址，如 xxbs@example.cn。",
  },
  en: {
    text_control: "“{field}” contains an invisible control character ({char}); remove it and try again.",
    text_bidi: "“{field}” contains a text-direction control ({char}) that can display text reversed; remove it.",
    text_surrogate: "“{field}” contains a broken character ({char}); type it again.",
    text_line_break: "“{field}” is one line; remove the line break ({char}).",
    text_markup: "“{field}” cannot contain HTML or other markup (such as <b>); text only.",
    text_empty: "Fill in “{field}”.",
    text_too_long: "“{field}” is too long (at most {max} characters).",
    text_date: "“{field}” is not a real date; use a date such as 2023-07-07.",
    text_email: "“{field}” is not an e-mail address, such as xxbs@example.cn.",
  },
};

export function isTextRuleCode(code: string): code is TextProblemCode {
  return (TEXT_CODES as readonly string[]).includes(code);
}

/** The sentence for a refusal, naming the field; `params` as carried by the zod issue. */
export function textRuleMessage(code: TextProblemCode, params: { field?: string; char?: string; max?: number } = {}, locale = "zh-CN"): string {
  const table = locale.startsWith("zh") ? MESSAGES["zh-CN"] : MESSAGES.en;
  const field = params.field ?? (locale.startsWith("zh") ? "此项" : "This field");
  return table[code].replace("{field}", field).replace("{char}", params.char ?? "").replace("{max}", String(params.max ?? ""));
}

/** The zod issues of a failed parse as Chinese sentences, for logs and the CLI. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], locale = "zh-CN"): string[] {
  return issues.map((i) => {
    const params = (i as { params?: { field?: string; char?: string; max?: number } }).params;
    return isTextRuleCode(i.message) ? textRuleMessage(i.message, params, locale) : `${i.path.join(".")}: ${i.message}`;
  });
}

// ---------------------------------------------------------------------------------------------
// zod helpers

export interface TextFieldOptions extends TextRuleOptions {
  /** The field's name as the form shows it (Chinese), used in the message. */
  label: string;
  max: number;
  /** Refuse blank text; a string is the issue message to use instead of text_empty (e.g. "title_required"). */
  required?: boolean | string;
  /** Message for "too long" instead of text_too_long (keeps a form's existing wording). */
  tooLong?: string;
}

function textSchema(opts: TextFieldOptions) {
  // Refuse a huge string before normalising it.
  return z
    .string({ error: typeof opts.required === "string" ? opts.required : "invalid" })
    .max(opts.max * 4 + 100, { error: opts.tooLong ?? "text_too_long", params: { field: opts.label, max: opts.max } } as never)
    .transform((raw, ctx) => {
      const r = checkText(raw, { ...opts, required: Boolean(opts.required) });
      if (r.ok) return r.value;
      const code = r.problem.code;
      const message = code === "text_empty" && typeof opts.required === "string" ? opts.required : code === "text_too_long" && opts.tooLong ? opts.tooLong : code;
      ctx.addIssue({ code: "custom", message, params: { field: opts.label, char: r.problem.char, max: opts.max } });
      return z.NEVER;
    });
}

/** A one-line text field under the rule: NFC, trimmed, blank → "" (or refused when required). */
export function textLine(opts: TextFieldOptions) {
  return textSchema({ ...opts, multiline: false });
}

/** A multi-line text field (comments, notes): newlines allowed, everything else as textLine. */
export function textBlock(opts: TextFieldOptions) {
  return textSchema({ ...opts, multiline: true });
}

/** A name compared by nameKey for uniqueness (unit, user, section): one line, required. */
export function nameField(opts: Omit<TextFieldOptions, "multiline">) {
  return textLine({ ...opts, required: opts.required ?? true });
}

/** yyyy-mm-dd naming a real day. */
export function realDate(opts: { label?: string; message?: string } = {}) {
  return z.string({ error: opts.message ?? "text_date" }).refine(isRealDate, { error: opts.message ?? "text_date", params: { field: opts.label } } as never);
}

/** An e-mail address, or "" when `optional`. */
export function mailbox(opts: { label: string; optional?: boolean; message?: string }) {
  return textLine({ label: opts.label, max: 100 }).refine((s) => (opts.optional && s === "") || isEmail(s), {
    error: opts.message ?? "text_email",
    params: { field: opts.label },
  } as never);
}

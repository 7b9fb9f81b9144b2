import { z } from "zod";
import { lengthOf } from "./count";
import { findInvisible, invisibleName, positionOf } from "./invisible";

/**
 * The one text rule for every field a person types (issue 10, point 5).
 *
 * - Text is stored in Unicode NFC.
 * - Refused, never silently replaced: control characters (C0 except newline/tab in multi-line
 *   fields, DEL, C1, U+FFFE/U+FFFF), bidirectional overrides/isolates (U+202A–E, U+2066–9), lone
 *   surrogates, and — in one-line fields — line breaks including U+2028/U+2029.
 * - Invisible and look-alike characters are one kind (lib/text/invisible.ts), with ONE policy for
 *   one-line fields (titles, names, attributions …) and body text alike:
 *   - invisible characters — zero-width space U+200B, U+200C, zero-width joiner U+200D, word
 *     joiner U+2060, BOM U+FEFF inside text, soft hyphen U+00AD, LRM/RLM and every other format
 *     character — are refused (text_invisible);
 *   - odd spaces — no-break space U+00A0, U+2000–U+200A, U+202F, U+205F, U+1680 — are refused
 *     (text_odd_space); the full-width space U+3000 is ordinary Chinese typing and allowed;
 *   - kept as legitimate: a zero-width joiner between two emoji (👨‍👩‍👧), a variation selector
 *     after a visible character (❤️), tag characters of a subdivision flag;
 *   - the refusal names the character and where it is: 「标题」第 3 个字处（“昌平”之后）有一个看不见的
 *     零宽空格（U+200B）…; in a body also the paragraph (第 2 段);
 *   - the clients never send them: the title field and the body editor's paste cleaners (and the
 *     .docx and archive importers) remove invisible characters and turn odd spaces into ordinary
 *     spaces with `InvisibleCleaner`, and tell the person what they removed or replaced; the body
 *     editor does the same for what is typed or was stored before this rule
 *     (lib/editor/invisible-guard.ts). So only a hand-made request meets the refusal.
 *   - at the two ends of a value such characters are trimmed like spaces (String.prototype.trim:
 *     U+00A0, U+FEFF, U+2000–U+200A … — not U+200B), as spaces have always been.
 * - Text made only of spaces counts as empty.
 * - Lengths (`max`) count user-perceived characters (`lengthOf` in lib/text/count.ts, the same
 *   function as the form's counter): an emoji is one character, not two UTF-16 units.
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
  | "text_invisible"
  | "text_odd_space"
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
  "text_invisible",
  "text_odd_space",
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
  /** Invisible characters and odd spaces: where the character is (see positionOf in ./invisible). */
  pos?: number;
  before?: string;
  /** Multi-line text: the line, when not the first. */
  line?: number;
}

export interface TextRuleOptions {
  /** Allows newlines (and tabs) — comments, notes. Default: one line. */
  multiline?: boolean;
  /** Also refuses HTML/XML tags (`<b>`, `<script …>`). */
  noMarkup?: boolean;
  /** Checks invisible characters and odd spaces too (default true; the body checks them per paragraph). */
  invisibles?: boolean;
}

// Controls: C0 (newline and tab handled separately), DEL, C1, and the two noncharacters.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffe\uffff]/;
const NEWLINE_OR_TAB = /[\n\t\r]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
const LINE_SEP = /[\u2028\u2029]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// HTML a browser or a program would read as a tag: a known element name, then only attribute-shaped
// text (name, name="value") up to ">", or a comment, doctype or XML declaration. Angle brackets used
// as text — a<b 和 c>d, 《基于<Transformer>的方法》, PM2.5<35 — are not markup and pass.
const TAG_NAMES =
  "a|abbr|area|audio|b|base|big|blockquote|body|br|button|canvas|center|code|col|colgroup|dd|del|details|dialog|div|dl|dt|em|embed|fieldset|font|form|frame|frameset|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|kbd|label|li|link|main|mark|marquee|math|meta|nav|noscript|object|ol|option|p|param|picture|pre|q|s|script|section|select|small|source|span|strike|strong|style|sub|summary|sup|svg|table|tbody|td|template|textarea|tfoot|th|thead|title|tr|tt|u|ul|var|video|wbr|xmp|[a-z]+:[a-z]+";
const MARKUP = new RegExp(`<\\/?(?:${TAG_NAMES})(?:\\s+[a-z_:@][-a-z0-9_:.@]*(?:\\s*=\\s*(?:"[^"]*"|'[^']*'|[^\\s"'=<>\`]+))?)*\\s*\\/?>|<!--|<!doctype|<\\?xml`, "i");

/**
 * The first HTML tag in `s` (`<b>`, `</p>`, `<img src=x onerror=…>`, `<!--`), or null. Used by the
 * text rule's `noMarkup` fields and by the body's text nodes (lib/editor/schema.ts).
 */
export function findMarkup(s: string): string | null {
  const m = MARKUP.exec(s);
  return m ? (m[0].length > 24 ? `${m[0].slice(0, 24)}…` : m[0]) : null;
}
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
  if (opts.invisibles !== false) {
    const inv = invisibleProblem(s);
    if (inv) return inv;
  }
  if (opts.noMarkup) {
    const tag = findMarkup(s);
    if (tag) return { code: "text_markup", char: tag };
  }
  return null;
}

/** The first invisible character or odd space of `s` as a problem naming it and where it is, or null. */
export function invisibleProblem(s: string): TextProblem | null {
  const hit = findInvisible(s);
  if (!hit) return null;
  return { code: hit.kind === "space" ? "text_odd_space" : "text_invisible", char: hit.char, ...positionOf(s, hit.index) };
}

/** `s` without the characters that print nothing (zero-width spaces, joiners, BOM, soft hyphen …). */
export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE, "");
}

/** True when `s` has nothing visible: empty, spaces (incl. U+3000) and zero-width characters only. */
export function isBlank(s: string): boolean {
  return stripInvisible(s).trim() === "";
}

// Han characters and CJK punctuation: a space beside one (an ordinary or an ideographic space) carries
// no meaning in a Chinese name.
const CJK_SPACE = /\s*([\p{Script=Han}\u3001-\u303f\uff01-\uffef])\s*/gu;

/**
 * The key two names are compared by (units, users, sections): NFC, invisible characters removed,
 * spaces beside a Chinese character removed (ordinary or ideographic: 昌平区\u3000科协), other runs of
 * spaces collapsed, trimmed. 昌平区\u200b科协, 昌平区 科协 and 昌平区科协 have one key;
 * "Beijing  Society" and "Beijing Society" have one, "BeijingSociety" another.
 */
export function nameKey(s: string): string {
  return stripInvisible(s.normalize("NFC")).replace(CJK_SPACE, "$1").replace(/\s+/g, " ").trim();
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
 * `max` counts user-perceived characters (`lengthOf`) after trimming; `required` refuses blank text.
 */
export function checkText(
  raw: string,
  opts: TextRuleOptions & { max?: number; required?: boolean } = {},
): { ok: true; value: string } | { ok: false; problem: TextProblem } {
  const normal = opts.multiline ? normalizeText(raw) : raw.normalize("NFC");
  const problem = findTextProblem(normal, { ...opts, invisibles: false });
  if (problem) return { ok: false, problem };
  let value = normal.trim();
  // Invisible characters and odd spaces are looked for in what would be stored (the ends trimmed).
  const invisible = opts.invisibles === false ? null : invisibleProblem(value);
  if (invisible) return { ok: false, problem: invisible };
  if (isBlank(value)) value = "";
  if (opts.required && value === "") return { ok: false, problem: { code: "text_empty" } };
  if (opts.max !== undefined && lengthOf(value) > opts.max) return { ok: false, problem: { code: "text_too_long" } };
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
    text_invisible: "「{field}」{where}有一个看不见的{name}（{char}），请删除后再试。",
    text_odd_space: "「{field}」{where}有一个{name}（{char}），看起来像空格但不是普通空格，请换成普通空格或删除后再试。",
    text_markup: "「{field}」不能包含 HTML 标记（{char}），请只填文字；尖括号作文字用时请改用〈〉或《》。",
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
    text_invisible: "“{field}” has an invisible {name} ({char}) {where}; remove it and try again.",
    text_odd_space: "“{field}” has a {name} ({char}) {where} that looks like a space but is not an ordinary one; replace it with a space or remove it.",
    text_markup: "“{field}” cannot contain HTML markup ({char}); text only. Where angle brackets are meant as text, use 〈〉 or 《》.",
    text_empty: "Fill in “{field}”.",
    text_too_long: "“{field}” is too long (at most {max} characters).",
    text_date: "“{field}” is not a real date; use a date such as 2023-07-07.",
    text_email: "“{field}” is not an e-mail address, such as xxbs@example.cn.",
  },
};

export function isTextRuleCode(code: string): code is TextProblemCode {
  return (TEXT_CODES as readonly string[]).includes(code);
}

/** What a zod issue of the rule carries in `params`. `para`: the paragraph of a body (1-based). */
export interface TextRuleParams {
  field?: string;
  char?: string;
  max?: number;
  pos?: number;
  before?: string;
  para?: number;
  line?: number;
}

/** Where a character is, in words: 「第 2 段第 3 个字处（“昌平”之后）」, 「开头」. */
export function whereText(params: TextRuleParams, locale = "zh-CN"): string {
  const start = !params.pos || params.pos <= 1 || !params.before;
  if (locale.startsWith("zh")) {
    const part = params.para ? `第 ${params.para} 段` : params.line ? `第 ${params.line} 行` : "";
    return start ? `${part}开头` : `${part}第 ${params.pos} 个字处（“${params.before}”之后）`;
  }
  const part = params.para ? `paragraph ${params.para}` : params.line ? `line ${params.line}` : "";
  if (start) return part ? `at the start of ${part}` : "at the start";
  return `${part ? `in ${part} ` : ""}at character ${params.pos} (after “${params.before}”)`;
}

/** The sentence for a refusal, naming the field; `params` as carried by the zod issue. */
export function textRuleMessage(code: TextProblemCode, params: TextRuleParams = {}, locale = "zh-CN"): string {
  const table = locale.startsWith("zh") ? MESSAGES["zh-CN"] : MESSAGES.en;
  const field = params.field ?? (locale.startsWith("zh") ? "此项" : "This field");
  return table[code]
    .replace("{field}", field)
    .replace("{char}", params.char ?? "")
    .replace("{max}", String(params.max ?? ""))
    .replace("{name}", params.char ? invisibleName(params.char, locale) : "")
    .replace("{where}", code === "text_invisible" || code === "text_odd_space" ? whereText(params, locale) : "");
}

/** The zod issues of a failed parse as Chinese sentences, for logs and the CLI. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], locale = "zh-CN"): string[] {
  return issues.map((i) => {
    const params = (i as { params?: TextRuleParams }).params;
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
  /** Message for "too long" instead of text_too_long (keeps a form's existing wording); the bare "too_long" is ignored. */
  tooLong?: string;
}

function textSchema(given: TextFieldOptions) {
  // The bare "too_long" says neither which field nor its limit: the rule's own sentence does
  // (「目录提要」过长（最多 60 字）), so it is used instead.
  const opts = given.tooLong === "too_long" ? { ...given, tooLong: undefined } : given;
  // Refuse a huge string before normalising it.
  return z
    .string({ error: typeof opts.required === "string" ? opts.required : "invalid" })
    // A user-perceived character is at most a few UTF-16 units (an emoji family is 8).
    .max(opts.max * 10 + 100, { error: opts.tooLong ?? "text_too_long", params: { field: opts.label, max: opts.max } } as never)
    .transform((raw, ctx) => {
      const r = checkText(raw, { ...opts, required: Boolean(opts.required) });
      if (r.ok) return r.value;
      const code = r.problem.code;
      const message = code === "text_empty" && typeof opts.required === "string" ? opts.required : code === "text_too_long" && opts.tooLong ? opts.tooLong : code;
      ctx.addIssue({ code: "custom", message, params: { field: opts.label, char: r.problem.char, max: opts.max, pos: r.problem.pos, before: r.problem.before, line: r.problem.line } });
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

import type { Masthead } from "./document";

/**
 * Issue numbers as offices print them, and back. Pure.
 *
 * A publication prints its issue line in one style: Arabic (2024年 第21期) or Chinese numerals
 * (2024年 第二十一期), the year plain (2024年) or in brackets (〔2024〕). A double issue (合刊)
 * covers two numbers (第3-4期（合刊）, 总第120-121期); a supplement (增刊/专刊/特刊) stands outside
 * the regular sequence (2024年 增刊第1期, or 2024年 增刊 when unnumbered) and has no running number.
 */

export type IssueKind = "regular" | "double" | "supplement";
export const SUPPLEMENT_LABELS = ["增刊", "专刊", "特刊"] as const;
export type SupplementLabel = (typeof SUPPLEMENT_LABELS)[number];

export interface NumberingStyle {
  /** "chinese": 第二十一期; "arabic" (the default): 第21期. */
  numerals: "arabic" | "chinese";
  /** 〔2024〕第21期 instead of 2024年 第21期. */
  yearBrackets: boolean;
}

export const DEFAULT_NUMBERING: NumberingStyle = { numerals: "arabic", yearBrackets: false };

const DIGITS = "〇一二三四五六七八九";

/**
 * 21 → 二十一, 160 → 一百六十, 10 → 十. Positive integers below 10 000; anything else is printed in
 * Arabic digits.
 */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 10000) return String(n);
  const units = ["", "十", "百", "千"];
  const ds = String(n).split("").map(Number);
  let out = "";
  let zero = false;
  ds.forEach((d, k) => {
    const place = ds.length - 1 - k;
    if (d === 0) {
      zero = out !== "";
      return;
    }
    if (zero) out += "零";
    zero = false;
    out += (d === 1 && place === 1 && out === "" ? "" : DIGITS[d]) + units[place];
  });
  return out;
}

const CN_VALUE: Record<string, number> = { 〇: 0, 零: 0, Ｏ: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4, 五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9 };
const CN_UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** Characters a Chinese numeral is written with. */
export const CN_NUMERAL_CHARS = "〇零一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟";

/**
 * 二十一 → 21, 一百六十 → 160, and digit-by-digit readings: 一六零 → 160, 二〇二四 → 2024.
 * null when the text is not a numeral.
 */
export function fromChineseNumeral(s: string): number | null {
  if (!s || [...s].some((c) => !(c in CN_VALUE) && !(c in CN_UNIT))) return null;
  if (![...s].some((c) => c in CN_UNIT)) return Number([...s].map((c) => CN_VALUE[c]).join(""));
  let total = 0;
  let digit = 0;
  for (const c of s) {
    if (c in CN_VALUE) digit = CN_VALUE[c];
    else {
      total += (digit || 1) * CN_UNIT[c];
      digit = 0;
    }
  }
  return total + digit;
}

function num(n: number, style: NumberingStyle): string {
  return style.numerals === "chinese" ? toChineseNumeral(n) : String(n);
}

/** The masthead's kind, reading the optional fields an older document does not have. */
export function issueKindOf(m: Pick<Masthead, "kind" | "numberEnd">): IssueKind {
  return m.kind ?? (m.numberEnd ? "double" : "regular");
}

/**
 * The issue line of the masthead: 「2024年 第3期」「〔2024〕第二十一期」「2024年 第3-4期（合刊）」
 * 「2024年 增刊第1期」「2024年 专刊」.
 */
export function issueLine(m: Masthead, style: NumberingStyle = m.numbering ?? DEFAULT_NUMBERING): string {
  const year = style.yearBrackets ? `〔${m.year}〕` : `${m.year}年 `;
  const kind = issueKindOf(m);
  if (kind === "supplement") {
    const label = m.supplementLabel ?? "增刊";
    return `${year}${label}${m.number ? `第${num(m.number, style)}期` : ""}`.trim();
  }
  if (kind === "double" && m.numberEnd) return `${year}第${num(m.number, style)}-${num(m.numberEnd, style)}期（合刊）`;
  return `${year}第${num(m.number, style)}期`;
}

/** The running-number line: 「(总第73期)」「(总第120-121期)」; "" for a supplement, which has none. */
export function totalLine(m: Masthead, open = "(", close = ")"): string {
  if (issueKindOf(m) === "supplement" || !m.totalNumber) return "";
  const end = issueKindOf(m) === "double" && m.totalNumberEnd ? `-${m.totalNumberEnd}` : "";
  return `${open}总第${m.totalNumber}${end}期${close}`;
}

/** 「2024年第3期」「2024年第3-4期合刊」「2024年增刊第1期」: for file names and page titles. */
export function issueLabel(m: Pick<Masthead, "year" | "number" | "kind" | "numberEnd" | "supplementLabel">): string {
  const kind = issueKindOf(m);
  if (kind === "supplement") return `${m.year}年${m.supplementLabel ?? "增刊"}${m.number ? `第${m.number}期` : ""}`;
  if (kind === "double" && m.numberEnd) return `${m.year}年第${m.number}-${m.numberEnd}期合刊`;
  return `${m.year}年第${m.number}期`;
}

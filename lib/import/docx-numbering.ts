import { romanNumeral } from "@/lib/text/roman";
import { DOMParser } from "@xmldom/xmldom";

/**
 * Word's automatic numbering (w:numPr on a paragraph or its style, defined in numbering.xml) as the
 * text Word shows: 一、 （一） 1. （1） ① a) Ⅲ. and the like. mammoth reads such a paragraph as a list
 * item and the marker, which is not in the paragraph's text, is lost; here the marker is written
 * into the paragraph as text, so the item reads as the unit saw it. Bullets (numFmt "bullet") are
 * dropped, as the paste cleaner drops symbol-font bullets. Counters run per list (numId) and level,
 * a level's counter restarting when a shallower level advances; w:start and w:startOverride apply.
 */
export interface NumberingCounts {
  /** Paragraphs that got their marker as text. */
  markers: number;
  /** Bulleted paragraphs whose bullet was dropped. */
  bullets: number;
}

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

interface Level {
  fmt: string;
  text: string;
  start: number;
}

const attr = (el: Element | undefined | null, name: string) => el?.getAttributeNS(W, name) ?? el?.getAttribute(`w:${name}`) ?? null;
const child = (el: Element | null | undefined, name: string): Element | null =>
  el ? (Array.from(el.childNodes).find((n) => n.nodeType === 1 && (n as Element).localName === name) as Element | undefined) ?? null : null;
const kids = (el: Element, name: string): Element[] => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name);

const DIGITS = "〇一二三四五六七八九";
/** 1 → 一, 10 → 十, 21 → 二十一, 100 → 一百 (Word's chineseCounting). */
function chineseCounting(n: number): string {
  if (n <= 0 || n >= 10000) return String(n);
  const units = ["", "十", "百", "千"];
  const ds = String(n).split("").map(Number);
  let out = "";
  let zero = false;
  ds.forEach((d, i) => {
    const u = units[ds.length - 1 - i];
    if (d === 0) {
      zero = out.length > 0;
      return;
    }
    if (zero) out += "零";
    zero = false;
    out += d === 1 && u === "十" && i === 0 ? "十" : DIGITS[d] + u;
  });
  return out;
}
function letters(n: number): string {
  // Word repeats the letter: a … z, aa … zz.
  const l = String.fromCharCode(97 + ((n - 1) % 26));
  return l.repeat(Math.floor((n - 1) / 26) + 1);
}

/** One counter value in a numFmt; an unknown format prints as decimal (what Word falls back to). */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case "chineseCounting":
    case "chineseCountingThousand":
    case "chineseLegalSimplified":
    case "japaneseCounting":
    case "taiwaneseCounting":
    case "taiwaneseCountingThousand":
      return fmt === "chineseLegalSimplified" ? chineseCounting(n).replace(/[一二三四五六七八九十百千]/g, (c) => "壹贰叁肆伍陆柒捌玖拾佰仟"["一二三四五六七八九十百千".indexOf(c)]) : chineseCounting(n);
    case "ideographTraditional":
      return "甲乙丙丁戊己庚辛壬癸"[n - 1] ?? String(n);
    case "ideographZodiac":
      return "子丑寅卯辰巳午未申酉戌亥"[n - 1] ?? String(n);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case "decimalEnclosedParen":
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2474 + n - 1) : `(${n})`;
    case "decimalEnclosedFullstop":
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2488 + n - 1) : `${n}.`;
    case "ideographEnclosedCircle":
      return n >= 1 && n <= 10 ? String.fromCodePoint(0x3280 + n - 1) : chineseCounting(n);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    case "lowerLetter":
      return letters(n);
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerRoman":
      return romanNumeral(n).toLowerCase();
    case "upperRoman":
      return romanNumeral(n);
    case "none":
      return "";
    default:
      return String(n);
  }
}

function readLevels(numberingXml: string) {
  const doc = new DOMParser().parseFromString(numberingXml, "text/xml");
  const abstract = new Map<string, Map<number, Level>>();
  for (const a of Array.from(doc.getElementsByTagNameNS(W, "abstractNum"))) {
    const levels = new Map<number, Level>();
    for (const l of kids(a, "lvl")) {
      levels.set(Number(attr(l, "ilvl") ?? 0), {
        fmt: attr(child(l, "numFmt"), "val") ?? "decimal",
        text: attr(child(l, "lvlText"), "val") ?? "",
        start: Number(attr(child(l, "start"), "val") ?? 1),
      });
    }
    abstract.set(attr(a, "abstractNumId") ?? "", levels);
  }
  const nums = new Map<string, Map<number, Level>>();
  for (const n of Array.from(doc.getElementsByTagNameNS(W, "num"))) {
    const base = abstract.get(attr(child(n, "abstractNumId"), "val") ?? "");
    if (!base) continue;
    const levels = new Map(base);
    for (const o of kids(n, "lvlOverride")) {
      const ilvl = Number(attr(o, "ilvl") ?? 0);
      const lvl = child(o, "lvl");
      const prev = levels.get(ilvl) ?? { fmt: "decimal", text: "", start: 1 };
      const next = lvl
        ? { fmt: attr(child(lvl, "numFmt"), "val") ?? prev.fmt, text: attr(child(lvl, "lvlText"), "val") ?? prev.text, start: Number(attr(child(lvl, "start"), "val") ?? prev.start) }
        : { ...prev };
      const so = attr(child(o, "startOverride"), "val");
      if (so !== null) next.start = Number(so);
      levels.set(ilvl, next);
    }
    nums.set(attr(n, "numId") ?? "", levels);
  }
  return nums;
}

/** Paragraph styles that carry numbering: style id → numId and level. */
function styleNumbering(stylesXml: string | null): Map<string, { numId: string; ilvl: number }> {
  const out = new Map<string, { numId: string; ilvl: number }>();
  if (!stylesXml) return out;
  const doc = new DOMParser().parseFromString(stylesXml, "text/xml");
  for (const s of Array.from(doc.getElementsByTagNameNS(W, "style"))) {
    const numPr = child(child(s, "pPr"), "numPr");
    const numId = attr(child(numPr, "numId"), "val");
    if (numId) out.set(attr(s, "styleId") ?? "", { numId, ilvl: Number(attr(child(numPr, "ilvl"), "val") ?? 0) });
  }
  return out;
}

/**
 * Writes each numbered paragraph's marker into its text (a run at its start) and removes its
 * w:numPr; drops bullets. `doc` is the main part, changed in place. Returns the counts for the notice.
 */
export function writeNumberingMarkers(doc: Document, numberingXml: string | null, stylesXml: string | null): NumberingCounts {
  const counts: NumberingCounts = { markers: 0, bullets: 0 };
  if (!numberingXml) return counts;
  const nums = readLevels(numberingXml);
  const styles = styleNumbering(stylesXml);
  const counters = new Map<string, number[]>();
  for (const p of Array.from(doc.getElementsByTagNameNS(W, "p"))) {
    const pPr = child(p, "pPr");
    const numPr = child(pPr, "numPr");
    const fromStyle = styles.get(attr(child(pPr, "pStyle"), "val") ?? "");
    const numId = attr(child(numPr, "numId"), "val") ?? fromStyle?.numId ?? null;
    if (!numId || numId === "0") continue;
    const ilvl = Number(attr(child(numPr, "ilvl"), "val") ?? fromStyle?.ilvl ?? 0);
    const levels = nums.get(numId);
    const level = levels?.get(ilvl);
    if (!levels || !level) continue;
    const c = counters.get(numId) ?? [];
    for (let i = 0; i <= ilvl; i++) if (c[i] === undefined) c[i] = (levels.get(i)?.start ?? 1) - (i === ilvl ? 1 : 0);
    c[ilvl] += 1;
    c.length = ilvl + 1;
    counters.set(numId, c);
    if (numPr) pPr?.removeChild(numPr);
    else if (pPr) {
      // Numbered through its style: a numId of 0 on the paragraph turns the style's numbering off.
      const off = doc.createElementNS(W, "w:numPr");
      const id = doc.createElementNS(W, "w:numId");
      id.setAttributeNS(W, "w:val", "0");
      off.appendChild(id);
      pPr.appendChild(off);
    }
    if (level.fmt === "bullet") {
      counts.bullets++;
      continue;
    }
    const marker = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const l = levels.get(i);
      return formatNumber(c[i] ?? l?.start ?? 1, i === ilvl ? level.fmt : (l?.fmt ?? "decimal"));
    });
    if (!marker.trim()) continue;
    const r = doc.createElementNS(W, "w:r");
    const t = doc.createElementNS(W, "w:t");
    t.setAttribute("xml:space", "preserve");
    t.textContent = marker;
    r.appendChild(t);
    p.insertBefore(r, pPr ? pPr.nextSibling : p.firstChild);
    counts.markers++;
  }
  return counts;
}

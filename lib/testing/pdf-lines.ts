import { execFileSync } from "node:child_process";

/** Points per millimetre. */
export const PT_PER_MM = 72 / 25.4;

export interface PdfLine {
  /** 1-based. */
  page: number;
  /** What poppler reads, spaces included. */
  text: string;
  /** In millimetres from the page's top-left corner. */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Height of poppler's box in points: font size × the face's ascent + descent. */
  height: number;
}

export interface PdfPage {
  page: number;
  widthMm: number;
  heightMm: number;
  lines: PdfLine[];
}

const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

/** Every text line of the PDF with its box, read with `pdftotext -bbox-layout`, in reading order per page. */
export function pdfLines(file: string): PdfPage[] {
  const xml = execFileSync("pdftotext", ["-bbox-layout", file, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
  const pages: PdfPage[] = [];
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  for (const pm of xml.matchAll(pageRe)) {
    const page = pages.length + 1;
    const lines: PdfLine[] = [];
    for (const lm of pm[3].matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const words = [...lm[5].matchAll(/<word[^>]*>([\s\S]*?)<\/word>/g)].map((w) => decode(w[1]));
      const [x0, y0, x1, y1] = [lm[1], lm[2], lm[3], lm[4]].map(Number);
      lines.push({ page, text: words.join(" "), x0: x0 / PT_PER_MM, x1: x1 / PT_PER_MM, y0: y0 / PT_PER_MM, y1: y1 / PT_PER_MM, height: y1 - y0 });
    }
    pages.push({ page, widthMm: Number(pm[1]) / PT_PER_MM, heightMm: Number(pm[2]) / PT_PER_MM, lines: inRows(lines) });
  }
  return pages;
}

/**
 * Reading order: poppler splits a printed line wherever the face changes (a bold run, a 楷体 run,
 * a smaller bullet), and the pieces' boxes differ in height; pieces whose centres are within 3 mm
 * (lines are 10 mm apart) are one row, read left to right.
 */
function inRows(lines: PdfLine[]): PdfLine[] {
  const mid = (l: PdfLine) => (l.y0 + l.y1) / 2;
  const sorted = [...lines].sort((a, b) => mid(a) - mid(b));
  const rows: PdfLine[][] = [];
  for (const l of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(mid(row[0]) - mid(l)) < 3) row.push(l);
    else rows.push([l]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.x0 - b.x0));
}

/** Characters a CJK face sets a full em wide count 1; ASCII letters, digits and spaces ½. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) >= 0x2000 || ch === "·" ? 1 : 0.5;
  return w;
}

export const squash = (s: string) => s.replace(/\s+/g, "");

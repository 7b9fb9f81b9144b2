/**
 * Cleaning what is pasted into the body editor, in the browser. Word, WPS and web pages put
 * everything on the clipboard — fonts, colours, sizes, tables, images, list bullets, Office XML —
 * and the bulletin prints paragraphs with some bold and italic, nothing else. The cleaned HTML
 * holds only <p>, <strong> and <em> and is then parsed by the editor's own schema.
 */
export interface PasteReport {
  paragraphs: number;
  images: number;
  tables: number;
  links: number;
  /** Fonts, colours, sizes, underline, highlighting and the like were dropped. */
  formatting: boolean;
}

export const PASTE_REPORT_EVENT = "bulletin-paste-report";

interface Char {
  c: string;
  bold: boolean;
  italic: boolean;
}

const BLOCK = new Set([
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre",
  "section", "article", "header", "footer", "aside", "main", "nav", "address", "figure", "figcaption",
  "table", "thead", "tbody", "tfoot", "tr", "caption", "hr", "center", "form", "fieldset", "details", "summary",
]);
const SKIP = new Set([
  "script", "style", "head", "title", "meta", "link", "template", "noscript", "iframe", "object", "embed",
  "button", "select", "textarea", "input", "option", "audio", "map", "area", "base", "xml", "o:p", "w:sdtpr",
]);
const IMAGE = new Set(["img", "picture", "svg", "canvas", "video", "v:shape", "v:imagedata", "v:group", "v:rect", "v:textbox", "figure-img"]);
const STYLING = new Set(["font", "u", "s", "strike", "del", "ins", "sup", "sub", "mark", "small", "big", "code", "kbd", "tt"]);
// A separator between the cells of one table row, which becomes one paragraph.
const CELL_SEPARATOR = "　";

// Characters the stored text refuses (lib/editor/schema.ts): dropped here rather than refused later.
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const HAN_OR_FULLWIDTH = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’—…·]/;

function styleOf(el: Element): CSSStyleDeclaration | null {
  return (el as HTMLElement).style ?? null;
}

function boldOf(el: Element, inherited: boolean): boolean {
  const tag = el.tagName.toLowerCase();
  const weight = styleOf(el)?.fontWeight ?? "";
  if (weight) {
    if (weight === "normal" || weight === "lighter" || (/^\d+$/.test(weight) && Number(weight) < 600)) return false;
    if (weight === "bold" || weight === "bolder" || (/^\d+$/.test(weight) && Number(weight) >= 600)) return true;
  }
  return inherited || tag === "b" || tag === "strong";
}

function italicOf(el: Element, inherited: boolean): boolean {
  const tag = el.tagName.toLowerCase();
  const style = styleOf(el)?.fontStyle ?? "";
  if (style === "normal") return false;
  if (style === "italic" || style === "oblique") return true;
  return inherited || tag === "i" || tag === "em";
}

function hidden(el: Element): boolean {
  const st = styleOf(el);
  const raw = (el.getAttribute("style") ?? "").toLowerCase();
  return st?.display === "none" || st?.visibility === "hidden" || /mso-hide\s*:\s*all/.test(raw) || el.hasAttribute("hidden");
}

/** Word's list markers (「1.」, 「·」 in a Symbol font) sit in a span marked mso-list:Ignore. */
function isListMarker(el: Element): boolean {
  return /mso-list\s*:\s*ignore/i.test(el.getAttribute("style") ?? "");
}

export function cleanPastedHtml(html: string): { html: string; report: PasteReport } {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const report: PasteReport = { paragraphs: 0, images: 0, tables: 0, links: 0, formatting: false };
  const paragraphs: Char[][] = [];
  let cur: Char[] = [];

  const breakParagraph = () => {
    if (cur.length) paragraphs.push(cur);
    cur = [];
  };
  const pushText = (raw: string, bold: boolean, italic: boolean) => {
    // HTML collapses white space; a line break inside Word's HTML between two Chinese characters is
    // just where Word wrapped the source, not a space.
    const text = raw
      .replace(CONTROL, "")
      .replace(/[\t\n\r\f ]*[\n\r][\t\n\r\f ]*/g, "\u0001")
      .replace(/[\t\f \u00a0]+/g, " ");
    for (const c of text) cur.push({ c, bold, italic });
  };

  const walk = (node: Node, bold: boolean, italic: boolean, inCell: boolean) => {
    if (node.nodeType === Node.TEXT_NODE) {
      pushText(node.nodeValue ?? "", bold, italic);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return; // comments, Word's <![if !supportLists]> …
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (IMAGE.has(tag)) {
      report.images++;
      return;
    }
    if (SKIP.has(tag) || hidden(el)) return;
    if (isListMarker(el)) {
      const marker = (el.textContent ?? "").replace(/[\s\u00a0]+/g, "");
      if (/^[\d一二三四五六七八九十a-zA-Z]+[.、)）]?$/.test(marker)) pushText(marker.endsWith(".") ? marker : `${marker}.`, bold, italic);
      return;
    }
    if (tag === "br") {
      if (inCell) pushText(CELL_SEPARATOR, false, false);
      else breakParagraph();
      return;
    }
    if (/font|color|background|mso-|text-decoration|highlight/i.test(el.getAttribute("style") ?? "") || STYLING.has(tag) || el.hasAttribute("class")) report.formatting = true;
    if (tag === "a" && el.hasAttribute("href")) report.links++;
    if (tag === "table") {
      report.tables++;
      breakParagraph();
      for (const row of Array.from(el.querySelectorAll("tr"))) {
        // Nested tables are read through their outer cell.
        if (row.closest("table") !== el) continue;
        const cells = Array.from(row.children).filter((c) => /^(td|th)$/i.test(c.tagName));
        let first = true;
        for (const cell of cells) {
          if (!(cell.textContent ?? "").trim()) continue;
          if (!first) pushText(CELL_SEPARATOR, false, false);
          first = false;
          for (const child of Array.from(cell.childNodes)) walk(child, boldOf(cell, bold), italicOf(cell, italic), true);
          trimEnd(cur);
        }
        breakParagraph();
      }
      return;
    }
    const block = BLOCK.has(tag);
    if (block && !inCell) breakParagraph();
    if (block && inCell && cur.length) pushText("\n", false, false);
    const b = tag.match(/^h[1-6]$/) ? bold : boldOf(el, bold);
    const i = italicOf(el, italic);
    for (const child of Array.from(el.childNodes)) walk(child, b, i, inCell);
    if (block && !inCell) breakParagraph();
  };

  walk(doc.body, false, false, false);
  breakParagraph();

  const out: string[] = [];
  for (const p of paragraphs) {
    const chars = tidy(p);
    if (!chars.length) continue;
    out.push(`<p>${runsToHtml(chars)}</p>`);
  }
  report.paragraphs = out.length;
  return { html: out.join(""), report };
}

function trimEnd(chars: Char[]) {
  while (chars.length && /[\s\u0001\u3000]/.test(chars[chars.length - 1].c) && chars[chars.length - 1].c !== CELL_SEPARATOR) chars.pop();
}

/** Resolves the wrapped-line marks, collapses spaces, and drops the indentation of Chinese text. */
function tidy(chars: Char[]): Char[] {
  const out: Char[] = [];
  for (let k = 0; k < chars.length; k++) {
    const ch = chars[k];
    if (ch.c === "\u0001" || ch.c === " ") {
      const prev = out[out.length - 1]?.c;
      let n = k + 1;
      while (n < chars.length && (chars[n].c === "\u0001" || chars[n].c === " ")) n++;
      const next = chars[n]?.c;
      k = n - 1;
      if (!prev || !next) continue;
      if (ch.c === "\u0001" && (HAN_OR_FULLWIDTH.test(prev) || HAN_OR_FULLWIDTH.test(next))) continue;
      if (prev === " ") continue;
      out.push({ ...ch, c: " " });
      continue;
    }
    out.push(ch);
  }
  // Paragraph indentation (two full-width spaces, or &nbsp;s) is the printer's job.
  while (out.length && /[\s\u3000]/.test(out[0].c)) out.shift();
  while (out.length && /[\s\u3000]/.test(out[out.length - 1].c)) out.pop();
  return out;
}

function escape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function runsToHtml(chars: Char[]): string {
  let html = "";
  let k = 0;
  while (k < chars.length) {
    const { bold, italic } = chars[k];
    let text = "";
    while (k < chars.length && chars[k].bold === bold && chars[k].italic === italic) text += chars[k++].c;
    // A space on its own needs no emphasis.
    let run = escape(text);
    if (text.trim()) {
      if (italic) run = `<em>${run}</em>`;
      if (bold) run = `<strong>${run}</strong>`;
    }
    html += run;
  }
  return html;
}

/** Plain text: one line a paragraph, without the indentation people type with spaces. */
export function cleanPastedText(text: string): string {
  return text
    .replace(CONTROL, "")
    .split(/\r\n?|\n/)
    .map((l) => l.replace(/\t+/g, " ").replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, ""))
    .filter((l) => l.length > 0)
    .join("\n");
}

/**
 * Cleaning what is pasted into the body editor, in the browser. Word, WPS and web pages put
 * everything on the clipboard — fonts, colours, sizes, tables, images, list bullets, Office XML —
 * and the bulletin prints paragraphs with some bold and italic, nothing else. The cleaned HTML
 * holds only <p>, <strong> and <em> and is then parsed by the editor's own schema.
 *
 * Invisible characters (zero-width space, joiner, BOM, soft hyphen …) are removed and odd spaces
 * (U+2002, U+2009, U+202F …) become ordinary spaces, as the text rule wants (lib/text/rule.ts,
 * lib/text/invisible.ts); the notice says which and how many. In clipboard HTML the no-break space
 * U+00A0 is how HTML writes a space that must not collapse (Word writes every second typed space
 * so): each no-break space inside the text stays one ordinary space, as the browser showed it, and is reported;
 * as indentation, an empty paragraph or a spacing span it changes nothing visible and is not.
 * A list number is followed directly by its text (「1.第一项」「一、总体要求」, as a Chinese bulletin
 * prints it): Word's and WPS's tab padding after the number goes, and the notice says how often.
 * Superscripts and subscripts (<sup>, <sub>, vertical-align) become ordinary text and are named in
 * the notice (m2/m3 after a metre unit become m²/m³); a web page's footnote reference whose note is
 * on the clipboard (<sup><a href="#fn1">1</a></sup>) is read like Word's, as a 「注：」 paragraph.
 */
import { isWebPageLine } from "@/lib/bulletin/web-noise";
import { romanNumeral } from "@/lib/text/roman";
import { InvisibleCleaner } from "@/lib/text/invisible";

export interface PasteReport {
  paragraphs: number;
  images: number;
  tables: number;
  links: number;
  /** Fonts, colours, sizes, underline, highlighting and the like were dropped. */
  formatting: boolean;
  /** Tracked deletions dropped and insertions kept (the accepted text). */
  trackedChanges: number;
  /** Reviewers' Word comments dropped (anchor and comment text). */
  comments: number;
  /** Footnotes and endnotes kept as a 「注：」 paragraph after the paragraph that cites them. */
  notes: number;
  /** A web page's own lines dropped (当前位置, 发布时间/来源/浏览次数, 分享到 …): named in the notices. */
  webLines: string[];
  /**
   * Superscripts and subscripts the bulletin cannot print as such, now ordinary text: each as the
   * few characters before it and the marker, e.g. 「正文[上标1]」「H[下标2]」, or 「m2」已写作「m²」 (m, cm, km … squared or cubed).
   */
  raised: string[];
  /** What was done, in Chinese, for the notice under the editor (empty when nothing worth saying). */
  notices: string[];
}

/** The HTML parser: the browser's DOMParser, or one from a DOM library under Node (linkedom). */
export type HtmlParser = { parseFromString(html: string, type: "text/html"): Document };

export const PASTE_REPORT_EVENT = "bulletin-paste-report";

interface Char {
  c: string;
  bold: boolean;
  italic: boolean;
  /** A space that was a no-break space (&nbsp;) in the clipboard's HTML. */
  nb?: boolean;
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

// Fonts whose letters are pictures: Wingdings 「l」 is ●, 「u」 ◆, 「§」 ■; Symbol 「·」 is •.
const SYMBOL_FONT = /wingdings|webdings|symbol|marlett|zapf\s*dingbats/i;
const BULLET_CHARS = /^[·•●○◦■□▪▫◆◇◊►▶▸➢➤✓✔√※\-–—*＊⊙◎★☆]$/;

/** The font family a marker is set in: its own style or that of a span around it in the same paragraph. */
function inSymbolFont(el: Element): boolean {
  for (let e: Element | null = el; e && !BLOCK.has(e.tagName.toLowerCase()); e = e.parentElement) {
    const style = e.getAttribute("style") ?? "";
    const family = /(?:^|;)\s*(?:font-family|mso-bidi-font-family|mso-ascii-font-family|mso-hansi-font-family)\s*:\s*([^;]+)/i.exec(style)?.[1] ?? "";
    const short = /(?:^|;)\s*font\s*:[^;]*?([A-Za-z" ]+)$/i.exec(style)?.[1] ?? "";
    if (SYMBOL_FONT.test(family) || SYMBOL_FONT.test(short) || SYMBOL_FONT.test(e.getAttribute("face") ?? "")) return true;
  }
  return false;
}

/**
 * The visible list marker, exactly as Word or WPS shows it (一、 （一） 1. （1） ① 第一条 1.1 (1) a) Ⅰ.),
 * or "" for a bullet: a picture letter in a symbol font or a bullet character carries no text.
 */
export function listMarkerText(el: Element): string {
  // The marker's spacing is a nested span of &nbsp;s in a tiny Times New Roman.
  const marker = (el.textContent ?? "").replace(/[\s\u00a0\u3000]+/g, "");
  if (!marker) return "";
  if (inSymbolFont(el) || BULLET_CHARS.test(marker)) return "";
  return marker;
}

const CLASS = (el: Element) => ` ${(el.getAttribute("class") ?? "").toLowerCase()} `;
const STYLE = (el: Element) => (el.getAttribute("style") ?? "").toLowerCase();

/** Word's comment anchor 「[张1]」, the comment list and its texts: a reviewer's note, never copy. */
function isComment(el: Element): boolean {
  const cls = CLASS(el);
  const style = STYLE(el);
  const href = el.getAttribute("href") ?? "";
  return (
    /mso-element\s*:\s*comment/.test(style) ||
    / (msocomanchor|msocomtxt|msocomoff|msocommenttext|msocommentreference|msocommentsubject|msocommentsreference) /.test(cls) ||
    /^#_msocom_/i.test(href) ||
    /^_msocom_/i.test(el.getAttribute("name") ?? "") ||
    /^_com_\d+$/i.test(el.getAttribute("id") ?? "") ||
    // WPS and Word on the web mark a comment mark with a data attribute or a class of their own.
    el.hasAttribute("data-comment-id") ||
    / (commentreference|comment-marker) /.test(cls)
  );
}

/** A tracked deletion: <del>, Word's msoDel span, or WPS's deleted-text span. */
function isDeletion(el: Element): boolean {
  const tag = el.tagName.toLowerCase();
  return tag === "del" || / msodel /.test(CLASS(el)) || /mso-del/.test(STYLE(el));
}
function isInsertion(el: Element): boolean {
  const tag = el.tagName.toLowerCase();
  return tag === "ins" || / msoins /.test(CLASS(el));
}

/** A footnote or endnote reference in the body: <a href="#_ftn1" name="_ftnref1"> (Word), #_edn1 for endnotes. */
function noteReference(el: Element): string | null {
  if (el.tagName.toLowerCase() !== "a") return null;
  const href = el.getAttribute("href") ?? "";
  const m = /^#_?(ftn|edn)(\d+)$/i.exec(href);
  if (m && !/^_?(ftn|edn)\d+$/i.test(el.getAttribute("name") ?? "")) return `${m[1].toLowerCase()}${m[2]}`;
  const id = /mso-(?:footnote|endnote)-id\s*:\s*(\w+)/i.exec(el.getAttribute("style") ?? "")?.[1];
  if (id && /^#_?(ftn|edn)ref/i.test(href) === false && !/^_?(ftn|edn)\d+$/i.test(el.getAttribute("name") ?? "")) return id.toLowerCase();
  return null;
}

/** The note lists at the end of Word's HTML: mso-element:footnote / endnote, id ftn1 / edn1. */
function collectNotes(doc: Document, invisibles: InvisibleCleaner): Map<string, string> {
  const notes = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll("div, section"))) {
    const style = STYLE(el);
    const id = (el.getAttribute("id") ?? "").toLowerCase();
    if (!/mso-element\s*:\s*(footnote|endnote)(?!-)/.test(style) && !/^(ftn|edn)\d+$/.test(id)) continue;
    // The note's own back-reference ([1]) is not part of its text.
    const copy = el.cloneNode(true) as Element;
    for (const a of Array.from(copy.querySelectorAll("a"))) if (/^#_?(ftn|edn)ref\d+$/i.test(a.getAttribute("href") ?? "") || /^_?(ftn|edn)\d+$/i.test(a.getAttribute("name") ?? "")) a.remove();
    const text = invisibles.clean((copy.textContent ?? "").replace(CONTROL, "").replace(/[\s\u00a0]+/g, " ")).replace(/^[\s\u3000]+|[\s\u3000]+$/g, "").replace(/^\[\d+\]\s*/, "");
    if (id && text) notes.set(id, text);
  }
  return notes;
}

function isNoteList(el: Element): boolean {
  const style = STYLE(el);
  const id = (el.getAttribute("id") ?? "").toLowerCase();
  return /mso-element\s*:\s*(footnote|endnote)/.test(style) || /^(ftn|edn)\d+$/.test(id) || / (footnotes|endnotes) /.test(CLASS(el));
}

/**
 * Clipboard HTML (Word, WPS, a web page) → <p> paragraphs with <strong>/<em>, and a report of what
 * was dropped or changed. List markers are kept as shown, bullets dropped, tracked changes accepted,
 * comments dropped, footnotes and endnotes kept as 「注：」 paragraphs. `parser` defaults to the
 * browser's DOMParser; under Node pass linkedom's.
 */
export function cleanPastedHtml(html: string, parser?: HtmlParser): { html: string; report: PasteReport } {
  // A bare fragment (a web page's clipboard) gets a body, so every DOM library reads it the same.
  const whole = /<body[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  const doc = (parser ?? new DOMParser()).parseFromString(whole, "text/html");
  const report: PasteReport = { paragraphs: 0, images: 0, tables: 0, links: 0, formatting: false, trackedChanges: 0, comments: 0, notes: 0, webLines: [], raised: [], notices: [] };
  // Word and WPS put Office markup on the clipboard; a web page does not. Only a web page's
  // breadcrumb, info line and sharing buttons are dropped (lib/bulletin/web-noise.ts).
  const fromOffice = /urn:schemas-microsoft-com:office|mso-|ProgId|Kingsoft|\bwps\b/i.test(html);
  const paragraphs: Char[][] = [];
  let cur: Char[] = [];
  const invisibles = new InvisibleCleaner();
  const notes = collectNotes(doc, invisibles);
  let pendingNotes: string[] = [];
  const usedNotes = new Set<string>();

  const breakParagraph = () => {
    if (cur.length) paragraphs.push(cur);
    cur = [];
    if (pendingNotes.length) {
      const many = pendingNotes.length > 1;
      pendingNotes.forEach((text, n) => paragraphs.push([...`注${many ? n + 1 : ""}：${text}`].map((c) => ({ c, bold: false, italic: false }))));
      pendingNotes = [];
    }
  };
  const pushText = (raw: string, bold: boolean, italic: boolean) => {
    // HTML collapses white space; a line break inside Word's HTML between two Chinese characters is
    // just where Word wrapped the source, not a space.
    // A no-break space is kept apart (\u0002) until it is known whether it lands between two
    // visible characters: there it is reported (tidy), as indentation or HTML spacing it is not.
    const text = invisibles
      .clean(raw.replace(CONTROL, "").replace(/\u00a0/g, "\u0002"))
      .replace(/[\t\n\r\f \u0002]*[\n\r][\t\n\r\f \u0002]*/g, "\u0001")
      // As a browser shows it: ordinary white space collapses, each no-break space stays a space.
      .replace(/[\t\f ]+/g, " ");
    for (const c of text) cur.push(c === "\u0002" ? { c: " ", bold, italic, nb: true } : { c, bold, italic });
  };

  // Word draws a list's number between <![if !supportLists]> and <![endif]> (comments in the DOM),
  // padded with no-break spaces for its tab: only the marker is kept, as for mso-list:Ignore.
  let markerNodes: Node[] | null = null;
  const flushMarker = (bold: boolean, italic: boolean) => {
    if (!markerNodes) return;
    const marker = markerNodes.map((n) => (n.nodeType === 1 ? listMarkerText(n as Element) : (n.nodeValue ?? "").replace(/[\s\u00a0\u3000]+/g, ""))).join("");
    markerNodes = null;
    if (marker && !BULLET_CHARS.test(marker)) pushText(marker, bold, italic);
  };
  // Web pages' footnote targets (<li id="fn1">) already read into a 「注：」 paragraph.
  const usedTargets = new Set<Element>();

  const walk = (node: Node, bold: boolean, italic: boolean, inCell: boolean) => {
    if (node.nodeType === 8) {
      const data = (node.nodeValue ?? "").trim();
      if (/^\[if !supportLists\]$/i.test(data)) markerNodes = [];
      else if (/^\[endif\]$/i.test(data)) flushMarker(bold, italic);
      return;
    }
    if (markerNodes) {
      markerNodes.push(node);
      return;
    }
    if (node.nodeType === 3) {
      pushText(node.nodeValue ?? "", bold, italic);
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (usedTargets.has(el)) return;
    if (IMAGE.has(tag)) {
      report.images++;
      return;
    }
    if (SKIP.has(tag) || hidden(el)) return;
    if (isComment(el)) {
      // One comment: its anchor in the text (the list at the end holds the same comments again).
      if ((tag === "a" && /^#_msocom_/i.test(el.getAttribute("href") ?? "")) || el.hasAttribute("data-comment-id")) report.comments++;
      else if (/ msocommentreference /.test(CLASS(el))) report.comments += el.querySelector("a[href^='#_msocom_']") ? 1 : 0;
      return;
    }
    if (isNoteList(el)) return;
    const ref = noteReference(el);
    if (ref) {
      const text = notes.get(ref) ?? notes.get(ref.replace(/^_/, ""));
      if (text && !usedNotes.has(ref)) {
        usedNotes.add(ref);
        pendingNotes.push(text);
        report.notes++;
      }
      return;
    }
    const webRef = webNoteReference(el, doc);
    if (webRef) {
      const text = noteText(webRef, invisibles);
      if (text) {
        usedTargets.add(webRef);
        pendingNotes.push(text);
        report.notes++;
        return;
      }
    }
    const raised = raisedKind(el);
    if (raised && !el.querySelector("a[href^='#_ftn'], a[href^='#_edn'], a[style*='mso-footnote'], a[style*='mso-endnote']")) {
      const text = invisibles.clean((el.textContent ?? "").replace(CONTROL, "").replace(/[\s\u00a0]+/g, ""));
      if (text) {
        const before = cur.slice(-6).map((c) => c.c).join("").replace(/^.*\u0001/, "");
        const unit = raised === "上标" && /^[23]$/.test(text) ? /(?:^|[^A-Za-z])([kcdm]?m)$/.exec(before)?.[1] : undefined;
        const written = unit ? (text === "2" ? "²" : "³") : text;
        report.raised.push(unit ? `「${unit}${text}」已写作「${unit}${written}」` : `「${before}[${raised}${text}]」`);
        pushText(written, bold, italic);
        report.formatting = true;
        return;
      }
    }
    if (isDeletion(el)) {
      if ((el.textContent ?? "").trim()) report.trackedChanges++;
      return;
    }
    if (isInsertion(el) && !(el.parentElement && isInsertion(el.parentElement)) && (el.textContent ?? "").trim()) report.trackedChanges++;
    if (isListMarker(el)) {
      const marker = listMarkerText(el);
      if (marker) pushText(marker, bold, italic);
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
    // An ordered list's numbers are drawn by the browser, not in the text: written in as shown.
    const number = tag === "li" ? orderedMarker(el) : null;
    if (number) pushText(number, b, i);
    for (const child of Array.from(el.childNodes)) walk(child, b, i, inCell);
    flushMarker(b, i);
    if (block && !inCell) breakParagraph();
  };

  walk(doc.body, false, false, false);
  breakParagraph();
  // Notes the text never cites are kept too, after everything else.
  for (const [id, text] of notes) {
    if (usedNotes.has(id)) continue;
    paragraphs.push([...`注：${text}`].map((c) => ({ c, bold: false, italic: false })));
    report.notes++;
  }

  const out: string[] = [];
  let noBreak = 0;
  let closedUp = 0;
  for (const p of paragraphs) {
    const tidied = tidy(p);
    const chars = dropMarkerPadding(tidied);
    if (chars.length < tidied.length) closedUp++;
    if (!chars.length) continue;
    const line = chars.map((c) => c.c).join("").trim();
    if (!fromOffice && isWebPageLine(line)) {
      report.webLines.push(line);
      continue;
    }
    noBreak += chars.filter((c) => c.nb).length;
    // The editor's HTML parser collapses a run of spaces into one; a space after a space goes out as
    // U+00A0, which it keeps, and the editor makes it an ordinary space again (nbspToSpace).
    out.push(`<p>${runsToHtml(chars.map((c, j) => (c.c === " " && chars[j - 1]?.c === " " ? { ...c, c: "\u00a0" } : c)))}</p>`);
  }
  report.paragraphs = out.length;
  if (report.trackedChanges) report.notices.push(`修订：已按“接受全部修订”处理 ${report.trackedChanges} 处（删去的文字未保留）`);
  if (report.comments) report.notices.push(`已略去：${report.comments} 条批注（批注标记和批注内容）`);
  if (report.notes) report.notices.push(`${report.notes} 个脚注/尾注已保留为所在段落后的“注：”段落，请核对`);
  if (closedUp) report.notices.push(`${closedUp} 处编号后的空格已去掉，编号后直接接正文（如「1.第一项」），请核对`);
  if (report.raised.length) report.notices.push(`${report.raised.length} 处上标/下标已改为普通文字，请核对：${report.raised.join("")}`);
  if (report.webLines.length)
    report.notices.push(`已略去网页上的 ${report.webLines.length} 行（不是正文）：${report.webLines.map((l) => `「${l.length > 40 ? `${l.slice(0, 40)}…` : l}」`).join("")}，如需保留请手动补上`);
  // Each no-break space inside the text that became an ordinary space is said, as the plain-text paste says it.
  if (noBreak) invisibles.replaced.set("U+00A0", (invisibles.replaced.get("U+00A0") ?? 0) + noBreak);
  report.notices.push(...invisibles.notices());
  return { html: out.join(""), report };
}

/** Superscript or subscript: <sup>/<sub>, or a span raised or lowered by vertical-align. */
function raisedKind(el: Element): "上标" | "下标" | null {
  const tag = el.tagName.toLowerCase();
  const align = /vertical-align\s*:\s*(super|sub)/i.exec(el.getAttribute("style") ?? "")?.[1]?.toLowerCase();
  if (tag === "sup" || align === "super") return "上标";
  if (tag === "sub" || align === "sub") return "下标";
  return null;
}

/**
 * A web page's footnote reference — <sup><a href="#fn1">1</a></sup>, <a href="#cite_note-2"><sup>[2]</sup></a> —
 * whose target is on the clipboard too: the target element, or null.
 */
function webNoteReference(el: Element, doc: Document): Element | null {
  const tag = el.tagName.toLowerCase();
  let a: Element | null = null;
  if (tag === "a") a = el;
  else if (raisedKind(el)) {
    const links = Array.from(el.querySelectorAll("a"));
    if (links.length === 1 && (links[0].textContent ?? "").trim() === (el.textContent ?? "").trim()) a = links[0];
  }
  const href = a?.getAttribute("href") ?? "";
  if (!a || !/^#./.test(href) || /^#_?(ftn|edn)/i.test(href) || /^#_msocom_/i.test(href)) return null;
  if (!/^\[?\d{1,3}\]?$|^[*†‡]$/.test((a.textContent ?? "").trim())) return null;
  let id = href.slice(1);
  try {
    id = decodeURIComponent(id);
  } catch {
    // kept as written
  }
  const target = Array.from(doc.querySelectorAll("[id], a[name]")).find((t) => t.getAttribute("id") === id || t.getAttribute("name") === id) ?? null;
  if (!target || target.contains(el)) return null;
  // <a name="fn1"></a> before the note's text: the note is the paragraph around it.
  return (target.textContent ?? "").trim() ? target : target.closest("p, li, div") ?? null;
}

/** A web footnote's text without its back-links (↩, ^, [1]). */
function noteText(target: Element, invisibles: InvisibleCleaner): string {
  const copy = target.cloneNode(true) as Element;
  for (const a of Array.from(copy.querySelectorAll("a"))) if (/^#/.test(a.getAttribute("href") ?? "") && /^[\s↩↑^⤴\d\[\]a-z]*$/i.test(a.textContent ?? "")) a.remove();
  return invisibles
    .clean((copy.textContent ?? "").replace(CONTROL, "").replace(/[\s\u00a0]+/g, " "))
    .replace(/^[\s\u3000]+|[\s\u3000]+$/g, "")
    .replace(/^(?:\[\d+\]|\d+[.．、]|[*†‡])\s*/, "")
    .replace(/[\s↩↑^]+$/, "");
}

// A list number written at the start of a paragraph: 1. 1、 （1） (1) 1) ① 一、 （一） 1.1 a) Ⅰ. 第一条
const LEADING_MARKER = /^(?:\d{1,3}(?:[.．]\d{1,3})+[.．、]?|[（(]\d{1,3}[）)]|\d{1,3}[.．、)）]|[①-⑳]|[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]|[a-zA-Z][).、．]|[ⅰ-ⅻⅠ-Ⅻ][.．、]?|第[一二三四五六七八九十百]+[条章节款])/u;

/**
 * The spaces after a list number at the start of a paragraph (Word's and WPS's tab after
 * 「1.」, written as no-break spaces) go: a Chinese bulletin prints 「1.第一项」「一、总体要求」
 * with the text right after the marker. Only before Chinese text — 「1. Introduction」 keeps its space.
 */
function dropMarkerPadding(chars: Char[]): Char[] {
  const head = chars.slice(0, 12).map((c) => c.c).join("");
  const m = LEADING_MARKER.exec(head);
  if (!m) return chars;
  const k = [...m[0]].length;
  let n = k;
  while (n < chars.length && chars[n].c === " ") n++;
  if (n === k || n >= chars.length || !HAN_OR_FULLWIDTH.test(chars[n].c)) return chars;
  return [...chars.slice(0, k), ...chars.slice(n)];
}

const NO_MARKER = /list-style(?:-type)?\s*:\s*none/i;
const TEXT_MARKER = /^\s*(?:[（(]?\d{1,3}[）).、．]|[①-⑳]|[一二三四五六七八九十]{1,3}[、.．]|[a-zA-Z][).、．]|[ⅰ-ⅻⅠ-Ⅻ])/u;

/**
 * The number a browser draws before an <li> of an <ol> (1. a. A. i. I., from the list's type and
 * start and the item's value), or null: a bulleted list, a list drawn without markers
 * (list-style: none), or an item whose text already starts with its number.
 */
function orderedMarker(li: Element): string | null {
  const ol = li.parentElement;
  if (!ol || ol.tagName.toLowerCase() !== "ol") return null;
  if (NO_MARKER.test(ol.getAttribute("style") ?? "") || NO_MARKER.test(li.getAttribute("style") ?? "")) return null;
  if (TEXT_MARKER.test(li.textContent ?? "")) return null;
  const items = Array.from(ol.children).filter((c) => c.tagName.toLowerCase() === "li");
  let n = Number(ol.getAttribute("start") ?? 1) || 1;
  for (const item of items) {
    const value = Number(item.getAttribute("value"));
    if (Number.isInteger(value) && item.hasAttribute("value")) n = value;
    if (item === li) break;
    n++;
  }
  const type = li.getAttribute("type") ?? ol.getAttribute("type") ?? "1";
  const letter = (k: number) => String.fromCharCode(97 + ((k - 1) % 26));
  const text = type === "a" ? letter(n) : type === "A" ? letter(n).toUpperCase() : type === "i" ? romanNumeral(n).toLowerCase() : type === "I" ? romanNumeral(n) : String(n);
  return `${text}.`;
}

/**
 * The cleaned HTML writes the second and later spaces of a run as U+00A0 so that an HTML parser
 * that collapses white space keeps them; this turns them back into ordinary spaces once parsed.
 */
export const nbspToSpace = (text: string) => text.replace(/\u00a0/g, " ");

function trimEnd(chars: Char[]) {
  while (chars.length && /[\s\u0001\u3000]/.test(chars[chars.length - 1].c) && chars[chars.length - 1].c !== CELL_SEPARATOR) chars.pop();
}

/** Resolves the wrapped-line marks, collapses spaces, and drops the indentation of Chinese text. */
function tidy(chars: Char[]): Char[] {
  const out: Char[] = [];
  for (let k = 0; k < chars.length; k++) {
    const ch = chars[k];
    if (ch.c === "\u0001" || ch.c === " ") {
      const k0 = k;
      const prev = out[out.length - 1]?.c;
      let n = k + 1;
      while (n < chars.length && (chars[n].c === "\u0001" || chars[n].c === " ")) n++;
      const next = chars[n]?.c;
      k = n - 1;
      if (!prev || !next) continue;
      const run = chars.slice(k0, n);
      const nbs = run.filter((c) => c.nb).length;
      if (!nbs && ch.c === "\u0001" && (HAN_OR_FULLWIDTH.test(prev) || HAN_OR_FULLWIDTH.test(next))) continue;
      // Each no-break space is a space the reader saw; the ordinary ones between them collapse.
      if (!nbs) out.push({ ...ch, c: " " });
      else {
        run.forEach((c, j) => {
          if (c.nb) out.push({ ...c, c: " ", nb: true });
          else if (j === 0 || run[j - 1].nb) out.push({ ...c, c: " " });
        });
      }
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
  return cleanPastedTextReport(text).text;
}

/**
 * cleanPastedText, with what it removed or replaced (invisible characters, odd spaces) in
 * Chinese for the paste notice — empty when only indentation and blank lines went.
 */
export function cleanPastedTextReport(text: string): { text: string; notices: string[] } {
  const invisibles = new InvisibleCleaner();
  // Indentation made of odd spaces goes with the indentation; only what stays is reported.
  const lines = text
    .replace(CONTROL, "")
    .split(/\r\n?|\n/)
    .map((l) => invisibles.clean(l.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, "")));
  return { text: tidyLines(lines.join("\n")), notices: invisibles.notices() };
}

function tidyLines(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((l) => l.replace(/\t+/g, " ").replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, ""))
    .filter((l) => l.length > 0)
    .join("\n");
}

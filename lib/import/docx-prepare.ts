import { DOMParser, XMLSerializer } from "@xmldom/xmldom";
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from "fflate";
import { writeNumberingMarkers } from "./docx-numbering";

/**
 * Rewrites a .docx's WordprocessingML before mammoth reads it, so nothing the unit typed is lost
 * without a word. mammoth 1.13 drops a simple field (w:fldSimple — a date, a page number) with its
 * result, drops a ruby (拼音指南) with its base text, reads a text box only from mc:Fallback, keeps
 * soft hyphens, and drops a w:sym in a font it does not know. Here: field results and ruby bases are
 * unwrapped in place, the pinyin is dropped, each text box's paragraphs are moved after the
 * paragraph that anchors it, soft hyphens are removed, and w:sym characters in ordinary fonts
 * become the Unicode character they name. Word's automatic numbering markers (一、 1. （一）), which
 * are not in the text, are written into it (lib/import/docx-numbering.ts), and hidden text
 * (w:vanish, neither shown nor printed by Word) is removed. Counts of each go back for the import preview.
 */
export interface PrepareCounts {
  fields: number;
  rubies: number;
  textBoxes: number;
  softHyphens: number;
  symbols: number;
  deletions: number;
  comments: number;
  /** Paragraphs whose automatic numbering marker was written into the text. */
  numberMarkers: number;
  /** Bullets of automatic lists, dropped. */
  bullets: number;
  /** Runs of hidden text (w:vanish), removed. */
  hidden: number;
}

export interface PreparedDocx {
  bytes: Uint8Array;
  /** The main document part, found through _rels/.rels (word/document.xml in most files). */
  main: string;
  counts: PrepareCounts;
}

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const OFFICE_DOCUMENT = /\/officeDocument$/;
// Fonts whose code points are pictures, left to mammoth's dingbat table.
const DINGBAT_FONT = /^(symbol|wingdings( 2| 3)?|webdings|zapf ?dingbats)$/i;

/** The main part's path from the package relationships, or null when the package names none that exists. */
export function mainPartOf(files: Unzipped | Record<string, Uint8Array>): string | null {
  const rels = files["_rels/.rels"];
  if (rels) {
    const doc = new DOMParser().parseFromString(strFromU8(rels), "text/xml");
    for (const rel of Array.from(doc.getElementsByTagName("Relationship"))) {
      if (!OFFICE_DOCUMENT.test(rel.getAttribute("Type") ?? "")) continue;
      const target = (rel.getAttribute("Target") ?? "").replace(/^\//, "");
      if (files[target]) return target;
    }
  }
  return files["word/document.xml"] ? "word/document.xml" : null;
}

/** Reads only the package relationships of a zip (and its list of names) and says where its main part is. */
export function findMainPart(bytes: Uint8Array): string | null {
  try {
    const names: Record<string, Uint8Array> = {};
    const rels = unzipSync(bytes, {
      filter: (f) => {
        names[f.name] = new Uint8Array(0);
        return f.name === "_rels/.rels";
      },
    });
    return mainPartOf({ ...names, ...rels });
  } catch {
    return null;
  }
}

const emptyCounts = (): PrepareCounts => ({ fields: 0, rubies: 0, textBoxes: 0, softHyphens: 0, symbols: 0, deletions: 0, comments: 0, numberMarkers: 0, bullets: 0, hidden: 0 });

/** Unzips, rewrites the main part, footnotes and endnotes, and zips again. Throws on a broken zip. */
export function prepareDocx(bytes: Uint8Array): PreparedDocx {
  const files = unzipSync(bytes);
  const main = mainPartOf(files);
  if (!main) throw new Error("no main part");
  const counts = emptyCounts();
  const dir = main.replace(/[^/]*$/, "");
  const related = relatedParts(files, main);
  const numbering = related.numbering ? strFromU8(files[related.numbering]) : null;
  const styles = related.styles ? strFromU8(files[related.styles]) : null;
  for (const name of Object.keys(files)) {
    const isBody = name === main || (name.startsWith(dir) && /^(footnotes|endnotes)\d*\.xml$/.test(name.slice(dir.length)));
    if (!isBody) continue;
    files[name] = strToU8(rewritePart(strFromU8(files[name]), counts, name === main ? { numbering, styles } : null));
  }
  const comments = Object.keys(files).find((n) => n.startsWith(dir) && /^comments\d*\.xml$/.test(n.slice(dir.length)));
  if (comments) counts.comments = (strFromU8(files[comments]).match(/<w:comment\b/g) ?? []).length;
  return { bytes: zipSync(files, { level: 1 }), main, counts };
}

function children(el: Element): Element[] {
  return Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1);
}
function byName(root: Element | Document, name: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(W, name));
}
function unwrap(el: Element) {
  const parent = el.parentNode;
  if (!parent) return;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  parent.removeChild(el);
}
function closest(el: Node, test: (e: Element) => boolean): Element | null {
  for (let n: Node | null = el.parentNode; n; n = n.parentNode) if (n.nodeType === 1 && test(n as Element)) return n as Element;
  return null;
}

/** The numbering and styles parts of the main part, through its relationships (or their usual names). */
function relatedParts(files: Unzipped, main: string): { numbering: string | null; styles: string | null } {
  const dir = main.replace(/[^/]*$/, "");
  const out: { numbering: string | null; styles: string | null } = { numbering: null, styles: null };
  const rels = files[`${dir}_rels/${main.slice(dir.length)}.rels`];
  if (rels) {
    const doc = new DOMParser().parseFromString(strFromU8(rels), "text/xml");
    for (const rel of Array.from(doc.getElementsByTagName("Relationship"))) {
      const type = /\/(numbering|styles)$/.exec(rel.getAttribute("Type") ?? "")?.[1] as "numbering" | "styles" | undefined;
      const target = rel.getAttribute("Target") ?? "";
      const path = target.startsWith("/") ? target.slice(1) : dir + target;
      if (type && files[path]) out[type] = path;
    }
  }
  out.numbering ??= files[`${dir}numbering.xml`] ? `${dir}numbering.xml` : null;
  out.styles ??= files[`${dir}styles.xml`] ? `${dir}styles.xml` : null;
  return out;
}

const isOn = (el: Element | null) => !!el && !/^(0|false|off)$/i.test(el.getAttributeNS(W, "val") ?? el.getAttribute("w:val") ?? "");

function rewritePart(xml: string, counts: PrepareCounts, mainParts: { numbering: string | null; styles: string | null } | null): string {
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const root = doc.documentElement;
  if (!root) return xml;

  // Hidden text (w:vanish on a run): Word neither shows nor prints it.
  for (const r of byName(doc, "r")) {
    const rPr = children(r).find((c) => c.localName === "rPr");
    const vanish = rPr ? children(rPr).find((c) => c.localName === "vanish") ?? null : null;
    if (!isOn(vanish)) continue;
    if ((r.textContent ?? "").trim()) counts.hidden++;
    r.parentNode?.removeChild(r);
  }
  if (mainParts) {
    const n = writeNumberingMarkers(doc, mainParts.numbering, mainParts.styles);
    counts.numberMarkers += n.markers;
    counts.bullets += n.bullets;
  }

  // Simple fields: the result runs stay where the field was.
  for (const f of byName(doc, "fldSimple")) {
    if ((f.textContent ?? "").trim()) counts.fields++;
    unwrap(f);
  }
  // Complex fields are read by mammoth; count those with a result, for the report.
  counts.fields += byName(doc, "fldChar").filter((f) => f.getAttributeNS(W, "fldCharType") === "separate").length;

  // Ruby: the base text stays, the pinyin (w:rt) goes. The base's runs sit inside the ruby's own
  // run; they are lifted out, in order, to follow that run.
  for (const ruby of byName(doc, "ruby")) {
    const base = children(ruby).find((c) => c.localName === "rubyBase");
    counts.rubies++;
    const parent = ruby.parentNode as Element | null;
    if (!parent) continue;
    const outer = parent.localName === "r" && parent.parentNode ? parent : null;
    const ref = outer ? outer.nextSibling : ruby;
    const into = outer ? (outer.parentNode as Node) : parent;
    for (const c of base ? children(base) : []) into.insertBefore(c, ref);
    parent.removeChild(ruby);
  }

  // Soft hyphens: a hint for line breaking in Latin words, never printed in Chinese.
  for (const h of byName(doc, "softHyphen")) {
    h.parentNode?.removeChild(h);
    counts.softHyphens++;
  }
  for (const t of byName(doc, "t")) {
    const v = t.textContent ?? "";
    if (v.includes("\u00ad")) {
      counts.softHyphens += v.split("\u00ad").length - 1;
      t.textContent = v.replace(/\u00ad/g, "");
    }
  }

  // w:sym in an ordinary font names a Unicode character by its code point.
  for (const s of byName(doc, "sym")) {
    const font = s.getAttributeNS(W, "font") ?? s.getAttribute("w:font") ?? "";
    const code = parseInt(s.getAttributeNS(W, "char") ?? s.getAttribute("w:char") ?? "", 16);
    if (DINGBAT_FONT.test(font.trim()) || !Number.isFinite(code)) continue;
    // F020–F0FF is a symbol font's own encoding, not Unicode: left to mammoth, which reports it.
    const cp = code;
    if (cp < 0x20 || (cp >= 0xe000 && cp <= 0xf8ff) || cp > 0x10ffff) continue;
    const t = doc.createElementNS(W, "w:t");
    t.textContent = String.fromCodePoint(cp);
    s.parentNode?.replaceChild(t, s);
    counts.symbols++;
  }

  counts.deletions += byName(doc, "del").filter((d) => (d.textContent ?? "").trim()).length;
  moveTextBoxes(doc, counts);
  return new XMLSerializer().serializeToString(doc);
}

/**
 * Text boxes (w:txbxContent, in a DrawingML shape under mc:Choice or a VML shape under mc:Fallback)
 * live inside a run. Their paragraphs are moved after the body paragraph that anchors them, and the
 * shape is removed, so mammoth reads the text once whatever the Fallback holds.
 */
function moveTextBoxes(doc: Document, counts: PrepareCounts) {
  const boxes = byName(doc, "txbxContent");
  const done = new Set<Element>();
  for (const box of boxes) {
    // The outermost container of this shape inside its run: mc:AlternateContent, w:drawing or w:pict.
    let container: Element | null = null;
    for (let n: Node | null = box.parentNode; n && n.nodeType === 1; n = n.parentNode) {
      const e = n as Element;
      if (e.localName === "p" && e.namespaceURI === W) break;
      if (e.localName === "AlternateContent" || e.localName === "drawing" || e.localName === "pict") container = e;
    }
    if (!container || done.has(container)) continue;
    done.add(container);
    const anchor = closest(container, (e) => e.localName === "p" && e.namespaceURI === W && !closest(e, (x) => x.localName === "txbxContent"));
    if (!anchor?.parentNode) continue;
    counts.textBoxes++;
    let at: Node = anchor;
    for (const p of children(box)) {
      anchor.parentNode.insertBefore(p, at.nextSibling);
      at = p;
    }
    container.parentNode?.removeChild(container);
  }
}

import { DOMParser } from "linkedom";
import { cleanPastedHtml, cleanPastedTextReport, nbspToSpace, type HtmlParser } from "@/lib/editor/paste";
import { docToParagraphs, type Run } from "@/lib/editor/schema";
import { DocxImportError, importDocx, movedAttributionNotice, movedLinesNotice, shapeItem, type Para } from "./docx";
import { readTextFile } from "./read-text";

/**
 * One item read from a file outside the browser (the `bulletin read-item` command, batch checks,
 * tests), with the same code the form runs: a .docx (and .doc/.wps with LibreOffice) through the
 * import, clipboard HTML (as Word, WPS or a browser put it) through the paste cleaner under
 * linkedom, plain text through the one text reader and the plain-text paste cleaner. Node only.
 */
export interface ItemRead {
  title: string | null;
  paragraphs: string[];
  source: string | null;
  /** Chinese, one line each: what was changed, moved or left out. */
  notices: string[];
}

const parser = new DOMParser() as unknown as HtmlParser;

/** Windows' clipboard format ("Version:0.9 StartHTML:…") keeps the HTML after a header. */
function stripClipboardHeader(text: string): string {
  if (!/^Version:\d/.test(text)) return text;
  const start = /StartHTML:(\d+)/.exec(text)?.[1];
  const at = text.indexOf("<");
  return start && Number(start) > 0 && Number(start) < text.length && text[Number(start)] === "<" ? text.slice(Number(start)) : text.slice(Math.max(0, at));
}

const plain = (runs: Run[]): Para => ({ runs, styleName: "", centred: false, allBold: runs.length > 0 && runs.every((r) => r.bold), large: false });
const report = () => ({ paragraphs: 0, chars: 0, images: 0, tables: 0, lists: 0, notes: 0 });

/** The runs of each <p> of the cleaner's output. */
function htmlParagraphs(html: string): Run[][] {
  const doc = parser.parseFromString(`<!DOCTYPE html><html><body>${html}</body></html>`, "text/html");
  return Array.from(doc.querySelectorAll("p")).map((p) => {
    const runs: Run[] = [];
    const walk = (n: Node, bold: boolean, italic: boolean) => {
      if (n.nodeType === 3) {
        if (n.nodeValue) runs.push({ text: nbspToSpace(n.nodeValue), ...(bold ? { bold } : {}), ...(italic ? { italic } : {}) });
        return;
      }
      const tag = (n as Element).tagName?.toLowerCase();
      for (const c of Array.from(n.childNodes)) walk(c, bold || tag === "strong", italic || tag === "em");
    };
    walk(p, false, false);
    return runs;
  });
}

/** read-item prints no contact fields: what went there is said. */
const contactNotice = (name: string | null, phone: string | null) => `正文末尾的联系人信息已移到联系人栏：${[name, phone].filter(Boolean).join(" ")}`;

function finish(paras: Para[], notices: string[]): ItemRead {
  try {
    const shaped = shapeItem(paras, report());
    const out = docToParagraphs(shaped.body).map((p) => p.map((r) => r.text).join(""));
    const moved = [
      ...(shaped.trailing.length ? [movedLinesNotice(shaped.trailing)] : []),
      ...(shaped.contactName || shaped.contactPhone ? [contactNotice(shaped.contactName, shaped.contactPhone)] : []),
      ...(shaped.source ? [movedAttributionNotice(shaped.source)] : []),
    ];
    return { title: shaped.title, paragraphs: out, source: shaped.source, notices: [...notices, ...moved] };
  } catch (e) {
    if (e instanceof DocxImportError && e.code === "empty") return { title: null, paragraphs: [], source: null, notices: [...notices, "文件里没有可导入的文字"] };
    throw e;
  }
}

/** Reads one item from a file by its extension: .docx/.doc/.wps, .html/.htm, .txt. Throws on anything else. */
export async function readItemFile(name: string, bytes: Uint8Array): Promise<ItemRead> {
  const ext = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? "";
  if (ext === "docx" || ext === "doc" || ext === "wps") {
    const r = await importDocx(name, bytes);
    const paragraphs = docToParagraphs(r.body).map((p) => p.map((run) => run.text).join(""));
    const contact = r.contactName || r.contactPhone ? [contactNotice(r.contactName, r.contactPhone)] : [];
    return { title: r.title, paragraphs, source: r.source, notices: [...r.notices, ...contact] };
  }
  if (ext === "html" || ext === "htm") {
    const read: string[] = [];
    const { html, report: pasted } = cleanPastedHtml(stripClipboardHeader(readTextFile(bytes, read)), parser);
    const notices = [...read, ...pasted.notices];
    if (pasted.images) notices.push(`已略去：${pasted.images} 张图片`);
    if (pasted.tables) notices.push(`${pasted.tables} 个表格已按行转为段落`);
    return finish(htmlParagraphs(html).map(plain), notices);
  }
  if (ext === "txt" || ext === "text") {
    const read: string[] = [];
    const cleaned = cleanPastedTextReport(readTextFile(bytes, read));
    const lines = cleaned.text.split("\n").filter(Boolean);
    return finish(lines.map((l) => plain([{ text: l }])), [...read, ...cleaned.notices]);
  }
  throw new Error(`${name}：只支持 .docx、.doc、.wps、.html 和 .txt`);
}

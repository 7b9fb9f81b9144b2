import mammoth from "mammoth";
import { assertDocxWithinLimits, ZIP_LIMITS, ZipGuardError } from "./zip-guard";
import { MAX_BODY_CHARS, MAX_PARAGRAPHS, paragraphsToDoc, type Paragraph, type RichDoc, type Run } from "@/lib/editor/schema";

/**
 * Reads a unit's Word file (.docx) into what the submission form holds: a title, the body as
 * paragraphs with bold and italic, and — when the file ends with them — the attribution and the
 * contact line. Runs on the server only. Everything the bulletin cannot print (images, fonts,
 * colours, tables as tables) is dropped, and counted so the preview can say so.
 */
// The same limits as 导入往期 (lib/import/zip-guard.ts), checked before unpacking.
export const DOCX_MAX_BYTES = ZIP_LIMITS.maxFileBytes;

export type DocxErrorCode = "not_docx" | "legacy_doc" | "too_large" | "corrupt" | "not_word" | "empty" | "too_long";

export class DocxImportError extends Error {
  constructor(readonly code: DocxErrorCode) {
    super(code);
  }
}

export interface DocxImport {
  title: string | null;
  body: RichDoc;
  source: string | null;
  contactName: string | null;
  contactPhone: string | null;
  report: { paragraphs: number; chars: number; images: number; tables: number; lists: number };
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Checks name and bytes before anything reads the file; throws a DocxImportError. */
export function assertDocxFile(name: string, bytes: Uint8Array): void {
  if (bytes.length > DOCX_MAX_BYTES) throw new DocxImportError("too_large");
  const ext = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? "";
  const ole = OLE_MAGIC.every((b, i) => bytes[i] === b);
  if (ext === "doc" || ext === "wps" || ext === "rtf" || (ole && ext !== "docx")) throw new DocxImportError("legacy_doc");
  if (ext !== "docx") throw new DocxImportError("not_docx");
  if (ole) throw new DocxImportError("legacy_doc"); // an old .doc renamed to .docx
  try {
    assertDocxWithinLimits(bytes);
  } catch (e) {
    if (e instanceof ZipGuardError) throw new DocxImportError(e.code);
    throw e;
  }
}

// The parts of mammoth's document tree read here (mammoth 1.13, lib/documents.js).
interface DocNode {
  type: string;
  children?: DocNode[];
  value?: string;
  styleName?: string | null;
  alignment?: string | null;
  numbering?: unknown;
  isBold?: boolean;
  isItalic?: boolean;
  fontSize?: number | null;
}

interface Para {
  runs: Run[];
  styleName: string;
  centred: boolean;
  allBold: boolean;
  large: boolean;
}

const CELL_SEPARATOR = "　";
// Characters the stored text refuses (lib/editor/schema.ts); Word files do carry some.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export async function importDocx(name: string, bytes: Uint8Array): Promise<DocxImport> {
  assertDocxFile(name, bytes);
  let tree: DocNode | null = null;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        externalFileAccess: false,
        // Keep the tree, and hand mammoth an empty document: no HTML, no image is ever read.
        transformDocument: (doc: DocNode) => {
          tree = doc;
          return { ...doc, children: [] };
        },
      },
    );
  } catch {
    throw new DocxImportError("corrupt");
  }
  if (!tree) throw new DocxImportError("corrupt");
  const report = { paragraphs: 0, chars: 0, images: 0, tables: 0, lists: 0 };
  const paras = readBlocks((tree as DocNode).children ?? [], report);
  return shape(paras, report);
}

function readBlocks(nodes: DocNode[], report: DocxImport["report"]): Para[] {
  const out: Para[] = [];
  for (const node of nodes) {
    if (node.type === "paragraph") out.push(...readParagraph(node, report));
    else if (node.type === "table") {
      report.tables++;
      for (const row of node.children ?? []) {
        if (row.type !== "tableRow") continue;
        const runs: Run[] = [];
        for (const cell of row.children ?? []) {
          const cellRuns = readBlocks(cell.children ?? [], report).map((p) => p.runs);
          const text = cellRuns.flat().map((r) => r.text).join("").trim();
          if (!text) continue;
          if (runs.length) runs.push({ text: CELL_SEPARATOR });
          cellRuns.forEach((p, i) => {
            if (i > 0) runs.push({ text: " " });
            runs.push(...p);
          });
        }
        if (runs.length) out.push({ runs, styleName: "", centred: false, allBold: false, large: false });
      }
    } else if (node.children) out.push(...readBlocks(node.children, report));
  }
  return out;
}

/** One Word paragraph; a manual line break inside it starts a new one. */
function readParagraph(node: DocNode, report: DocxImport["report"]): Para[] {
  if (node.numbering) report.lists++;
  const lines: Run[][] = [[]];
  let runCount = 0;
  let boldCount = 0;
  let largeCount = 0;
  let largeRun = false;
  const visit = (n: DocNode, bold: boolean, italic: boolean) => {
    switch (n.type) {
      case "text":
        if (n.value?.replace(CONTROL, "")) {
          lines[lines.length - 1].push({ text: n.value.replace(CONTROL, ""), ...(bold ? { bold } : {}), ...(italic ? { italic } : {}) });
          runCount++;
          if (bold) boldCount++;
          if (largeRun) largeCount++;
        }
        break;
      case "tab":
        lines[lines.length - 1].push({ text: " " });
        break;
      case "break":
        lines.push([]);
        break;
      case "image":
        report.images++;
        break;
      case "run": {
        const prev = largeRun;
        largeRun = (n.fontSize ?? 0) >= 18;
        for (const c of n.children ?? []) visit(c, !!n.isBold, !!n.isItalic);
        largeRun = prev;
        break;
      }
      case "noteReference":
      case "commentReference":
      case "bookmarkStart":
      case "checkbox":
        break;
      default:
        for (const c of n.children ?? []) visit(c, bold, italic);
    }
  };
  for (const c of node.children ?? []) visit(c, false, false);
  const base = {
    styleName: node.styleName ?? "",
    centred: node.alignment === "center" || node.alignment === "both-center",
    allBold: runCount > 0 && boldCount === runCount,
    large: runCount > 0 && largeCount === runCount,
  };
  return lines.map((runs) => ({ runs: trimRuns(runs), ...base })).filter((p) => p.runs.length > 0);
}

function trimRuns(runs: Run[]): Run[] {
  const out = runs.map((r) => ({ ...r }));
  while (out.length && !out[0].text.replace(/^[\s\u3000\u00a0]+/, "")) out.shift();
  if (out.length) out[0].text = out[0].text.replace(/^[\s\u3000\u00a0]+/, "");
  while (out.length && !out[out.length - 1].text.replace(/[\s\u3000\u00a0]+$/, "")) out.pop();
  if (out.length) out[out.length - 1].text = out[out.length - 1].text.replace(/[\s\u3000\u00a0]+$/, "");
  return out.filter((r) => r.text.length > 0);
}

const text = (p: Para) => p.runs.map((r) => r.text).join("");
const TITLE_STYLE = /^(title|heading ?1|标题|标题 ?1|subject|主标题)$/i;
const CONTACT_LINE = /^(联系人|联系电话|电话|手机|报送单位|供稿单位|供稿|撰稿人?|审核人?|审稿人?|签发人?|通讯员|作者)\s*[：:]/;
const ORG = /(科协|学会|协会|研究会|促进会|联合会|委员会|中心|办公室|大学|学院|研究院|研究所|医院|公司|集团|馆|站|局|部|院|所|社区|街道|镇|乡|村)$/;

/** Picks the title, the trailing contact lines and attribution out of the paragraphs. */
function shape(paras: Para[], report: DocxImport["report"]): DocxImport {
  let title: string | null = null;
  let contactName: string | null = null;
  let contactPhone: string | null = null;
  let source: string | null = null;

  const first = paras[0];
  if (first) {
    const t = text(first);
    const looksLikeTitle =
      TITLE_STYLE.test(first.styleName) ||
      ((first.centred || first.allBold || first.large) && t.length <= 120) ||
      (paras.length > 1 && t.length <= 40 && !/[。！？；]$/.test(t));
    if (looksLikeTitle) {
      title = t.replace(/\s+/g, " ").trim();
      paras = paras.slice(1);
      // A title Word split over two centred lines is one title.
      const next = paras[0];
      if (next && first.centred && next.centred && text(next).length <= 40 && !/[。！？]$/.test(text(next))) {
        title += text(next).trim();
        paras = paras.slice(1);
      }
    }
  }

  // Contact and byline lines at the end: 联系人：刘明  电话：010-…
  while (paras.length && CONTACT_LINE.test(text(paras[paras.length - 1]))) {
    const line = text(paras.pop() as Para);
    const name = /联系人\s*[：:]\s*([\u4e00-\u9fa5·]{2,10})/.exec(line);
    const phone = /(?:电话|手机|联系电话)\s*[：:]\s*([0-9+\-() ]{5,30})/.exec(line);
    if (name) contactName ??= name[1];
    if (phone) contactPhone ??= phone[1].trim();
  }

  // The attribution, either alone on the last line or in brackets at the end of the last paragraph.
  const last = paras[paras.length - 1];
  if (last) {
    const t = text(last);
    const m = /[（(]([^（）()。，]{2,60})[）)]\s*$/.exec(t);
    if (m) {
      const names = m[1].split(/[、,，]/).map((s) => s.trim());
      if (names.every((n) => ORG.test(n))) {
        source = names.join("、");
        const keep = t.slice(0, m.index).trimEnd();
        if (keep) paras[paras.length - 1] = { ...last, runs: cut(last.runs, keep.length) };
        else paras = paras.slice(0, -1);
      }
    }
  }

  const body: Paragraph[] = paras.map((p) => p.runs);
  const chars = body.reduce((n, p) => n + p.reduce((m, r) => m + r.text.length, 0), 0);
  if (!chars && !title) throw new DocxImportError("empty");
  if (chars > MAX_BODY_CHARS || body.length > MAX_PARAGRAPHS) throw new DocxImportError("too_long");
  report.paragraphs = body.length;
  report.chars = chars;
  return { title, body: paragraphsToDoc(body), source, contactName, contactPhone, report };
}

/** The runs of a paragraph cut to its first n characters. */
function cut(runs: Run[], n: number): Run[] {
  const out: Run[] = [];
  let left = n;
  for (const r of runs) {
    if (left <= 0) break;
    out.push({ ...r, text: r.text.slice(0, left) });
    left -= r.text.length;
  }
  return out;
}

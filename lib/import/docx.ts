import { InvisibleCleaner } from "@/lib/text/invisible";
import mammoth from "mammoth";
import { assertDocxWithinLimits, ZIP_LIMITS, ZipGuardError } from "./zip-guard";
import { convertLegacyWord } from "./legacy-word";
import { trailingAttribution } from "@/lib/editor/attribution";
import { prepareDocx, type PrepareCounts } from "./docx-prepare";
import { cutRuns, MAX_BODY_CHARS, MAX_PARAGRAPHS, paragraphsToDoc, type Paragraph, type RichDoc, type Run } from "@/lib/editor/schema";
import { countParagraphs } from "@/lib/text/count";

/**
 * Reads a unit's Word file (.docx) into what the submission form holds: a title, the body as
 * paragraphs with bold and italic, and — when the file ends with them — the attribution and the
 * contact line. Runs on the server only. Everything the bulletin cannot print (images, fonts,
 * colours, tables as tables) is dropped, and counted so the preview can say so.
 */
// The same limits as 导入往期 (lib/import/zip-guard.ts), checked before unpacking.
export const DOCX_MAX_BYTES = ZIP_LIMITS.maxFileBytes;

export type DocxErrorCode = "not_docx" | "legacy_doc" | "legacy_failed" | "too_large" | "unpacked_too_large" | "corrupt" | "not_word" | "empty" | "too_long";

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
  report: { paragraphs: number; chars: number; images: number; tables: number; lists: number; notes: number };
  /**
   * What the import changed or left out, in Chinese, one line each, for the preview
   * (「已略去：2 条批注」, 「3 个脚注/尾注已保留为“注：”段落」 …). Empty when nothing is worth saying.
   */
  notices: string[];
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
    if (e instanceof ZipGuardError) throw new DocxImportError(e.unpacksTooLarge ? "unpacked_too_large" : e.code);
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
  noteType?: string;
  noteId?: string;
  body?: DocNode[];
}

interface Notes {
  resolve(ref: DocNode): { body?: DocNode[] } | null;
}

/** What reading the tree needs besides the tree: the notes to resolve references against, and counts. */
interface Reading {
  report: DocxImport["report"];
  notes: Notes | null;
  comments: number;
  checkboxes: number;
  unresolvedNotes: number;
}

/** A paragraph read from a file, with what the title guess needs to know about it. */
export interface Para {
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
  try {
    assertDocxFile(name, bytes);
  } catch (e) {
    if (!(e instanceof DocxImportError) || e.code !== "legacy_doc") throw e;
    // .doc / .wps: through LibreOffice when the server has it; otherwise today's message.
    let converted: Uint8Array | null;
    try {
      converted = await convertLegacyWord(name, bytes);
    } catch {
      throw new DocxImportError("legacy_failed");
    }
    if (!converted) throw e;
    const r = await importDocx(name.replace(/\.[^.]*$/, "") + ".docx", converted);
    return { ...r, notices: [`已用 LibreOffice 把旧版 Word/WPS 文件转换为 .docx，请核对内容`, ...r.notices] };
  }
  let prepared: ReturnType<typeof prepareDocx>;
  try {
    prepared = prepareDocx(bytes);
  } catch {
    throw new DocxImportError("corrupt");
  }
  let tree: (DocNode & { notes?: Notes }) | null = null;
  let messages: { type: string; message: string }[] = [];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(prepared.bytes.buffer, prepared.bytes.byteOffset, prepared.bytes.byteLength) },
      {
        externalFileAccess: false,
        // Keep the tree, and hand mammoth an empty document: no HTML, no image is ever read.
        transformDocument: (doc: DocNode) => {
          tree = doc;
          return { ...doc, children: [] };
        },
      },
    );
    messages = result.messages;
  } catch {
    throw new DocxImportError("corrupt");
  }
  if (!tree) throw new DocxImportError("corrupt");
  const reading: Reading = {
    report: { paragraphs: 0, chars: 0, images: 0, tables: 0, lists: 0, notes: 0 },
    notes: (tree as { notes?: Notes }).notes ?? null,
    comments: 0,
    checkboxes: 0,
    unresolvedNotes: 0,
  };
  const paras = readBlocks((tree as DocNode).children ?? [], reading);
  const invisibles = new InvisibleCleaner();
  const shaped = withoutInvisibles(shapeItem(paras, reading.report), invisibles);
  const { trailing, ...item } = shaped;
  const said = [...notices(reading, prepared.counts, messages), ...invisibles.notices(), ...(trailing.length ? [movedLinesNotice(trailing)] : [])];
  return { ...item, notices: item.source ? [...said, movedAttributionNotice(item.source)] : said };
}

/**
 * The item with invisible characters removed and odd spaces made ordinary spaces (the text rule,
 * lib/text/invisible.ts), counted in `cleaner` for the notice. A text node left empty goes.
 */
export function withoutInvisibles<T extends Pick<DocxImport, "title" | "body" | "source" | "contactName" | "contactPhone">>(item: T, cleaner: InvisibleCleaner): T {
  const line = (s: string | null) => (s === null ? null : cleaner.clean(s).trim() || null);
  const body: RichDoc = {
    type: "doc",
    content: item.body.content.map((p) => {
      const content = (p.content ?? []).map((t) => ({ ...t, text: cleaner.clean(t.text) })).filter((t) => t.text.length > 0);
      return content.length ? { ...p, content } : { type: p.type };
    }),
  };
  return { ...item, title: line(item.title), body, source: line(item.source), contactName: line(item.contactName), contactPhone: line(item.contactPhone) };
}

/** The attribution is only ever taken from the end of the body, so taking it is moving it. */
export const movedAttributionNotice = (source: string) => `正文末尾的署名「${source}」已移到署名栏，不会重复印出`;

/** Chinese notices for the preview: what was kept differently, what was left out, and every mammoth message. */
export function notices(reading: Reading, counts: PrepareCounts, messages: { type: string; message: string }[]): string[] {
  const out: string[] = [];
  const dropped: string[] = [];
  const r = reading.report;
  if (r.images) dropped.push(`${r.images} 张图片`);
  if (counts.comments || reading.comments) dropped.push(`${Math.max(counts.comments, reading.comments)} 条批注`);
  if (counts.rubies) dropped.push(`${counts.rubies} 处拼音指南的拼音（保留了汉字）`);
  if (counts.deletions) dropped.push(`${counts.deletions} 处修订中删除的文字（按“接受全部修订”处理）`);
  if (counts.hidden) dropped.push(`${counts.hidden} 处隐藏文字（Word 中不显示、不打印）`);
  if (counts.bullets) dropped.push(`${counts.bullets} 个自动项目符号`);
  if (reading.checkboxes) dropped.push(`${reading.checkboxes} 个复选框`);
  if (reading.unresolvedNotes) dropped.push(`${reading.unresolvedNotes} 个找不到内容的脚注标记`);
  const unknown = new Map<string, number>();
  const symbols: string[] = [];
  const other: string[] = [];
  for (const m of messages) {
    // Style names that are referenced but not defined lose no text: nothing to tell the unit.
    if (/style with ID .* was referenced but not defined/i.test(m.message)) continue;
    const el = /unrecognised element was ignored: (\S+)/.exec(m.message)?.[1];
    if (el) unknown.set(el, (unknown.get(el) ?? 0) + 1);
    else if (/w:sym element with an unsupported character/.test(m.message)) symbols.push(/char (\S+) in font (.*)$/.exec(m.message)?.slice(1).join("，字体 ") ?? "");
    else other.push(m.message);
  }
  if (unknown.size) dropped.push(`${[...unknown.values()].reduce((a, b) => a + b, 0)} 处无法识别的内容（${[...unknown.keys()].join("、")}）`);
  if (symbols.length) dropped.push(`${symbols.length} 个无法转换的特殊符号（${symbols.slice(0, 3).join("；")}）`);
  if (dropped.length) out.push(`已略去：${dropped.join("、")}`);
  if (r.notes) out.push(`${r.notes} 个脚注/尾注已保留为所在段落后的“注：”段落，请核对`);
  if (counts.textBoxes) out.push(`${counts.textBoxes} 个文本框的文字已放在所在段落之后，请核对位置`);
  if (r.tables) out.push(`${r.tables} 个表格已按行转为段落`);
  if (counts.fields) out.push(`${counts.fields} 个域（日期、编号等）已保留其显示的结果`);
  if (counts.numberMarkers) out.push(`${counts.numberMarkers} 个自动编号（一、 1. 等）已按 Word 中显示的样子写入正文`);
  if (counts.symbols) out.push(`${counts.symbols} 个插入的符号已转换为对应字符`);
  if (counts.softHyphens) out.push(`已删除 ${counts.softHyphens} 个可选连字符`);
  for (const m of other) out.push(`转换提示：${m}`);
  return out;
}

function readBlocks(nodes: DocNode[], reading: Reading): Para[] {
  const report = reading.report;
  const out: Para[] = [];
  for (const node of nodes) {
    if (node.type === "paragraph") out.push(...readParagraph(node, reading));
    else if (node.type === "table") {
      report.tables++;
      for (const row of node.children ?? []) {
        if (row.type !== "tableRow") continue;
        const runs: Run[] = [];
        for (const cell of row.children ?? []) {
          const cellRuns = readBlocks(cell.children ?? [], reading).map((p) => p.runs);
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
    } else if (node.children) out.push(...readBlocks(node.children, reading));
  }
  return out;
}

/**
 * One Word paragraph; a manual line break inside it starts a new one. Its footnotes and endnotes
 * follow it as 「注：」 paragraphs (numbered when there are several).
 */
function readParagraph(node: DocNode, reading: Reading): Para[] {
  const report = reading.report;
  if (node.numbering) report.lists++;
  const noteParas: Para[][] = [];
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
      case "noteReference": {
        const note = reading.notes?.resolve(n);
        if (note?.body?.length) noteParas.push(readBlocks(note.body, reading));
        else reading.unresolvedNotes++;
        break;
      }
      case "commentReference":
        reading.comments++;
        break;
      case "checkbox":
        reading.checkboxes++;
        break;
      case "bookmarkStart":
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
  const out = lines.map((runs) => ({ runs: trimRuns(runs), ...base })).filter((p) => p.runs.length > 0);
  const plain = { styleName: "", centred: false, allBold: false, large: false };
  noteParas.forEach((paras, i) => {
    report.notes++;
    const label = noteParas.length > 1 ? `注${i + 1}：` : "注：";
    paras.forEach((p, k) => out.push({ ...plain, runs: k === 0 ? [{ text: label }, ...p.runs] : p.runs }));
  });
  return out;
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

const SOURCE_LINE = /^(?:报送单位|供稿单位|供稿)\s*[：:]\s*(.+)$/;

/**
 * The notice for byline lines taken off the end of the body that went into no field (撰稿：张三,
 * 审核：李四), so none is lost without a word.
 */
export const movedLinesNotice = (lines: string[]) => `正文末尾的 ${lines.length} 行已移出正文（不会印出）：${lines.join("；")}，如需保留请填入相应栏目`;

/**
 * Picks the title, the trailing contact lines and the attribution out of the paragraphs (an
 * attribution typed at the end of the body, 「……。（昌平区科协）」, moves to the attribution field;
 * 供稿单位：X at the end does too). `trailing` holds the byline lines taken off the end that went
 * into no field (撰稿：, 审核：, 通讯员：…), for a notice.
 * Used for .docx, pasted HTML and text alike. Throws DocxImportError "empty" or "too_long".
 */
export function shapeItem(paras: Para[], report: DocxImport["report"]): Omit<DocxImport, "notices"> & { trailing: string[] } {
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
      // Only ordinary white space folds here: a no-break or ideographic space goes to the text rule
      // (withoutInvisibles), which counts it for the notice.
      title = t.replace(/[ \t\r\n]+/g, " ").trim();
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
  const trailing: string[] = [];
  let sourceLine: string | null = null;
  while (paras.length && CONTACT_LINE.test(text(paras[paras.length - 1]))) {
    const line = text(paras.pop() as Para).trim();
    const name = /联系人\s*[：:]\s*([\u4e00-\u9fa5·]{2,10})/.exec(line);
    const phone = /(?:电话|手机|联系电话)\s*[：:]\s*([0-9+\-() ]{5,30})/.exec(line);
    if (name) contactName ??= name[1];
    if (phone) contactPhone ??= phone[1].trim();
    const unit = SOURCE_LINE.exec(line)?.[1].trim();
    if (unit && !/[：:]/.test(unit)) sourceLine = unit;
    else {
      // Wholly taken into the contact fields when nothing but the name and the number is left.
      let rest = line;
      if (name) rest = rest.replace(name[0], "");
      if (phone) rest = rest.replace(phone[0], "");
      if (!(name || phone) || rest.replace(/[\s\u3000,，;；]/g, "")) trailing.unshift(line);
    }
  }

  // The attribution, either alone on the last line or in brackets at the end of the last paragraph.
  const last = paras[paras.length - 1];
  if (last) {
    const t = text(last);
    const found = trailingAttribution(t);
    if (found) {
      source = found.names.join("、");
      const keep = t.slice(0, found.index).trimEnd();
      if (keep) paras[paras.length - 1] = { ...last, runs: cutRuns(last.runs, keep.length) };
      else paras = paras.slice(0, -1);
    }
  }

  if (!source && sourceLine) source = sourceLine;
  else if (sourceLine) trailing.push(`供稿单位：${sourceLine}`);

  const body: Paragraph[] = paras.map((p) => p.runs);
  const chars = body.reduce((n, p) => n + p.reduce((m, r) => m + r.text.length, 0), 0);
  if (!chars && !title) throw new DocxImportError("empty");
  if (chars > MAX_BODY_CHARS || body.length > MAX_PARAGRAPHS) throw new DocxImportError("too_long");
  report.paragraphs = body.length;
  report.chars = countParagraphs(body);
  return { title, body: paragraphsToDoc(body), source, contactName, contactPhone, report, trailing };
}


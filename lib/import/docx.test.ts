import { AlignmentType, Document, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { describe, expect, it } from "vitest";
import { docToParagraphs, richDocSchema } from "@/lib/editor/schema";
import { DOCX_MAX_BYTES, DocxImportError, importDocx } from "./docx";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

async function docxOf(children: (Paragraph | Table)[]): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

/** A unit's Word file as units write them: a centred bold title in 小标宋, body in 仿宋, a table, a photo. */
async function unitFile() {
  return docxOf([
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: "昌平区科协举办科普讲座", bold: true, font: "方正小标宋简体", size: 44 })] }),
    new Paragraph({
      children: [
        new TextRun({ text: "　　6 月 20 日上午，昌平区科协在回龙观社区举办", font: "仿宋_GB2312", size: 32 }),
        new TextRun({ text: "科普讲座", bold: true, font: "仿宋_GB2312", size: 32, color: "FF0000" }),
        new TextRun({ text: "，", font: "仿宋_GB2312", size: 32 }),
        new TextRun({ text: "反响热烈", italics: true, font: "仿宋_GB2312", size: 32 }),
        new TextRun({ text: "。", font: "仿宋_GB2312", size: 32 }),
      ],
    }),
    new Paragraph({ children: [new ImageRun({ type: "png", data: PNG, transformation: { width: 10, height: 10 } })] }),
    new Table({
      rows: [
        new TableRow({ children: [new TableCell({ children: [new Paragraph("专家")] }), new TableCell({ children: [new Paragraph("单位")] })] }),
        new TableRow({ children: [new TableCell({ children: [new Paragraph("张三")] }), new TableCell({ children: [new Paragraph("北京大学")] })] }),
      ],
    }),
    new Paragraph({ children: [new TextRun("下一步，区科协将持续开展系列活动。（昌平区科协、北京制冷学会）")] }),
    new Paragraph({ children: [new TextRun("联系人：刘明　　联系电话：010-12345678")] }),
  ]);
}

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return "no error";
  } catch (e) {
    if (e instanceof DocxImportError) return e.code;
    throw e;
  }
};

describe("reading a unit's .docx", () => {
  it("takes the title, keeps paragraphs, bold and italic, flattens the table, drops the picture", async () => {
    const r = await importDocx("稿件.docx", await unitFile());
    expect(r.title).toBe("昌平区科协举办科普讲座");
    const paras = docToParagraphs(r.body);
    expect(paras[0]).toEqual([
      { text: "6 月 20 日上午，昌平区科协在回龙观社区举办" },
      { text: "科普讲座", bold: true },
      { text: "，" },
      { text: "反响热烈", italic: true },
      { text: "。" },
    ]);
    expect(paras.map((p) => p.map((r) => r.text).join(""))).toEqual([
      "6 月 20 日上午，昌平区科协在回龙观社区举办科普讲座，反响热烈。",
      "专家　单位",
      "张三　北京大学",
      "下一步，区科协将持续开展系列活动。",
    ]);
    expect(r.source).toBe("昌平区科协、北京制冷学会");
    expect(r.contactName).toBe("刘明");
    expect(r.contactPhone).toBe("010-12345678");
    expect(r.report).toMatchObject({ images: 1, tables: 1, paragraphs: 4 });
    // What the form receives is what the server will accept.
    expect(richDocSchema.safeParse(r.body).success).toBe(true);
  });

  it("leaves the title empty when the file does not start with one", async () => {
    const r = await importDocx("a.docx", await docxOf([new Paragraph("6月20日上午，昌平区科协在回龙观社区举办科普讲座，吸引了300余名居民参加。"), new Paragraph("讲座反响热烈。")]));
    expect(r.title).toBeNull();
    expect(docToParagraphs(r.body)).toHaveLength(2);
  });

  it("refuses other types, old .doc files, broken and oversized files, with a code for each", async () => {
    const good = await unitFile();
    expect(await codeOf(importDocx("稿件.pdf", good))).toBe("not_docx");
    expect(await codeOf(importDocx("稿件.txt", new TextEncoder().encode("纯文本")))).toBe("not_docx");
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)]);
    // Without LibreOffice on the server an old .doc/.wps gets today's message.
    const saved = process.env.SOFFICE_PATH;
    process.env.SOFFICE_PATH = "off";
    try {
      expect(await codeOf(importDocx("稿件.doc", ole))).toBe("legacy_doc");
      expect(await codeOf(importDocx("稿件.docx", ole))).toBe("legacy_doc");
      expect(await codeOf(importDocx("稿件.wps", ole))).toBe("legacy_doc");
    } finally {
      if (saved === undefined) delete process.env.SOFFICE_PATH;
      else process.env.SOFFICE_PATH = saved;
    }
    expect(await codeOf(importDocx("稿件.docx", new TextEncoder().encode("这不是一个 Word 文件，只是改了扩展名。")))).toBe("corrupt");
    expect(await codeOf(importDocx("稿件.docx", good.slice(0, good.length / 2)))).toBe("corrupt");
    const garbled = good.slice();
    for (let i = 200; i < garbled.length - 200; i += 7) garbled[i] ^= 0x5a;
    // A garbled central directory may declare any sizes: refused as damaged or as too large, never read.
    expect(await codeOf(importDocx("稿件.docx", garbled))).toMatch(/corrupt|not_word|too_large/);
    expect(await codeOf(importDocx("稿件.docx", new Uint8Array(DOCX_MAX_BYTES + 1)))).toBe("too_large");
  });

  it("refuses a ZIP that is not a Word document", async () => {
    expect(await codeOf(importDocx("表格.docx", storedZip({ "xl/workbook.xml": "<workbook/>" })))).toBe("not_word");
  });

  it("refuses a file claiming to unpack to more than it may, before unpacking it", async () => {
    const zip = storedZip({ "word/document.xml": "<w:document/>" });
    // Claim 100 MB for document.xml in the central directory.
    const view = new DataView(zip.buffer);
    for (let i = zip.length - 22; i >= 0; i--)
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, 100 * 1024 * 1024, true);
        break;
      }
    expect(await codeOf(importDocx("炸弹.docx", zip))).toBe("unpacked_too_large");
  });

  it("refuses a file with no text", async () => {
    expect(await codeOf(importDocx("空.docx", await docxOf([new Paragraph("")])))).toBe("empty");
  });
});

/** A ZIP with stored (uncompressed) entries, for files that are ZIPs but not Word documents. */
function storedZip(files: Record<string, string>): Uint8Array {
  const enc = new TextEncoder();
  const local: number[] = [];
  const central: number[] = [];
  const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
  const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
  let count = 0;
  for (const [name, content] of Object.entries(files)) {
    const nameBytes = [...enc.encode(name)];
    const data = [...enc.encode(content)];
    const crc = crc32(data);
    const offset = local.length;
    local.push(...u32(0x04034b50), ...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(crc), ...u32(data.length), ...u32(data.length), ...u16(nameBytes.length), ...u16(0), ...nameBytes, ...data);
    central.push(...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(crc), ...u32(data.length), ...u32(data.length), ...u16(nameBytes.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...nameBytes);
    count++;
  }
  const eocd = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(count), ...u16(count), ...u32(central.length), ...u32(local.length), ...u16(0)];
  return new Uint8Array([...local, ...central, ...eocd]);
}

function crc32(bytes: number[]): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

describe("a unit's .docx and the text rule", () => {
  it("removes invisible characters and makes odd spaces ordinary in title, body and attribution, and says so", async () => {
    const r = await importDocx(
      "稿件.docx",
      await docxOf([
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: "昌平区\u200b科协举办 科普讲座", bold: true, size: 44 })] }),
        new Paragraph({ children: [new TextRun("6月20日\u00a0上午，\u2060活动"), new TextRun({ text: "\u200b", bold: true }), new TextRun("在\u202f回龙观举办。")] }),
        new Paragraph({ children: [new TextRun("家庭科普日👨‍👩‍👧圆满举办。（昌平区\ufeff科协）")] }),
      ]),
    );
    expect(r.title).toBe("昌平区科协举办 科普讲座");
    expect(docToParagraphs(r.body).map((p) => p.map((x) => x.text).join(""))).toEqual(["6月20日 上午，活动在 回龙观举办。", "家庭科普日👨‍👩‍👧圆满举办。"]);
    expect(r.source).toBe("昌平区科协");
    expect(r.notices).toContain("已删除 4 个看不见的字符：字连接符（U+2060）1 个、零宽空格（U+200B）2 个、零宽不换行空格（BOM）（U+FEFF）1 个");
    expect(r.notices).toContain("已把 2 个特殊空格换成普通空格：不间断空格（U+00A0）1 个、窄不间断空格（U+202F）1 个");
    expect(richDocSchema.safeParse(r.body).success).toBe(true);
  });
});

// npm run --silent bulletin -- render FILE --format pdf|docx|txt|json|html --out PATH
// Renders a bulletin document (JSON) or a text bulletin without the database, with the same
// functions the app's exports call (lib/bulletin/export-formats.ts, the one registry).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BulletinDocument } from "@/lib/bulletin/document";
import { parseBulletinDocument } from "@/lib/bulletin/document-schema";
import { EXPORT_FORMAT_KEYS, EXPORT_FORMATS, isExportFormat } from "@/lib/bulletin/export-formats";
import { BulletinParseError, parseBulletinText } from "@/lib/bulletin/parse-text";
import { closeBrowser, DEFAULT_CHROMIUM_PATH } from "@/lib/bulletin/pdf";
import { readTextFile } from "@/lib/import/read-text";

const USAGE = `用法：npm run --silent bulletin -- render 文件(.json 或 .txt) --format ${EXPORT_FORMAT_KEYS.join("|")} --out 路径\n`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function fail(message: string, code = 1): number {
  process.stderr.write(message.endsWith("\n") ? message : `${message}\n`);
  return code;
}

function readDocument(file: string): BulletinDocument {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new Error(`读不到文件：${file}`);
  }
  // The one text reader: UTF-8 (± BOM), GBK/GB18030, UTF-16; binary refused as not text.
  const notices: string[] = [];
  const source = readTextFile(bytes, notices);
  for (const n of notices) process.stderr.write(`注意：${n}\n`);
  if (path.extname(file).toLowerCase() === ".json") {
    let raw: unknown;
    try {
      raw = JSON.parse(source);
    } catch (e) {
      throw new Error(`${file} 不是有效的 JSON：${e instanceof Error ? e.message : String(e)}`);
    }
    return parseBulletinDocument(raw);
  }
  try {
    return parseBulletinText(source);
  } catch (e) {
    if (e instanceof BulletinParseError) throw new Error(`${file} 读不出简报：${e.message}`);
    throw e;
  }
}

export async function run(args: string[]): Promise<number> {
  const format = option(args, "--format");
  const out = option(args, "--out");
  const file = args.find((a, i) => !a.startsWith("--") && !["--format", "--out"].includes(args[i - 1] ?? ""));
  if (!file || !out || !format) return fail(USAGE, 2);
  if (!isExportFormat(format)) return fail(`不支持的格式「${format}」，可用：${EXPORT_FORMAT_KEYS.join("、")}\n${USAGE}`, 2);

  let doc: BulletinDocument;
  try {
    doc = readDocument(file);
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
  // The glyph preflight: a character no embedded face has would print as an empty box.
  if (format === "pdf") {
    const { canPrint } = await import("@/lib/bulletin/font-files");
    const { describeUnprintable, findUnprintable } = await import("@/lib/bulletin/glyph-preflight");
    for (const line of describeUnprintable(findUnprintable(doc, canPrint))) process.stderr.write(`注意：${line}
`);
  }
  // The same registry as the app's export route: the command writes the bytes the app sends.
  let body: string | Uint8Array;
  try {
    body = await EXPORT_FORMATS[format].render(doc, { chromiumPath: process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH });
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  } finally {
    if (format === "pdf") await closeBrowser();
  }
  try {
    writeFileSync(out, body);
  } catch {
    return fail(`写不进输出文件：${out}`);
  }
  return 0;
}

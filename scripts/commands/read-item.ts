// npm run --silent bulletin -- read-item FILE
// One item from a .docx (.doc/.wps with LibreOffice), clipboard .html or .txt, read with the code
// the submission form runs; prints {"title","paragraphs","source","notices"} as JSON on stdout.
import { readFileSync } from "node:fs";
import path from "node:path";

export async function run(args: string[]): Promise<number> {
  const files = args.filter((a) => !a.startsWith("--"));
  if (files.length !== 1) {
    process.stderr.write("用法：npm run --silent bulletin -- read-item 文件（.docx、.html 或 .txt）\n");
    return 2;
  }
  const file = files[0];
  const name = path.basename(file);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch {
    process.stderr.write(`${name}：无法读取文件（不存在或没有权限）\n`);
    return 1;
  }
  const { readItemFile } = await import("@/lib/import/read-item");
  const { DocxImportError } = await import("@/lib/import/docx");
  const { TextFileError } = await import("@/lib/import/read-text");
  try {
    const item = await readItemFile(name, bytes);
    process.stdout.write(JSON.stringify(item, null, 2) + "\n");
    return 0;
  } catch (e) {
    const zh = (await import("@/lib/i18n/messages/zh-CN/item.json")).default as { docxImport: { errors: Record<string, string> } };
    const why =
      e instanceof DocxImportError
        ? (zh.docxImport.errors[e.code] ?? e.code).replace("{max}", "10")
        : e instanceof TextFileError || e instanceof Error
          ? e.message
          : String(e);
    process.stderr.write(`${name}：无法读取 —— ${why}\n`);
    return 1;
  }
}

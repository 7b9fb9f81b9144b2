// npm run --silent bulletin -- parse FILE
// Prints the parsed past issue as the bulletin document JSON (what `render` reads) on stdout; a file that cannot be read as a
// bulletin gets a Chinese message on stderr and exit code 1, with nothing on stdout.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { BulletinDocument } from "@/lib/bulletin/document";
import { bulletinDocumentSchema, describeIssues } from "@/lib/bulletin/document-schema";
import { BulletinParseError, documentFromParsed, parseBulletin, type ParsedBulletin } from "@/lib/bulletin/parse-text";
import { readTextFile, TextFileError } from "@/lib/import/read-text";

/**
 * The parsed issue as the one bulletin document (lib/bulletin/document-schema.ts): exactly what
 * `bulletin render` reads. Parts the text lacks are empty ("" / 0 / []), and `problems` lists, in
 * Chinese, what must be filled in before the document renders or imports (none for a whole issue).
 */
export function issueJson(p: ParsedBulletin): { doc: BulletinDocument; problems: string | null } {
  const doc = documentFromParsed(p);
  const checked = bulletinDocumentSchema.safeParse(doc);
  return { doc, problems: checked.success ? null : describeIssues(checked.error) };
}

/** Bytes → text through the one text reader; a file that is not text is a parse error with its message. */
function decodeText(bytes: Uint8Array): string {
  try {
    const notices: string[] = [];
    const text = readTextFile(bytes, notices);
    for (const n of notices) process.stderr.write(`注意：${n}\n`);
    return text;
  } catch (e) {
    if (e instanceof TextFileError) throw new BulletinParseError("binary", e.message);
    throw e;
  }
}

export async function run(args: string[]): Promise<number> {
  const files = args.filter((a) => !a.startsWith("--"));
  if (files.length !== 1) {
    process.stderr.write("用法：npm run --silent bulletin -- parse 文件.txt\n");
    return 2;
  }
  const file = files[0];
  const name = path.basename(file);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    process.stderr.write(`${name}：无法读取文件（不存在或没有权限）\n`);
    return 1;
  }
  try {
    const { doc, problems } = issueJson(parseBulletin(decodeText(bytes)));
    process.stdout.write(JSON.stringify(doc, null, 2) + "\n");
    if (problems) process.stderr.write(`${name}：不是完整的一期，补全以下字段后才能 render 或导入：\n${problems}\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof BulletinParseError)) throw e;
    process.stderr.write(`${name}：无法解析 —— ${e.message}\n`);
    return 1;
  }
}

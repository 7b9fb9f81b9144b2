// npm run --silent bulletin -- import FILE…
// Imports past issues (plain text like the samples, or .docx) into the archive as distributed
// issues, matching attributions to units by name and creating (and flagging) units it does not know.
import { readFileSync } from "node:fs";
import path from "node:path";

export async function run(args: string[]): Promise<number> {
  const files = args.filter((a) => !a.startsWith("--"));
  if (!files.length) {
    console.error("用法：npm run --silent bulletin -- import 文件…（.txt 或 .docx）");
    return 2;
  }
  // Loaded here, not at the top: they open the database, which `parse` and `render` never need.
  const { readUploadText, UploadError } = await import("@/lib/archive/read-upload");
  const { BulletinParseError, parseBulletinText } = await import("@/lib/bulletin/parse-text");
  const { importBulletin } = await import("@/lib/data/archive");
  const { AppError } = await import("@/lib/data/errors");
  let failed = 0;
  for (const file of files) {
    const name = path.basename(file);
    try {
      const text = await readUploadText(name, new Uint8Array(readFileSync(file)));
      const doc = parseBulletinText(text);
      if (!doc.masthead.year || !doc.masthead.number || !doc.masthead.totalNumber || !doc.masthead.date) {
        throw new Error("没有识别出报头（年份、期号、总期号、日期），无法归档；请在应用的“导入往期”页面补全后导入");
      }
      const r = importBulletin(null, doc, name);
      console.log(
        `${name}：已导入 ${r.year}年第${r.number}期（总第${r.totalNumber}期），${r.sections} 个栏目、${r.items} 篇稿件` +
          (r.unitsCreated.length ? `；新建单位（待核对）：${r.unitsCreated.join("、")}` : "") +
          (r.tocUnmatched.length ? `；未对应的目录提要：${r.tocUnmatched.join("；")}` : ""),
      );
    } catch (e) {
      failed++;
      const why =
        e instanceof UploadError
          ? { too_large: "文件过大（最大 5 MB）", empty: "文件是空的", binary: "这不是文本文件（含有二进制内容）", bad_docx: "Word 文件损坏或不是 .docx", unsupported: "只支持 .txt 和 .docx" }[e.code]
          : e instanceof AppError && e.code === "duplicate_number"
            ? `${e.params.year}年第${e.params.number}期已存在，期号不能重复`
            : e instanceof AppError
              ? `内容不完整（${e.field ?? e.code}）`
              : e instanceof BulletinParseError || e instanceof Error
                ? e.message
                : String(e);
      console.error(`${name}：未导入 —— ${why}`);
    }
  }
  return failed ? 1 : 0;
}

// npm run --silent bulletin -- check FILE.txt [--fix]
// One body paragraph a line. Prints the copy-check findings as JSON ([{paragraph, rule, start, end,
// original, replacement, prefix, suffix}], paragraph counted from 1), or with --fix the text with
// every suggestion applied — what 全部修正 does on the form. --word-lists also checks the admin's
// 规范表述 and 敏感词 lists from the app's database (敏感词 are flagged, never changed by --fix).
import { readFileSync } from "node:fs";
import path from "node:path";

export async function run(args: string[]): Promise<number> {
  const files = args.filter((a) => !a.startsWith("--"));
  const fix = args.includes("--fix");
  if (files.length !== 1) {
    process.stderr.write("用法：npm run --silent bulletin -- check 文件.txt [--fix]\n");
    return 2;
  }
  const name = path.basename(files[0]);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(files[0]));
  } catch {
    process.stderr.write(`${name}：无法读取文件（不存在或没有权限）\n`);
    return 1;
  }
  const { readTextFile, TextFileError } = await import("@/lib/import/read-text");
  let text: string;
  try {
    const notices: string[] = [];
    text = readTextFile(bytes, notices);
    for (const n of notices) process.stderr.write(`注意：${n}\n`);
  } catch (e) {
    if (!(e instanceof TextFileError)) throw e;
    process.stderr.write(`${name}：${e.message}\n`);
    return 1;
  }
  // zhlint's browser build (the one the form loads) decodes entities with a DOM element.
  const g = globalThis as { document?: unknown };
  if (!g.document) g.document = (await import("linkedom")).parseHTML("<!DOCTYPE html><html><body></body></html>").document;
  const { applyFindings, checkParagraphs } = await import("@/lib/copycheck");
  let wordLists: import("@/lib/copycheck").WordLists | null = null;
  if (args.includes("--word-lists")) {
    const { db } = await import("@/db");
    const { wordListEntries } = await import("@/db/schema");
    const rows = db.select().from(wordListEntries).all();
    wordLists = {
      standard: rows.filter((r) => r.list === "standard" && r.replacement).map((r) => ({ wrong: r.term, right: r.replacement ?? "" })),
      sensitive: rows.filter((r) => r.list === "sensitive").map((r) => ({ term: r.term })),
    };
  }
  const lines = text.replace(/\n$/, "").split("\n");
  const findings = checkParagraphs(lines, { wordLists });
  if (fix) {
    process.stdout.write(lines.map((l, i) => applyFindings(l, findings[i])).join("\n") + "\n");
    return 0;
  }
  const out = findings.flatMap((fs, i) => fs.map((f) => ({ paragraph: i + 1, ...f })));
  process.stdout.write(JSON.stringify(out, null, 2) + "\n");
  return 0;
}

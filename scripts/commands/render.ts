// npm run --silent bulletin -- render FILE --format txt|json --out PATH
// Renders a bulletin document (JSON) or a text bulletin without the database, with the same
// functions the app's exports call.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseBulletinText } from "@/lib/bulletin/parse-text";
import { bulletinToText } from "@/lib/bulletin/text";
import type { BulletinDocument } from "@/lib/bulletin/document";

const FORMATS = ["txt", "json"] as const;
type Format = (typeof FORMATS)[number];

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function run(args: string[]): Promise<number> {
  const format = option(args, "--format") as Format | undefined;
  const out = option(args, "--out");
  const file = args.find((a, i) => !a.startsWith("--") && !["--format", "--out"].includes(args[i - 1] ?? ""));
  if (!file || !out || !format || !FORMATS.includes(format)) {
    process.stderr.write(`用法：npm run --silent bulletin -- render 文件 --format ${FORMATS.join("|")} --out 路径\n`);
    return 2;
  }
  const source = readFileSync(file, "utf8");
  const doc: BulletinDocument = path.extname(file) === ".json" ? (JSON.parse(source) as BulletinDocument) : parseBulletinText(source);
  writeFileSync(out, format === "txt" ? bulletinToText(doc) : JSON.stringify(doc, null, 2) + "\n");
  return 0;
}

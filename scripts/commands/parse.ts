// npm run --silent bulletin -- parse FILE
// Prints the parsed past issue as JSON on stdout and nothing else; a file that cannot be read as a
// bulletin gets a Chinese message on stderr and exit code 1, with nothing on stdout.
import { readFileSync } from "node:fs";
import path from "node:path";
import { BulletinParseError, parseBulletin, type ParsedBulletin } from "@/lib/bulletin/parse-text";

/** The issue-7 JSON shape: absent parts null or empty, section titles without 【】, attributions without （）. */
export function issueJson(p: ParsedBulletin) {
  return {
    masthead: p.masthead && {
      title: p.masthead.title,
      year: p.masthead.year,
      number: p.masthead.number,
      totalNumber: p.masthead.totalNumber,
      office: p.masthead.office,
      date: p.masthead.date,
      // Only for a 合刊, a supplement, or a masthead not in the default numbering style.
      ...(p.masthead.kind ? { kind: p.masthead.kind } : {}),
      ...(p.masthead.numberEnd ? { numberEnd: p.masthead.numberEnd, totalNumberEnd: p.masthead.totalNumberEnd ?? null } : {}),
      ...(p.masthead.supplementLabel ? { supplementLabel: p.masthead.supplementLabel } : {}),
      ...(p.masthead.numbering ? { numbering: p.masthead.numbering } : {}),
    },
    toc: p.toc,
    sections: p.sections.map((s) => ({
      title: s.title,
      items: s.items.map((i) => ({ title: i.title, paragraphs: i.paragraphs, source: i.source, ...(i.author ? { author: i.author } : {}) })),
    })),
    footer: p.footer && {
      mailbox: p.footer.mailbox,
      editor: p.footer.editor,
      reviewer: p.footer.reviewer,
      distribution: p.footer.distribution,
    },
  };
}

/**
 * Bytes → text. UTF-8 first; old office files are often GBK, which GB18030 decodes. A NUL byte
 * means binary whatever the decoder would make of it.
 */
function decodeText(bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new BulletinParseError("binary", "这不是文本文件（含有二进制内容），请提供 .txt 文本");
  for (const encoding of ["utf-8", "gb18030"]) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      // try the next encoding
    }
  }
  throw new BulletinParseError("binary", "无法识别文件编码，请另存为 UTF-8 编码的 .txt 文本");
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
    const parsed = parseBulletin(decodeText(bytes));
    process.stdout.write(JSON.stringify(issueJson(parsed), null, 2) + "\n");
    return 0;
  } catch (e) {
    if (!(e instanceof BulletinParseError)) throw e;
    process.stderr.write(`${name}：无法解析 —— ${e.message}\n`);
    return 1;
  }
}

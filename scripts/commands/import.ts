// npm run --silent bulletin -- import [--accept-title] [--json] FILE… (.txt .md .docx, or .zip of them)
// Imports past issues into the archive as distributed issues, matching attributions to units by
// name, normalised name and alias, creating (and flagging) units it does not know. Prints a report
// per file (imported / refused and why / warnings) and the gaps in the numbering.
import { readFileSync } from "node:fs";
import path from "node:path";

export async function run(args: string[]): Promise<number> {
  const files = args.filter((a) => !a.startsWith("--"));
  const acceptTitle = args.includes("--accept-title");
  const json = args.includes("--json");
  if (!files.length) {
    console.error("用法：npm run --silent bulletin -- import [--accept-title] [--json] 文件…（.txt、.md、.docx，或它们的 .zip）");
    return 2;
  }
  // Loaded here, not at the top: it opens the database, which `parse` and `render` never need.
  const { importArchiveBatch } = await import("@/lib/data/archive-batch");
  const inputs = files.map((f) => ({ name: path.basename(f), bytes: new Uint8Array(readFileSync(f)) }));
  const report = await importArchiveBatch(null, inputs, { acceptTitle });
  if (json) {
    console.log(JSON.stringify(report, null, 2));
    return report.refused ? 1 : 0;
  }
  for (const f of report.files) {
    if (f.status === "imported") console.log(`${f.file}：已导入 ${f.issue}，${f.items} 篇稿件`);
    else console.error(`${f.file}：未导入 —— ${f.reason}`);
    for (const w of f.warnings) console.log(`  注意：${w}`);
  }
  console.log(`\n共 ${report.files.length} 个文件：导入 ${report.imported} 个，未导入 ${report.refused} 个。`);
  if (report.unitsCreated.length) console.log(`新建单位（待管理员在“单位”页确认或合并）：${[...new Set(report.unitsCreated)].join("、")}`);
  console.log(report.gaps.length ? `期号缺口：${report.gaps.join("；")}` : report.gapYears.length ? `${report.gapYears.join("、")}年的期号没有缺口。` : "期号没有缺口。");
  return report.refused ? 1 : 0;
}

// npm run --silent bulletin -- stats --from YYYY-MM-DD --to YYYY-MM-DD [--format json|csv] [--report PATH.pdf|.docx]
// Every unit's adoption figures and score for a period, from the database at DATABASE_PATH,
// ranked by score — the same figures as the 采用统计 page. JSON: an array, one object per unit
// (unit, kind, submitted, accepted, returned, declined, adopted, lead, highlight, rate,
// instructions, forwardsUsed, calls…, score, rank, kindRank). CSV: the page's table.
// --report also writes the 通报 for the period (PDF through Chromium, or Word).
import { writeFileSync } from "node:fs";
import { isMatch } from "date-fns";

const USAGE = "用法：npm run --silent bulletin -- stats --from YYYY-MM-DD --to YYYY-MM-DD [--format json|csv] [--report 路径.pdf|.docx]\n";

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function run(args: string[]): Promise<number> {
  const from = option(args, "--from");
  const to = option(args, "--to");
  const format = option(args, "--format") ?? "json";
  const report = option(args, "--report");
  const validDate = (d: string | undefined): d is string => !!d && /^\d{4}-\d{2}-\d{2}$/.test(d) && isMatch(d, "yyyy-MM-dd");
  if (!validDate(from) || !validDate(to) || (format !== "json" && format !== "csv") || (report && !/\.(pdf|docx)$/i.test(report))) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (from > to) {
    process.stderr.write("开始日期不能晚于结束日期\n");
    return 2;
  }
  // Loaded here, not at the top: they open the database.
  const { db } = await import("@/db");
  const { computeStats, resolvePeriod } = await import("@/lib/data/stats");
  const { currentPublication } = await import("@/lib/data/publication");
  const { statsCsv } = await import("@/lib/stats/report");
  const pub = currentPublication();
  const stats = computeStats(db, pub.id, resolvePeriod({ period: "range", from, to }));
  if (format === "csv") process.stdout.write(statsCsv(stats));
  else process.stdout.write(`${JSON.stringify(stats.rows.map((r) => ({ ...r, unitId: undefined })), null, 2)}\n`);
  if (report) {
    const { reportModel, reportToDocx, reportToPrintHtml } = await import("@/lib/stats/report");
    const { todayInChina } = await import("@/lib/data/validation");
    const model = reportModel(stats, { publicationTitle: pub.title, office: pub.office, date: todayInChina() });
    if (/\.docx$/i.test(report)) writeFileSync(report, await reportToDocx(model));
    else {
      const { closeBrowser, printHtmlToPdf } = await import("@/lib/bulletin/pdf");
      const { env } = await import("@/lib/env");
      try {
        writeFileSync(report, await printHtmlToPdf((fontBaseUrl) => reportToPrintHtml(model, { fontBaseUrl }), { executablePath: env.CHROMIUM_PATH }));
      } finally {
        await closeBrowser();
      }
    }
    process.stderr.write(`通报已写入 ${report}\n`);
  }
  return 0;
}

import { NextResponse } from "next/server";
import { z } from "zod";
import { errorResponse } from "@/lib/api/error-response";
import { parseQuery } from "@/lib/api/query";
import { requireActor } from "@/lib/auth/session";
import { printHtmlToPdf } from "@/lib/bulletin/pdf";
import { currentPublication } from "@/lib/data/publication";
import { adoptionStats, type StatsQuery } from "@/lib/data/stats";
import { todayInChina } from "@/lib/data/validation";
import { env } from "@/lib/env";
import { statsQueryOf } from "@/lib/stats/query";
import { reportModel, reportToDocx, reportToPrintHtml, statsWorkbook } from "@/lib/stats/report";

const FORMATS = ["xlsx", "docx", "pdf", "html"] as const;
const formatSchema = z.enum(FORMATS);
const TYPES: Record<(typeof FORMATS)[number], string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  html: "text/html; charset=utf-8",
};

/**
 * The statistics exports for the page's filters: ?format=xlsx (the table), docx / pdf / html (the
 * 通报; PDF through the bulletin's Chromium print path). Office, editor, admin (checked again in
 * adoptionStats).
 */
export async function GET(request: Request) {
  try {
    const actor = await requireActor("office", "editor", "admin");
    const params = new URL(request.url).searchParams;
    const format = { data: parseQuery(z.object({ format: formatSchema }), request.url, { format: "导出格式" }).format };
    const stats = await adoptionStats(actor, statsQueryOf(params) as StatsQuery);
    const pub = currentPublication();
    const model = () => reportModel(stats, { publicationTitle: pub.title, office: pub.office, date: todayInChina() });
    let body: string | Uint8Array;
    switch (format.data) {
      case "xlsx":
        body = new Uint8Array(await statsWorkbook(stats, pub.title));
        break;
      case "docx":
        body = new Uint8Array(await reportToDocx(model()));
        break;
      case "pdf": {
        const m = model();
        body = new Uint8Array(await printHtmlToPdf((fontBaseUrl) => reportToPrintHtml(m, { fontBaseUrl }), { executablePath: env.CHROMIUM_PATH }));
        break;
      }
      case "html":
        body = reportToPrintHtml(model());
        break;
    }
    const name = `${format.data === "xlsx" ? "采用统计" : "信息报送采用情况通报"}-${stats.period.label}.${format.data}`;
    return new NextResponse(body as BodyInit, {
      headers: {
        "content-type": TYPES[format.data],
        "content-disposition": `${format.data === "html" ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(name)}`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}

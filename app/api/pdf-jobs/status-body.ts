import { getTranslations } from "next-intl/server";
import type { PdfJobState } from "@/lib/data/pdf-export-jobs";

/** A job's state for the page, with the sentence to show (in the user's language). */
export async function jobStatusBody(status: PdfJobState) {
  const t = await getTranslations("pdfExport");
  const message =
    status.state === "queued"
      ? status.ahead > 0
        ? t("queued", { ahead: status.ahead })
        : t("next")
      : status.state === "rendering"
        ? t("rendering")
        : status.state === "done"
          ? t("done")
          : t(status.error);
  return { ...status, message };
}

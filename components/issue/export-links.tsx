import { getTranslations } from "next-intl/server";

export async function ExportLinks({ issueId }: { issueId: number }) {
  const t = await getTranslations("desk");
  return (
    <p className="exports">
      <a href={`/api/issues/${issueId}/export?format=txt`} download data-testid="export-txt">
        {t("exportText")}
      </a>{" "}
      <a href={`/api/issues/${issueId}/export?format=json`} download>
        {t("exportJson")}
      </a>
    </p>
  );
}

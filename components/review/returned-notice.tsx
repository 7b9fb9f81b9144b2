import { getFormatter, getTranslations } from "next-intl/server";

/** At the top of the desk board: the issue came back from review, and why (the reviewer's own words). */
export async function ReturnedNotice({ returned }: { returned: { reason: string; round: number; by: string | null; at: Date | null } | null }) {
  if (!returned) return null;
  const [t, format] = await Promise.all([getTranslations("signoff"), getFormatter()]);
  return (
    <div role="status" className="card error" data-testid="returned-reason">
      <p>
        <strong>{t("returnedTitle", { round: returned.round })}</strong>
        {returned.by && returned.at && <> {t("returnedBy", { name: returned.by, time: format.dateTime(returned.at, { dateStyle: "medium", timeStyle: "short" }) })}</>}
      </p>
      <blockquote>{returned.reason}</blockquote>
    </div>
  );
}

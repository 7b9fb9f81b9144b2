import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { CorrectionForm } from "@/components/office/correction-form";
import { requirePageActor } from "@/lib/auth/session";
import { issueDocument } from "@/lib/data/issues";
import { paragraphText } from "@/lib/editor/schema";
import { loadPageRecord } from "@/lib/auth/page-record";
import { issueLabeler } from "@/lib/i18n/issue-label";

/** 勘误 of a distributed issue (the office): a new revision of its frozen edition. */
export default async function CorrectIssuePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("office");
  const loaded = await loadPageRecord(params, (id) => issueDocument(actor, id));
  const { issue, doc } = loaded;
  if (issue.status !== "distributed") notFound();
  const [t, labelOf] = await Promise.all([getTranslations("correction"), issueLabeler()]);
  const items = doc.sections.flatMap((s) => s.items.map((i) => ({ title: i.title, text: i.paragraphs.map(paragraphText).join("\n") })));
  return (
    <section>
      <h1>
        {t("title")} · {labelOf(issue)}
      </h1>
      <p className="note">{t("hint")}</p>
      <CorrectionForm issueId={issue.id} version={issue.version} items={items} />
    </section>
  );
}

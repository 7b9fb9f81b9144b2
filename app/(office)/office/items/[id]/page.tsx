import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RichTextView } from "@/components/item/rich-text-view";
import { RecognitionPanel } from "@/components/stats/recognition-panel";
import { ForwardForm, InstructionForm } from "@/components/stats/recognition-forms";
import { requirePageActor } from "@/lib/auth/session";
import { getItem, itemUnitName } from "@/lib/data/items";
import { itemRecognition } from "@/lib/data/recognition";
import { todayInChina } from "@/lib/data/validation";
import { docToParagraphs } from "@/lib/editor/schema";
import { loadPageRecord } from "@/lib/auth/page-record";

/** A published item as the office sees it: its text, its instructions and forwards, the forms to record them. */
export default async function OfficeItemPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("office");
  const item = await loadPageRecord(params, (id) => getItem(actor, id));
  const rec = itemRecognition(actor, item.id);
  const t = await getTranslations("recognition");
  const today = todayInChina();
  return (
    <section>
      <p>
        <Link href="/office/items">← {t("title")}</Link>
      </p>
      <h1>{item.title}</h1>
      <p>{itemUnitName(item.unitId)}</p>
      <article className="card">
        <RichTextView paragraphs={docToParagraphs(item.body)} source={item.source} />
      </article>
      <RecognitionPanel instructions={rec.instructions} forwards={rec.forwards} editable />
      {rec.published ? (
        <>
          <h2>{t("record")}</h2>
          <InstructionForm itemId={item.id} today={today} />
          <h2>{t("recordForward")}</h2>
          <ForwardForm itemId={item.id} today={today} />
        </>
      ) : (
        <p className="note">{t("onlyPublished")}</p>
      )}
    </section>
  );
}

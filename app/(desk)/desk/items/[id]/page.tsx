import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { DecideForm } from "@/components/desk/decide-form";
import { RichTextView } from "@/components/item/rich-text-view";
import { StatusBadge } from "@/components/item/status-badge";
import { Timeline } from "@/components/item/timeline";
import { requirePageActor } from "@/lib/auth/session";
import { AppError } from "@/lib/data/errors";
import { getItem, itemHistory, itemUnitName } from "@/lib/data/items";
import { idSchema } from "@/lib/data/validation";
import { docToParagraphs } from "@/lib/editor/schema";

export default async function DeskItemPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("editor");
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  let item;
  try {
    item = getItem(actor, id.data);
  } catch (e) {
    if (e instanceof AppError) notFound();
    throw e;
  }
  const [t, ts] = await Promise.all([getTranslations("item"), getTranslations("itemStatus")]);
  return (
    <section>
      <div className="title-row">
        <h1>{item.title}</h1>
        <StatusBadge status={item.status} label={ts(item.status)} />
      </div>
      <dl className="meta">
        <dt>{t("unit")}</dt>
        <dd>{itemUnitName(item.unitId)}</dd>
        <dt>{t("contactName")}</dt>
        <dd>
          {item.contactName || "—"} {item.contactPhone}
        </dd>
        {item.noteToEditor && (
          <>
            <dt>{t("noteToEditor")}</dt>
            <dd>{item.noteToEditor}</dd>
          </>
        )}
      </dl>
      <article className="card">
        <RichTextView paragraphs={docToParagraphs(item.body)} source={item.source} />
      </article>
      {item.status === "submitted" && <DecideForm id={item.id} version={item.version} />}
      <Timeline entries={itemHistory(actor, item.id)} />
    </section>
  );
}

import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ItemForm } from "@/components/item/item-form";
import { RichTextView } from "@/components/item/rich-text-view";
import { StatusBadge } from "@/components/item/status-badge";
import { Timeline } from "@/components/item/timeline";
import { WithdrawButton } from "@/components/item/withdraw-button";
import { requirePageActor } from "@/lib/auth/session";
import { AppError } from "@/lib/data/errors";
import { getItem, itemHistory, TITLE_MAX } from "@/lib/data/items";
import { currentPublication, listCatalogue } from "@/lib/data/publication";
import { idSchema } from "@/lib/data/validation";
import { docToParagraphs, richDocLength } from "@/lib/editor/schema";

export default async function ItemPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ submitted?: string }> }) {
  const actor = await requirePageActor("contributor");
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  let item;
  try {
    item = getItem(actor, id.data);
  } catch (e) {
    if (e instanceof AppError) notFound();
    throw e;
  }
  // A contributor who also works at the desk still sees only their own unit's items here.
  if (item.unitId !== actor.unitId) notFound();
  const [t, ts] = await Promise.all([getTranslations("item"), getTranslations("itemStatus")]);
  const editable = item.status === "draft" || item.status === "returned";
  const history = itemHistory(actor, item.id);
  const { submitted } = await searchParams;
  return (
    <section>
      <div className="title-row">
        <h1>{editable ? t("editTitle") : item.title}</h1>
        <StatusBadge status={item.status} label={ts(item.status)} />
      </div>
      {submitted && item.status === "submitted" && (
        <p role="status" className="ok">
          {t("submittedOk")}
        </p>
      )}
      {item.editorNote && (
        <div className="note" data-testid="editor-note">
          <strong>{t("editorNote")}：</strong>
          {item.editorNote}
        </div>
      )}
      {editable ? (
        <ItemForm
          itemId={item.id}
          version={item.version}
          initial={{
            title: item.title,
            body: item.body,
            source: item.source ?? "",
            suggestedSectionId: item.suggestedSectionId,
            eventDate: item.eventDate ?? "",
            contactName: item.contactName,
            contactPhone: item.contactPhone,
            noteToEditor: item.noteToEditor,
          }}
          initialChars={richDocLength(item.body)}
          sections={listCatalogue(currentPublication().id)
            .filter((s) => s.active)
            .map((s) => ({ id: s.id, title: s.title }))}
          titleMax={TITLE_MAX}
        />
      ) : (
        <article className="card">
          <RichTextView paragraphs={docToParagraphs(item.body)} source={item.source} />
          {item.status === "submitted" && <WithdrawButton id={item.id} version={item.version} label={t("withdraw")} />}
        </article>
      )}
      <Timeline entries={history} />
    </section>
  );
}

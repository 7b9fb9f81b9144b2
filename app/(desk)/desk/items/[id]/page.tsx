import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { DecideForm } from "@/components/desk/decide-form";
import { ItemEditForm } from "@/components/desk/item-edit-form";
import { RichTextView } from "@/components/item/rich-text-view";
import { StatusBadge } from "@/components/item/status-badge";
import { Timeline } from "@/components/item/timeline";
import { requirePageActor } from "@/lib/auth/session";
import { AppError } from "@/lib/data/errors";
import { getItem, itemHistory, itemUnitName, placedIn } from "@/lib/data/items";
import { nextIssueState } from "@/lib/workflow/issue";
import { nextItemState } from "@/lib/workflow/item";
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
  const [t, ts, td, ta] = await Promise.all([getTranslations("item"), getTranslations("itemStatus"), getTranslations("desk"), getTranslations("audit")]);
  const issue = placedIn(actor, item.id);
  const editable = nextItemState(item.status, "save", actor.roles) !== null;
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
      {issue && (
        <p>
          {td("inIssue")}：<Link href={`/desk/issues/${issue.id}`}>{td("issueLabel", { year: issue.year, number: issue.number, total: issue.totalNumber })}</Link>
        </p>
      )}
      {item.status === "submitted" && <DecideForm id={item.id} version={item.version} />}
      {editable && (
        <ItemEditForm
          id={item.id}
          version={item.version}
          locked={!!issue && nextIssueState(issue.status, "edit", actor.roles) === null}
          fields={{
            title: item.title,
            body: item.body,
            source: item.source,
            suggestedSectionId: item.suggestedSectionId,
            eventDate: item.eventDate,
            contactName: item.contactName,
            contactPhone: item.contactPhone,
            noteToEditor: item.noteToEditor,
          }}
        />
      )}
      <p>
        <Link href={`/audit?entity=item&entityId=${item.id}`}>{ta("itemLog")}</Link>
      </p>
      <Timeline entries={itemHistory(actor, item.id)} />
    </section>
  );
}

import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { GuidancePanel } from "@/components/calls/guidance-panel";
import { ItemForm } from "@/components/item/item-form";
import { openCallsForUnit } from "@/lib/data/calls";
import { calendarDay, DATE_TIME, nearDateTime } from "@/lib/i18n/dates";
import { RichTextView } from "@/components/item/rich-text-view";
import { StatusBadge } from "@/components/item/status-badge";
import { DeskChanges } from "@/components/item/desk-changes";
import { Timeline } from "@/components/item/timeline";
import { WithdrawButton } from "@/components/item/withdraw-button";
import { RecognitionPanel } from "@/components/stats/recognition-panel";
import { requirePageActor } from "@/lib/auth/session";
import { issueLabeler } from "@/lib/i18n/issue-label";
import { defaultSource } from "@/lib/data/attribution-default";
import { listUnitNames, myItemView, TITLE_MAX } from "@/lib/data/items";
import { currentPublication, listCatalogue } from "@/lib/data/publication";
import { itemRecognition } from "@/lib/data/recognition";
import { docToParagraphs } from "@/lib/editor/schema";
import { countDoc } from "@/lib/text/count";
import styles from "@/components/item/item-page.module.css";
import { loadPageRecord } from "@/lib/auth/page-record";

export default async function ItemPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ submitted?: string }> }) {
  const actor = await requirePageActor("contributor");
  // Only the actor's own unit's items: a contributor who also works at the desk sees others there.
  const view = await loadPageRecord(params, (id) => myItemView(actor, id));
  const { item, issue } = view;
  const [t, ts, td, tc, tw, format] = await Promise.all([getTranslations("item"), getTranslations("itemStatus"), getTranslations("itemDetail"), getTranslations("calls"), getTranslations("deskEdits"), getFormatter()]);
  const editable = item.status === "draft" || item.status === "returned";
  const openCalls = editable ? openCallsForUnit(actor) : [];
  const { submitted } = await searchParams;
  const issueLabel = issue ? (await issueLabeler({ total: false }))(issue) : null;
  const date = (d: Date | null) => (d ? format.dateTime(d, DATE_TIME) : "—");

  return (
    <section>
      <p className={styles.back}>
        <Link href="/items">← {t("myItemsTitle")}</Link>
      </p>
      <div className="title-row">
        <h1>{editable ? (item.status === "returned" ? td("reviseTitle") : t("editTitle")) : item.title}</h1>
        <StatusBadge status={item.status} label={ts(item.status)} />
      </div>
      {submitted && item.status === "submitted" && (
        <p role="status" className={`ok ${styles.flash}`}>
          {t("submittedOk")}
        </p>
      )}
      <p className={styles.explain} data-testid="status-explanation">
        {item.status === "submitted" && view.editedByDesk ? td("explainSubmittedEdited") : td(`explain.${item.status}`, { issue: issueLabel ?? "" })}
      </p>
      {item.editorNote && (item.status === "returned" || item.status === "declined") && (
        <div className={`note ${styles.editorNote}`} data-testid="editor-note">
          <strong>{item.status === "returned" ? td("returnNote") : td("declineNote")}</strong>
          <p>{item.editorNote}</p>
        </div>
      )}

      <dl className={`meta ${styles.meta}`}>
        <dt>{t("unit")}</dt>
        <dd>{view.unitName}</dd>
        <dt>{t("submittedAt")}</dt>
        <dd>{date(item.submittedAt)}</dd>
        <dt>{t("eventDate")}</dt>
        <dd>{item.eventDate ? calendarDay(format, item.eventDate) : "—"}</dd>
        <dt>{t("section")}</dt>
        <dd>{view.sectionTitle ?? t("sectionNone")}</dd>
        {issueLabel && (
          <>
            <dt>{t("issue")}</dt>
            <dd data-testid="published-in">
              {issueLabel}
              {issue && issue.status !== "distributed" && <span className="hint"> {td("issuePending")}</span>}
            </dd>
          </>
        )}
      </dl>

      {/* Withdrawn after the editor edited it: the editor's changes against what the unit sent. */}
      {view.withdrawnDeskEdit && view.submitted && (
        <DeskChanges id="withdrawn-edits" testId="withdrawn-desk-edits" heading={tw("title")} intro={<p role="status">{tw("intro")}</p>} sent={view.submitted} edited={view.withdrawnDeskEdit} />
      )}
      {editable ? (
        <ItemForm
          itemId={item.id}
          version={item.version}
          status={item.status === "returned" ? "returned" : "draft"}
          deletable={item.status === "draft" && item.submittedAt === null && item.submittedRevisionId === null}
          initial={{
            title: item.title,
            body: item.body,
            source: item.source ?? "",
            suggestedSectionId: item.suggestedSectionId,
            eventDate: item.eventDate ?? "",
            contactName: item.contactName,
            contactPhone: item.contactPhone,
            noteToEditor: item.noteToEditor,
            callId: item.callId,
          }}
          initialChars={countDoc(item.body)}
          sections={listCatalogue(currentPublication().id)
            .filter((s) => s.active)
            .map((s) => ({ id: s.id, title: s.title }))}
          titleMax={TITLE_MAX}
          userId={actor.id}
          unitName={view.unitName}
          sourcePlaceholder={defaultSource(actor)}
          unitNames={listUnitNames()}
          calls={openCalls.map((c) => ({ id: c.call.id, label: `${c.call.topic}（${tc("due", { time: nearDateTime(format, c.call.deadline) })}）` }))}
          guidance={<GuidancePanel calls={openCalls.map((c) => ({ ...c.call, pastDeadline: c.pastDeadline }))} />}
        />
      ) : (
        <>
          <article className={`card ${styles.text}`} aria-labelledby="final-text" data-testid="final-text">
            <h2 id="final-text">{item.status === "published" ? td("publishedText", { issue: issueLabel ?? "" }) : view.editedByDesk ? td("currentText") : td("sentText")}</h2>
            {view.editedByDesk && <h3 className={styles.itemTitle}>{item.title}</h3>}
            <RichTextView paragraphs={docToParagraphs(item.body)} source={item.source} />
          </article>
          {item.status === "submitted" && <WithdrawButton id={item.id} version={item.version} editedByDesk={view.editedByDesk} />}
          {view.editedByDesk && view.submitted && (
            <DeskChanges id="desk-changes" testId="desk-changes" heading={td("changesTitle")} intro={<p className="hint">{td("changesHint")}</p>} sent={view.submitted} edited={view.current} />
          )}
        </>
      )}
      <RecognitionPanel {...itemRecognition(actor, item.id)} />
      <Timeline entries={view.history} />
    </section>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DecideForm } from "@/components/desk/decide-form";
import { DeskItemEditor } from "@/components/desk/desk-item-editor";
import { NearDuplicates } from "@/components/desk/near-duplicates";
import { TitleBreakEditor } from "@/components/desk/title-break-editor";
import { WordListHits } from "@/components/issue/word-list-hits";
import { RichTextView } from "@/components/item/rich-text-view";
import { StatusBadge } from "@/components/item/status-badge";
import { TextDiff } from "@/components/item/text-diff";
import { RecognitionPanel } from "@/components/stats/recognition-panel";
import { Timeline } from "@/components/item/timeline";
import { requirePageActor } from "@/lib/auth/session";
import { getItem, itemFieldsOf, itemHistory, itemUnitName, placedIn, submittedRevision } from "@/lib/data/items";
import { itemRecognition } from "@/lib/data/recognition";
import { charDiff, hasChanges } from "@/lib/editor/diff";
import { docToParagraphs, docToPlainText } from "@/lib/editor/schema";
import { nextIssueState } from "@/lib/workflow/issue";
import { nextItemState } from "@/lib/workflow/item";
import { loadPageRecord } from "@/lib/auth/page-record";
import { issueLabeler } from "@/lib/i18n/issue-label";

export default async function DeskItemPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("editor");
  const item = await loadPageRecord(params, (id) => getItem(actor, id));
  const [t, ts, td, tk, ta, label] = await Promise.all([
    getTranslations("item"),
    getTranslations("itemStatus"),
    getTranslations("itemDetail"),
    getTranslations("desk"),
    getTranslations("audit"),
    issueLabeler(),
  ]);
  const issue = placedIn(actor, item.id);
  const sent = submittedRevision(actor, item);
  const diffs = sent
    ? {
        title: charDiff(sent.title, item.title),
        body: charDiff(docToPlainText(sent.body), docToPlainText(item.body)),
        source: charDiff(sent.source ?? "", item.source ?? ""),
      }
    : null;
  const changed = diffs && (hasChanges(diffs.title) || hasChanges(diffs.body) || hasChanges(diffs.source));
  const editable = nextItemState(item.status, "save", ["editor"]) !== null;
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
          {tk("inIssue")}：<Link href={`/desk/issues/${issue.id}`}>{label(issue)}</Link>
        </p>
      )}
      <NearDuplicates actor={actor} itemId={item.id} submittedAt={item.submittedAt} />
      <WordListHits actor={actor} items={[{ title: item.title, paragraphs: docToParagraphs(item.body).map((p) => p.map((r) => r.text).join("")), source: item.source }]} />
      <RecognitionPanel {...itemRecognition(actor, item.id)} />
      {item.status === "submitted" && <DecideForm id={item.id} version={item.version} />}
      {diffs && changed && sent && (
        <section className="card" aria-labelledby="desk-diff" data-testid="desk-changes">
          <h2 id="desk-diff">{tk("changesSinceSent")}</h2>
          <p className="hint">{td("changesHint")}</p>
          {hasChanges(diffs.title) && (
            <>
              <h3>{t("title")}</h3>
              <TextDiff parts={diffs.title} label={td("titleDiff")} />
            </>
          )}
          {hasChanges(diffs.body) && (
            <>
              <h3>{t("body")}</h3>
              <TextDiff parts={diffs.body} label={td("bodyDiff")} />
            </>
          )}
          {hasChanges(diffs.source) && (
            <>
              <h3>{t("source")}</h3>
              <TextDiff parts={diffs.source} label={td("sourceDiff")} />
            </>
          )}
          <details>
            <summary>{tk("showSent")}</summary>
            <h3>{sent.title}</h3>
            <RichTextView paragraphs={docToParagraphs(sent.body)} source={sent.source} />
          </details>
        </section>
      )}
      {editable && (
        <DeskItemEditor
          id={item.id}
          version={item.version}
          locked={!!issue && nextIssueState(issue.status, "edit", actor.roles) === null}
          fields={itemFieldsOf(item)}
        />
      )}
      {editable && <TitleBreakEditor actor={actor} itemId={item.id} />}
      <p>
        <Link href={`/audit?entity=item&entityId=${item.id}`}>{ta("itemLog")}</Link>
      </p>
      <Timeline entries={itemHistory(actor, item.id)} />
    </section>
  );
}

import { getTranslations } from "next-intl/server";
import { Fragment } from "react";
import { charDiff, hasChanges } from "@/lib/editor/diff";
import { TextDiff } from "./text-diff";
import styles from "./item-page.module.css";

type Text = { title: string; body: string; source: string | null };

/**
 * What the editor changed, against the text the unit sent: a diff per field that changed (title,
 * body, attribution), and the sent text behind 查看本单位报送的原稿. Server component; used for an
 * item the desk edited and for a draft withdrawn after the desk's edit.
 */
export async function DeskChanges({ id, testId, heading, intro, sent, edited }: { id: string; testId: string; heading: string; intro: React.ReactNode; sent: Text; edited: Text }) {
  const [t, td] = await Promise.all([getTranslations("item"), getTranslations("itemDetail")]);
  const diffs = [
    ["title", charDiff(sent.title, edited.title), td("titleDiff")],
    ["body", charDiff(sent.body, edited.body), td("bodyDiff")],
    ["source", charDiff(sent.source ?? "", edited.source ?? ""), td("sourceDiff")],
  ] as const;
  return (
    <section className="card" aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{heading}</h2>
      {intro}
      {diffs.map(([field, parts, label]) =>
        hasChanges(parts) ? (
          <Fragment key={field}>
            <h3>{t(field)}</h3>
            <TextDiff parts={parts} label={label} />
          </Fragment>
        ) : null,
      )}
      <details className={styles.original}>
        <summary>{td("showSent")}</summary>
        <h3>{sent.title}</h3>
        <p className={styles.plain}>{sent.body}</p>
      </details>
    </section>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { IssueExports } from "@/components/office/issue-exports";
import { RegisterEntry } from "@/components/register/register-entry";
import { requirePageActor } from "@/lib/auth/session";
import { highlightHtml } from "@/lib/bulletin/highlight";
import { bulletinToPrintHtml } from "@/lib/bulletin/print-html";
import { issueDocument } from "@/lib/data/issues";
import { registerEntriesForIssue } from "@/lib/data/register";
import { searchTerms } from "@/lib/data/search";
import styles from "@/components/register/register.module.css";
import { loadPageRecord } from "@/lib/auth/page-record";
import { issueLabeler } from "@/lib/i18n/issue-label";

/** An archived issue read in the page: its print view, with the search terms marked, and its register entry. */
export default async function ArchiveReadPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ q?: string }> }) {
  const actor = await requirePageActor("office", "editor", "reviewer", "signer", "admin");
  const q = ((await searchParams).q ?? "").trim().slice(0, 100);
  const loaded = await loadPageRecord(params, (id) => issueDocument(actor, id));
  const { issue, doc } = loaded;
  const [t, tr, labelOf] = await Promise.all([getTranslations("archiveRead"), getTranslations("register"), issueLabeler()]);
  const label = labelOf(issue);
  const terms = searchTerms(q).filter((x) => [...x].length >= 2);
  const { html, hits } = highlightHtml(bulletinToPrintHtml(doc), terms);
  return (
    <section>
      <p>
        <Link href="/office/archive">{t("back")}</Link>
      </p>
      <h1>{t("title", { label })}</h1>
      <form method="get" className={styles.yearForm}>
        <label htmlFor="read-q">{t("highlight")}</label>{" "}
        <input id="read-q" name="q" type="search" defaultValue={q} maxLength={100} /> <button type="submit">{t("apply")}</button>{" "}
        {terms.length > 0 && (
          <span role="status" data-testid="read-hits">
            {t("hits", { count: hits })}
          </span>
        )}
      </form>
      <IssueExports issueId={issue.id} />
      <div className="arrange">
        <div className="preview-pane">
          {/* The same renderer as the PDF; sandboxed (no script), same origin so its fonts load. */}
          <iframe title={t("frame")} srcDoc={html} sandbox="allow-same-origin" className="print-frame" data-testid="read-frame" />
        </div>
        <aside>
          <h2>{tr("entryTitle")}</h2>
          <RegisterEntry entries={registerEntriesForIssue(actor, issue.id)} />
        </aside>
      </div>
    </section>
  );
}

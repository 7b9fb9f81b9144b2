"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { ArrangeChange, BoardView } from "@/lib/data/arrange";
import { StoredTextNotice, useCleanedOnLoad } from "@/components/ui/stored-text-notice";

/** The issue's 版记 (footer): mailbox, editor, reviewer, distribution and the printing line. */
export function FooterForm({ board, disabled, onSave }: { board: BoardView; disabled: boolean; onSave: (c: ArrangeChange) => void }) {
  const t = useTranslations("desk");
  const uid = useId();
  // A footer stored before the text rule (a default distribution list with a no-break space) is
  // cleaned here and said, so saving it unchanged is not refused.
  const stored = useCleanedOnLoad({
    mailbox: board.issue.mailbox,
    editorName: board.issue.editorName,
    reviewerName: board.issue.reviewerName,
    distribution: board.issue.distribution.join("\n"),
    printedBy: board.issue.printedBy ?? "",
    printedDate: board.issue.printedDate ?? "",
    printRun: board.issue.printRun === null ? "" : String(board.issue.printRun),
  });
  const [v, setV] = useState(stored.value);
  const field = (name: "mailbox" | "editorName" | "reviewerName" | "printedBy" | "printedDate" | "printRun", type = "text") => (
    <div className="field">
      <label htmlFor={`${uid}-${name}`}>{t(`footer.${name}`)}</label>
      <input
        id={`${uid}-${name}`}
        type={type}
        min={type === "number" ? 1 : undefined}
        value={v[name]}
        disabled={disabled}
        onChange={(e) => setV({ ...v, [name]: e.target.value })}
      />
    </div>
  );
  return (
    <form
      className="card form"
      aria-labelledby={`${uid}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        onSave({
          op: "footer",
          mailbox: v.mailbox.trim(),
          editorName: v.editorName.trim(),
          reviewerName: v.reviewerName.trim(),
          distribution: v.distribution.split("\n").map((s) => s.trim()).filter(Boolean),
          printedBy: v.printedBy.trim() || null,
          printedDate: v.printedDate || null,
          printRun: v.printRun.trim() === "" ? null : Number(v.printRun),
        });
      }}
    >
      <h2 id={`${uid}-h`}>{t("footer.title")}</h2>
      <StoredTextNotice notices={stored.notices} onDismiss={stored.dismiss} testId="footer-cleaned" />
      <div className="field-row">
        {field("mailbox")}
        {field("editorName")}
        {field("reviewerName")}
      </div>
      <div className="field">
        <label htmlFor={`${uid}-dist`}>{t("footer.distribution")}</label>
        <textarea id={`${uid}-dist`} rows={4} value={v.distribution} disabled={disabled} onChange={(e) => setV({ ...v, distribution: e.target.value })} />
      </div>
      <p className="hint">{t("footer.printedHint")}</p>
      <div className="field-row">
        {field("printedBy")}
        {field("printedDate", "date")}
        {field("printRun", "number")}
      </div>
      <button type="submit" disabled={disabled}>
        {t("footer.save")}
      </button>
    </form>
  );
}

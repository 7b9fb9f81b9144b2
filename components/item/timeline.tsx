import { getFormatter, getTranslations } from "next-intl/server";
import { auditKind } from "@/components/audit/labels";
import type { AuditEntry } from "@/db/schema";
import { messageFor } from "@/lib/i18n/dynamic";

/** The stored name of changes nobody made by hand (lib/data/audit.ts): shown in the reader's language. */
const SYSTEM = "系统";

interface Row {
  entry: AuditEntry;
  /** How many saves in a row by one person this line stands for. */
  edits: number;
  first: Date;
}

/** Consecutive saves by one person read as one line: nobody wants forty 「修改」 in a row. */
function group(entries: AuditEntry[]): Row[] {
  const rows: Row[] = [];
  for (const e of entries) {
    const prev = rows[rows.length - 1];
    // Only saves of text fold together; placing or moving items are steps of their own.
    const kind = auditKind(e.action, e.detail);
    if (prev && (kind === "edit" || kind === "edit_item_text") && prev.entry.actorId === e.actorId && kind === auditKind(prev.entry.action, prev.entry.detail)) {
      rows[rows.length - 1] = { entry: e, edits: prev.edits + 1, first: prev.first };
      continue;
    }
    rows.push({ entry: e, edits: e.action === "edit" ? 1 : 0, first: e.at });
  }
  return rows;
}

/** Who did what and when, from the audit log. */
export async function Timeline({ entries, title }: { entries: AuditEntry[]; title?: string }) {
  const [t, format, tItem, tl] = await Promise.all([getTranslations("audit"), getFormatter(), getTranslations("item"), getTranslations("itemTimeline")]);
  const heading = title ?? tItem("timeline");
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section className="timeline" aria-label={heading}>
      <h2>{heading}</h2>
      <ol data-testid="timeline">
        {group(entries).map(({ entry: e, edits, first }) => {
          const note = typeof e.detail?.note === "string" ? e.detail.note : typeof e.detail?.comment === "string" ? e.detail.comment : null;
          const what =
            e.action === "submit" && e.fromState === "returned"
              ? tl("resubmit")
              : e.action === "withdraw"
                ? tl("withdraw")
                : (messageFor(t, auditKind(e.action, e.detail)) ?? messageFor(t, e.action) ?? e.action);
          return (
            <li key={e.id} data-action={e.action}>
              <time dateTime={e.at.toISOString()}>{when(e.at)}</time> <span className="who">{e.actorId === null && e.actorName === SYSTEM ? t("systemActor") : e.actorName}</span> <span className="what">{what}</span>
              {edits > 1 && <span className="detail">{tl("edits", { count: edits, since: when(first) })}</span>}
              {note && <span className="detail">：{note}</span>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

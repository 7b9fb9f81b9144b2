import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { issues, items, placements } from "@/db/schema";
import { currentTitleBreaks } from "@/lib/bulletin/title-breaks";
import { titleBreaksProblem, titleLines, type TitleWord } from "@/lib/bulletin/title-lines";
import { titleWords } from "@/lib/bulletin/title-words";
import { TITLE_LINE_CELLS } from "@/lib/bulletin/print-html";
import { textLine } from "@/lib/text/rule";
import { nextIssueState } from "@/lib/workflow/issue";
import { type Actor, requireRole } from "./actor";
import { audit } from "./audit";
import { AppError } from "./errors";
import { getItem } from "./items";
import { noteContentChange } from "./signoff";

const jsonId = z.number("invalid").int("invalid").positive("invalid").max(2 ** 31, "invalid");

/**
 * Setting an item title's manual breaks: the title as the editor's page showed it (a title changed
 * since is refused, so offsets never land on another text) and the offsets where a printed line
 * starts, [] for automatic breaks.
 */
export const setTitleBreaksSchema = z
  .object({
    itemId: jsonId,
    title: textLine({ label: "标题", max: 200, required: "title_required", tooLong: "too_long", noMarkup: true }),
    breaks: z.array(z.number("invalid").int("invalid").min(1, "invalid").max(199, "invalid"), "invalid").max(10, "too_long"),
  })
  .strict();

/** What the break editor shows: the title's words, the breaks that hold now, those an edit of the title dropped, and the printed lines. */
export interface TitleBreakView {
  itemId: number;
  title: string;
  words: TitleWord[];
  breaks: number[];
  /** Text before each manual break that a change of the title dropped (the editor is told). */
  dropped: string[];
  /** The title as printed now (manual breaks, elsewhere automatic). */
  lines: string[];
  /** Characters a printed title line holds (TITLE_LINE_CELLS). */
  cells: number;
  /** False while the item's issue is in review or approved (no printed change then). */
  editable: boolean;
}

function issueOf(itemId: number) {
  return db.select({ id: issues.id, status: issues.status }).from(placements).innerJoin(issues, eq(issues.id, placements.issueId)).where(eq(placements.itemId, itemId)).get() ?? null;
}

/** The break editor's view of an item's title. Desk (editor) only. */
export function titleBreakView(actor: Actor, itemId: number): TitleBreakView {
  requireRole(actor, "editor");
  const item = getItem(actor, itemId);
  const { at, dropped } = currentTitleBreaks(item.title, item.titleBreaks);
  const words = titleWords(item.title);
  const issue = issueOf(item.id);
  return {
    itemId: item.id,
    title: item.title,
    words,
    breaks: at,
    dropped,
    lines: titleLines(item.title, TITLE_LINE_CELLS, { words, breaks: at }),
    cells: TITLE_LINE_CELLS,
    editable: !issue || nextIssueState(issue.status, "edit", actor.roles) !== null,
  };
}

/**
 * Sets (or, with [], clears) an item title's manual breaks. Desk (editor) only; refused while the
 * item's issue is in review or approved, when the title changed since the page was loaded, and
 * for offsets that do not fit the title or that the line breaker would not take (inside a quoted
 * name, inside a short compound such as 在|京; titleBreaksProblem with the title's words): a
 * Chinese message naming the place, and nothing changes.
 * Writes an item audit row and, for a placed item, an issue edit row, and marks the issue's
 * content changed (a break changes what prints).
 */
export function setTitleBreaks(actor: Actor, input: z.infer<typeof setTitleBreaksSchema>): TitleBreakView {
  requireRole(actor, "editor");
  const item = getItem(actor, input.itemId);
  if (item.title !== input.title) throw new AppError("title_changed");
  const breaks = input.breaks;
  // Only where the line breaker takes a word boundary (the places the desk offers).
  const problem = titleBreaksProblem(item.title, breaks, titleWords(item.title), TITLE_LINE_CELLS);
  if (problem) throw new AppError("title_breaks_invalid", { detail: problem }, "breaks");
  db.transaction((tx) => {
    const issue = tx.select({ id: issues.id, status: issues.status }).from(placements).innerJoin(issues, eq(issues.id, placements.issueId)).where(eq(placements.itemId, item.id)).get();
    if (issue && nextIssueState(issue.status, "edit", actor.roles) === null) throw new AppError("not_allowed_now");
    tx.update(items)
      .set({ titleBreaks: breaks.length ? { title: item.title, at: breaks } : null })
      .where(eq(items.id, item.id))
      .run();
    const lines = titleLines(item.title, TITLE_LINE_CELLS, { words: titleWords(item.title), breaks });
    audit(tx, actor, { entity: "item", entityId: item.id, action: "title_breaks", detail: { title: item.title, breaks, lines } });
    if (issue) {
      audit(tx, actor, { entity: "issue", entityId: issue.id, action: "edit", detail: { action: "title_breaks", itemId: item.id, lines } });
      noteContentChange(tx, issue.id, actor.id);
    }
  });
  return titleBreakView(actor, item.id);
}

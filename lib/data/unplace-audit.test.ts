import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, items, placements } from "@/db/schema";
import { demoActor, errorCode } from "@/lib/testing/fixtures";
import type { Actor } from "./actor";
import { arrangeIssue } from "./arrange";
import { createIssue, proposeNextIssue } from "./issues";
import { decideItem } from "./items";

/** Audit rows of one entity and action, oldest first. */
const rows = (entity: "item" | "issue", entityId: number, action: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId), eq(auditLog.action, action)))
    .orderBy(auditLog.id)
    .all();

let editor: Actor;
beforeAll(() => {
  editor = demoActor("editor");
});

describe("taking an item out of an issue (unplace)", () => {
  it("writes one audit row for the item (placed → accepted, with the issue) and one for the issue, in the same change", () => {
    const submitted = db.select().from(items).where(eq(items.status, "submitted")).get()!;
    const accepted = decideItem(editor, { id: submitted.id, version: submitted.version, decision: "accept", note: "" });
    let issue = createIssue(editor, proposeNextIssue(editor, "2026-12-15"));
    issue = arrangeIssue(editor, { issueId: issue.id, version: issue.version, change: { op: "place", itemId: accepted.id, sectionTitle: "科普工作", inToc: true } });
    const itemBefore = rows("item", accepted.id, "unplace").length;
    const issueBefore = rows("issue", issue.id, "edit").length;

    // A refused unplace (a stale version) changes nothing and writes no row.
    expect(errorCode(() => arrangeIssue(editor, { issueId: issue.id, version: issue.version - 1, change: { op: "unplace", itemId: accepted.id } }))).toBe("board_conflict");
    expect(rows("item", accepted.id, "unplace")).toHaveLength(itemBefore);

    arrangeIssue(editor, { issueId: issue.id, version: issue.version, change: { op: "unplace", itemId: accepted.id } });
    expect(db.select().from(placements).where(eq(placements.itemId, accepted.id)).all()).toEqual([]);
    expect(db.select({ s: items.status }).from(items).where(eq(items.id, accepted.id)).get()?.s).toBe("accepted");

    const itemRows = rows("item", accepted.id, "unplace");
    expect(itemRows).toHaveLength(itemBefore + 1);
    expect(itemRows.at(-1)).toMatchObject({ actorId: editor.id, actorName: editor.displayName, fromState: "placed", toState: "accepted", detail: { issueId: issue.id } });
    const issueRows = rows("issue", issue.id, "edit");
    expect(issueRows).toHaveLength(issueBefore + 1);
    expect(issueRows.at(-1)).toMatchObject({ actorId: editor.id, detail: { action: "unplace", itemId: accepted.id } });
  });
});

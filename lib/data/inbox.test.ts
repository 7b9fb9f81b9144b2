import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, items } from "@/db/schema";
import { demoActor, errorCode } from "@/lib/testing/fixtures";
import type { Actor } from "./actor";
import zhDesk from "@/lib/i18n/messages/zh-CN/desk.json";
import zhItem from "@/lib/i18n/messages/zh-CN/item.json";
import { inboxFilterFromParams, inboxFilterSchema, listInbox } from "./inbox";
import { decideItems, decideItemsSchema } from "./items";

const actor = demoActor;
const code = errorCode;
const snapshot = () => ({
  items: db.select({ id: items.id, status: items.status, version: items.version, note: items.editorNote }).from(items).all(),
  audit: db.select({ n: sql<number>`count(*)` }).from(auditLog).get()?.n,
});

let editor: Actor, changping: Actor;
beforeAll(() => {
  [editor, changping] = ["editor", "changping"].map(actor);
});

describe("inbox", () => {
  it("filters by status, unit and text, and counts per status under the other filters", () => {
    const all = listInbox(editor, inboxFilterSchema.parse({}));
    expect(all.rows.length).toBeGreaterThanOrEqual(14);
    // The first-start archive puts published items in "all" too: filter from a submitted one.
    const first = all.rows.find((r) => r.status === "submitted");
    if (!first) throw new Error("no submitted item in the demo inbox");
    const byTitle = listInbox(editor, inboxFilterSchema.parse({ q: first.title.slice(2, 8) }));
    expect(byTitle.rows.map((r) => r.id)).toContain(first.id);
    const unitId = db.select({ u: items.unitId }).from(items).where(eq(items.id, first.id)).get()!.u;
    const byUnit = listInbox(editor, inboxFilterSchema.parse({ unitId: String(unitId), status: "submitted" }));
    expect(byUnit.rows.every((r) => r.unitName === first.unitName && r.status === "submitted")).toBe(true);
    expect(byUnit.counts.submitted).toBe(byUnit.rows.length);
    const none = listInbox(editor, inboxFilterSchema.parse({ q: "绝对不会出现的词语" }));
    expect(none.rows).toEqual([]);
    expect(listInbox(editor, inboxFilterSchema.parse({ from: "2999-01-01" })).rows).toEqual([]);
    const desc = listInbox(editor, inboxFilterSchema.parse({ sort: "submitted_desc" })).rows.map((r) => r.id);
    expect(desc[0]).toBe(all.rows[all.rows.length - 1].id);
    expect(inboxFilterSchema.safeParse({ from: "2023-02-30" }).success).toBe(false);
    expect(code(() => listInbox(changping))).toBe("forbidden");
  });

  it("opens on what waits for a decision, newest first; the URL overrides", () => {
    const opening = inboxFilterFromParams({});
    expect(opening).toMatchObject({ filter: { status: "submitted", sort: "submitted_desc" }, tab: "submitted", ok: true });
    const rows = listInbox(editor, opening.filter).rows;
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.every((r) => r.status === "submitted")).toBe(true);
    const times = rows.map((r) => r.submittedAt!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // status=all: every status; an explicit status and sort win over the defaults.
    expect(inboxFilterFromParams({ status: "all" })).toMatchObject({ filter: { status: undefined, sort: "submitted_desc" }, tab: "all" });
    expect(inboxFilterFromParams({ status: "accepted", sort: "title" })).toMatchObject({ filter: { status: "accepted", sort: "title" }, tab: "accepted" });
    expect(new Set(listInbox(editor, inboxFilterFromParams({ status: "all" }).filter).rows.map((r) => r.status)).size).toBeGreaterThan(1);
    // A malformed URL: the opening filter, and ok false (the page says so).
    expect(inboxFilterFromParams({ status: "nonsense" })).toMatchObject({ filter: { status: "submitted", sort: "submitted_desc" }, ok: false });
    // …and what it says names that filter, not 全部稿件 (the opening view is no longer every item).
    const said = zhDesk.desk.badFilter;
    expect(said).toContain(zhItem.itemStatus.submitted);
    expect(said).not.toContain("全部");
  });

  it("bulk decisions are all or nothing; return needs a note; contributors cannot decide", () => {
    const submitted = listInbox(editor, inboxFilterSchema.parse({ status: "submitted" })).rows.slice(0, 3);
    const refs = submitted.map((r) => ({ id: r.id, version: r.version }));
    expect(decideItemsSchema.safeParse({ items: refs, decision: "return", note: " " }).success).toBe(false);
    const before = snapshot();
    const stale = [...refs.slice(0, 2), { ...refs[2], version: refs[2].version + 5 }];
    expect(code(() => decideItems(editor, decideItemsSchema.parse({ items: stale, decision: "accept", note: "" })))).toBe("conflict");
    expect(code(() => decideItems(changping, decideItemsSchema.parse({ items: refs, decision: "accept", note: "" })))).toBe("forbidden");
    expect(snapshot()).toEqual(before);
    const done = decideItems(editor, decideItemsSchema.parse({ items: refs, decision: "return", note: "请补充时间地点" }));
    expect(done.map((i) => i.status)).toEqual(["returned", "returned", "returned"]);
    expect(done.every((i) => i.editorNote === "请补充时间地点")).toBe(true);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { bulkSeed } from "@/lib/testing/bulk-seed";
import { demoActor } from "@/lib/testing/fixtures";
import type { Actor } from "./actor";
import { countAudit, listAudit } from "./audit-log";
import { inboxFilterSchema, listInbox } from "./inbox";
import { issueYears, listIssues } from "./issues";
import { countMyItems, listMyItems } from "./items";
import { countNotifications, listNotifications } from "./notifications";
import { PAGE_SIZE, pageOf, pageParam } from "./paging";

let editor: Actor, office: Actor, admin: Actor, unit: Actor;
beforeAll(() => {
  bulkSeed(db.$client, { items: 3_000, issues: 120, perIssue: 4, contributors: 2 });
  [editor, office, admin, unit] = ["editor", "office", "admin", "bench01"].map(demoActor);
});

describe("paging", () => {
  it("pageOf clamps to the pages there are; ?page= takes only a positive integer", () => {
    expect(pageOf(0, 3)).toMatchObject({ page: 1, pages: 1, offset: 0 });
    expect(pageOf(101, 3, 50)).toMatchObject({ page: 3, pages: 3, offset: 100 });
    expect(pageOf(101, 9, 50)).toMatchObject({ page: 3, pages: 3 });
    for (const bad of ["0", "-2", "abc", "1.5", ""]) expect(pageParam.parse(bad), bad).toBeUndefined();
    expect(pageParam.parse("7")).toBe(7);
  });

  it("the inbox pages through every row of the tab exactly once, under the filters, with the tab's count", () => {
    const first = listInbox(editor, inboxFilterSchema.parse({ status: "submitted" }));
    expect(first.page.total).toBe(first.counts.submitted);
    expect(first.rows).toHaveLength(PAGE_SIZE);
    const seen = new Set<number>();
    for (let p = 1; p <= first.page.pages; p++) {
      const { rows } = listInbox(editor, inboxFilterSchema.parse({ status: "submitted", page: String(p) }));
      for (const r of rows) {
        expect(r.status).toBe("submitted");
        expect(seen.has(r.id)).toBe(false);
        seen.add(r.id);
      }
    }
    expect(seen.size).toBe(first.counts.submitted);
  });

  it("a unit's list pages by its counts; notifications page by theirs", () => {
    const counts = countMyItems(unit);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const last = pageOf(total, 999);
    expect(listMyItems(unit, { page: last })).toHaveLength(total - last.offset);
    const n = countNotifications(unit);
    expect(n).toBeGreaterThan(0);
    expect(listNotifications(unit, pageOf(n, 1, 10)).length).toBe(Math.min(10, n));
  });

  it("the archive by year and by page; the years' counts add up to the issues", () => {
    const years = issueYears(office, { status: "distributed" });
    const all = listIssues(office, { status: "distributed" });
    expect(years.reduce((n, y) => n + y.count, 0)).toBe(all.length);
    expect(listIssues(office, { status: "distributed", year: years[1].year })).toHaveLength(years[1].count);
    const page2 = listIssues(office, { status: "distributed", page: pageOf(all.length, 2) });
    expect(page2.map((r) => r.id)).toEqual(all.slice(PAGE_SIZE, 2 * PAGE_SIZE).map((r) => r.id));
    expect(page2.every((r) => r.status === "distributed")).toBe(true);
  });

  it("the audit count is the rows the log holds, filtered or not", () => {
    const n = (db.$client.prepare("select count(*) n from audit_log").get() as { n: number }).n;
    expect(countAudit(admin, {})).toBe(n);
    const issueId = listIssues(editor)[0].id;
    expect(countAudit(editor, { entity: "issue", entityId: issueId })).toBe(
      (db.$client.prepare("select count(*) n from audit_log where entity = 'issue' and entity_id = ?").get(issueId) as { n: number }).n,
    );
    expect(listAudit(admin, {})).toHaveLength(100);
  });
});

describe("the inbox's counts kept by triggers", () => {
  it("match a count of the items after creating, submitting, deciding and withdrawing", async () => {
    const { createItem, decideItem, submitItem, withdrawItem } = await import("./items");
    const { itemFields } = await import("@/lib/testing/fixtures");
    const real = () =>
      Object.fromEntries((db.$client.prepare("select status, count(*) n from items group by status").all() as { status: string; n: number }[]).map((r) => [r.status, r.n]));
    const kept = () =>
      Object.fromEntries((db.$client.prepare("select status, n from item_status_counts where n > 0").all() as { status: string; n: number }[]).map((r) => [r.status, r.n]));
    expect(kept()).toEqual(real());
    const changping = demoActor("changping");
    const a = createItem(changping, itemFields("计数一"));
    const b = createItem(changping, itemFields("计数二"));
    const sa = submitItem(changping, { id: a.id, version: a.version });
    const sb = submitItem(changping, { id: b.id, version: b.version });
    decideItem(editor, { id: sa.id, version: sa.version, decision: "accept", note: "" });
    withdrawItem(changping, { id: sb.id, version: sb.version });
    expect(kept()).toEqual(real());
    const { counts } = listInbox(editor);
    for (const [status, n] of Object.entries(real())) if (status !== "draft") expect(counts[status as "submitted"], status).toBe(n);
  });
});

describe("the inbox search off the server thread", () => {
  it("answers exactly what the synchronous path answers, on its own connection", async () => {
    const { listInboxOffThread } = await import("./inbox");
    const { stopReader } = await import("@/lib/jobs/read-off-thread");
    const { BULK_SEARCH_WORD } = await import("@/lib/testing/bulk-seed");
    for (const filter of [{ q: BULK_SEARCH_WORD }, { q: BULK_SEARCH_WORD, status: "declined" as const, page: 1 }, { q: "科普", sort: "unit" as const, page: 2 }, { q: "科普", from: "2015-01-01", to: "2020-12-31" }, {}]) {
      const sync = listInbox(editor, filter);
      const off = await listInboxOffThread(editor, filter);
      expect(off, JSON.stringify(filter)).toEqual(sync);
    }
    expect(listInbox(editor, { q: BULK_SEARCH_WORD }).page.total).toBeGreaterThan(0);
    await stopReader();
  });
});

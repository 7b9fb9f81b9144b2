// The inbox's search box through the FTS5 indexes (lib/data/text-match.ts), on a real SQLite file
// with the real migrations and the demo data: every query shape is compared with what a user
// expects — the items whose title, body text or attribution contain every term — computed here
// from the items themselves, and FTS5 syntax typed into the box is text, never an error.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { demoActor, errorCode, itemFields } from "@/lib/testing/fixtures";
import type { Actor } from "./actor";
import { inboxFilterSchema, listInbox, listInboxOffThread } from "./inbox";
import { and, ne } from "drizzle-orm";
import { items } from "@/db/schema";
import { createItem, decideItems, submitItem } from "./items";
import { itemTextMatch } from "./text-match";

let editor: Actor, changping: Actor, dongcheng: Actor;
const made: Record<string, number> = {};

function sent(actor: Actor, key: string, title: string, paragraphs: string[], source = "昌平区科协") {
  const item = createItem(actor, { ...itemFields(title, paragraphs), source });
  made[key] = submitItem(actor, { id: item.id, version: item.version }).id;
  return made[key];
}

beforeAll(() => {
  [editor, changping, dongcheng] = ["editor", "changping", "dongcheng"].map(demoActor);
  sent(changping, "rare", "燚光社区举办星空观测夜", ["回龙观社区邀请天文爱好者讲解星座，别开生面。"]);
  sent(changping, "latin", "5G基站进社区科普", ["活动介绍了 NEAR 场通信与 OR 门电路，型号\"X-1\"*测试顺利，时间2025年。"]);
  sent(dongcheng, "quote", "东城区举办“科普*讲座”", ["讲座主题：a\"b 与 c-d。"], "东城区科协");
  sent(dongcheng, "split", "东城区星光夜跑", ["夜跑沿星", "座大道进行。"], "东城区科协");
  // A draft with the same words: never in the inbox.
  createItem(changping, itemFields("燚光草稿星座", ["别开生面的草稿"]));
  // One of the made items accepted, so the status counts have two statuses to count.
  const rare = listInbox(editor, { q: "燚光" }).rows[0];
  decideItems(editor, { items: [{ id: rare.id, version: rare.version }], decision: "accept", note: "" });
});

/** The text the indexes hold for each sent item, as a user reads it: title, body text, attribution. */
function sentTexts(): { id: number; status: string; text: string }[] {
  return db.$client
    .prepare(
      `select i.id, i.status, i.title || char(10) || coalesce((select group_concat(j.value, '') from json_tree(i.body) j where j.key = 'text'), '') || char(10) || coalesce(i.source, '') as text
       from items i where i.status <> 'draft'`,
    )
    .all() as { id: number; status: string; text: string }[];
}

/** What the user expects: every term occurs (Latin letters without regard to case). */
function expected(q: string): number[] {
  const terms = q.split(/[\s\u3000]+/).filter(Boolean);
  return sentTexts()
    .filter((r) => terms.every((t) => r.text.toLowerCase().includes(t.toLowerCase())))
    .map((r) => r.id)
    .sort((a, b) => a - b);
}

/** Every id the inbox lists for q (all pages), sorted. */
function found(q: string, extra: Record<string, string> = {}): number[] {
  const ids: number[] = [];
  for (let page = 1; ; page++) {
    const r = listInbox(editor, inboxFilterSchema.parse({ q, ...extra, page: String(page) }));
    ids.push(...r.rows.map((x) => x.id));
    if (page >= r.page.pages) break;
  }
  return ids.sort((a, b) => a - b);
}

describe("inbox search through the FTS5 indexes", () => {
  it("finds exactly the items a substring search finds, for 1, 2, 3 and more characters and several terms", () => {
    const shapes = [
      "燚", // 1 character, rare
      "科", // 1 character, in most items
      "星座", // 2 characters
      "科普", // 2 characters, common
      "星空观", // 3 characters (trigram)
      "别开生面", // 4
      "青少年科技创新", // long
      "星座 别开生面", // two terms, both must occur
      "星空 燚", // 2 + 1
      "科普 社区 活动", // three terms
      "5G基站", // Latin, digit and Han
      "5g", // case-insensitive Latin
      "2025年",
      "x-1", // in a body, Latin lower case
      "昌平区科协", // an attribution
      "不存在的词语组合",
    ];
    for (const q of shapes) expect([q, found(q)]).toEqual([q, expected(q)]);
    expect(found("燚")).toContain(made.rare);
    expect(found("5g基站")).toEqual([made.latin]);
    expect(found("星座 别开生面")).toEqual([made.rare]);
    expect(found("星座")).toContain(made.split); // 星 and 座 in two paragraphs, read as one text
  });

  it("both ways of reading the hits (by primary key for few, along the list's index for many) find the same items", () => {
    for (const q of ["燚", "科", "星座", "科普", "别开生面", "星空 燚", "科普 社区 活动", "5G基站", '"X-1"*', "OR 门电路"]) {
      const ids = (fewHits: number) => {
        const cond = itemTextMatch(q, fewHits);
        if (!cond || cond === "none") throw new Error(q);
        return db.select({ id: items.id }).from(items).where(and(ne(items.status, "draft"), cond)).all().map((r) => r.id).sort((a, b) => a - b);
      };
      expect([q, ids(0)]).toEqual([q, expected(q)]);
      expect([q, ids(Infinity)]).toEqual([q, expected(q)]);
    }
  });

  it("treats quotes, *, -, NEAR, OR and other FTS5 syntax as text: no error, no operator", () => {
    // As whole terms of three or more characters they are exact substrings.
    expect(found('"X-1"*')).toEqual([made.latin]);
    expect(found('a"b')).toEqual([made.quote]);
    expect(found("科普*讲座")).toEqual([made.quote]);
    expect(found("c-d")).toEqual([made.quote]);
    expect(found("NEAR")).toEqual(expected("NEAR"));
    expect(found("NEAR")).toContain(made.latin);
    // OR is a term like any other: both sides must still occur (OR as an operator would add every 星座 item).
    expect(found("星座 OR 别开生面")).toEqual([]);
    expect(found("OR 门电路")).toEqual([made.latin]);
    expect(found("星座 AND 燚光")).toEqual([]);
    expect(found("NOT 星座")).toEqual(expected("NOT 星座"));
    // Operators and punctuation that would be FTS5 syntax errors, alone or around words.
    const hostile = ['"', '""', "*", "-", "^", "(", ")", ":", "NEAR(", "NEAR(星座 燚光, 2)", '"星座', "星座*", "-星座", "星座 -", "{a b}", "text:星座", "+", "\\", "'", "%", "_"];
    for (const q of hostile) {
      const r = listInbox(editor, inboxFilterSchema.parse({ q }));
      expect(r.rows.length, q).toBe(r.page.total > 50 ? 50 : r.page.total);
    }
    // Punctuation alone (1–2 characters) is not searchable: nothing is listed, not everything.
    for (const q of ['"', "*", "-", "--", "()"]) expect(listInbox(editor, inboxFilterSchema.parse({ q })).page.total, q).toBe(0);
    // A term wholly in quotes is the term; in a short term, punctuation is ignored.
    expect(found('"星座"')).toEqual(expected("星座"));
    expect(found("“别开生面”")).toEqual(expected("别开生面"));
  });

  it("keeps the other filters, the counts per status and the paging", () => {
    const q = "星座";
    const all = listInbox(editor, inboxFilterSchema.parse({ q }));
    const texts = sentTexts().filter((r) => r.text.includes(q));
    const byStatus: Record<string, number> = {};
    for (const r of texts) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    expect(all.counts).toEqual(byStatus);
    expect(all.counts.accepted).toBeGreaterThanOrEqual(1);
    expect(all.page.total).toBe(texts.length);
    const accepted = listInbox(editor, inboxFilterSchema.parse({ q, status: "accepted" }));
    expect(accepted.rows.map((r) => r.id)).toContain(made.rare);
    expect(accepted.rows.every((r) => r.status === "accepted")).toBe(true);
    expect(accepted.counts).toEqual(all.counts); // the tabs count under the other filters
    const dongchengId = (db.$client.prepare("select unit_id u from items where id = ?").get(made.split) as { u: number }).u;
    expect(listInbox(editor, inboxFilterSchema.parse({ q, unitId: String(dongchengId) })).rows.map((r) => r.id)).toEqual([made.split]);
    expect(listInbox(editor, inboxFilterSchema.parse({ q, from: "2999-01-01" })).rows).toEqual([]);
    // A common character spans several pages: pages do not overlap and add up to the total.
    const wide = listInbox(editor, inboxFilterSchema.parse({ q: "的" }));
    const ids = found("的");
    expect(ids.length).toBe(wide.page.total);
    expect(new Set(ids).size).toBe(ids.length);
    // Sorted by title, the search still lists its own rows only.
    const byTitle = listInbox(editor, inboxFilterSchema.parse({ q, sort: "title" })).rows.map((r) => r.title);
    expect(byTitle).toEqual([...byTitle].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("the page's reader thread answers the same as the direct call, and the role check holds", async () => {
    for (const q of ["燚", "星座", "别开生面", '"X-1"*', "NEAR(", "-"]) {
      const direct = listInbox(editor, inboxFilterSchema.parse({ q }));
      const off = await listInboxOffThread(editor, inboxFilterSchema.parse({ q }));
      expect(off, q).toEqual(direct);
    }
    expect(errorCode(() => listInbox(changping, { q: "星座" }))).toBe("forbidden");
  });
});

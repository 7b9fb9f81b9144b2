import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, itemRevisions, notifications } from "@/db/schema";
import { paragraphsToDoc } from "@/lib/editor/schema";
import { demoActor, errorCode, itemFields } from "@/lib/testing/fixtures";
import type { Actor } from "./actor";
import { arrangeIssue } from "./arrange";
import { approveIssue, createIssue, distributeIssue, loadBulletin, proposeNextIssue, sendToReview } from "./issues";
import { countMyItems, createItem, decideItem, itemFieldsSchema, listMyItems, myItemView, saveOwnItem, submitItem, updateItem, withdrawItem, type ItemFields } from "./items";
import { listNotifications, openNotification, unreadCount } from "./notifications";

const actor = demoActor;

const fields = (title: string, text = "6月20日，昌平区科协举办科普讲座。"): ItemFields => itemFields(title, [text]);

const code = errorCode;

let changping: Actor, dongcheng: Actor, editor: Actor, reviewer: Actor, office: Actor;
beforeAll(() => {
  [changping, dongcheng, editor, reviewer, office] = ["changping", "dongcheng", "editor", "reviewer", "office"].map(actor);
});

describe("drafts", () => {
  it("a draft may start without a title, but is not submitted without one", () => {
    const r = saveOwnItem(changping, { ...fields(""), id: undefined, version: undefined });
    if (r.kind !== "saved") throw new Error("not saved");
    expect(code(() => submitItem(changping, { id: r.id, version: r.version }))).toBe("invalid");
  });

  it("autosaves while typing fold into one revision and one history line; an explicit save is its own", () => {
    const first = saveOwnItem(changping, fields("连续输入"));
    if (first.kind !== "saved") throw new Error("not saved");
    let version = first.version;
    for (let i = 0; i < 5; i++) {
      const r = saveOwnItem(changping, { ...fields("连续输入", `第${i}次输入。`), id: first.id, version }, { autosave: true });
      if (r.kind !== "saved") throw new Error("conflict");
      version = r.version;
    }
    // The revision it was created with stays as created; the five autosaves are one edit.
    const revisions = db.select().from(itemRevisions).where(eq(itemRevisions.itemId, first.id)).all();
    expect(revisions.map((r) => r.version)).toEqual([1, version]);
    expect(revisions[0].body).toEqual(paragraphsToDoc(["6月20日，昌平区科协举办科普讲座。"]));
    expect(revisions[1].body).toEqual(paragraphsToDoc(["第4次输入。"]));
    const explicit = saveOwnItem(changping, { ...fields("连续输入", "保存。"), id: first.id, version });
    if (explicit.kind !== "saved") throw new Error("conflict");
    expect(db.select().from(itemRevisions).where(eq(itemRevisions.itemId, first.id)).all()).toHaveLength(3);
    const actions = db.select().from(auditLog).where(eq(auditLog.entityId, first.id)).all().filter((a) => a.entity === "item").map((a) => a.action);
    expect(actions).toEqual(["create", "edit", "edit"]);
  });

  it("a save from an out-of-date page comes back as a conflict carrying what is stored, and writes nothing", () => {
    const a = createItem(changping, fields("两个窗口"));
    const tab1 = saveOwnItem(changping, { ...fields("窗口一的标题"), id: a.id, version: a.version });
    expect(tab1.kind).toBe("saved");
    const before = db.select().from(itemRevisions).where(eq(itemRevisions.itemId, a.id)).all().length;
    const tab2 = saveOwnItem(changping, { ...fields("窗口二的标题"), id: a.id, version: a.version }, { autosave: true });
    expect(tab2.kind).toBe("conflict");
    if (tab2.kind !== "conflict") return;
    expect(tab2.latest.fields.title).toBe("窗口一的标题");
    expect(tab2.latest.by).toBe("刘明");
    expect(db.select().from(itemRevisions).where(eq(itemRevisions.itemId, a.id)).all()).toHaveLength(before);
    // Choosing to keep one's own version is a save on top of the latest, recorded as such.
    const keep = saveOwnItem(changping, { ...fields("窗口二的标题"), id: a.id, version: tab2.latest.version });
    expect(keep.kind).toBe("saved");
  });

  it("normalises how co-units are written in the attribution", () => {
    const parse = (source: string) => itemFieldsSchema.parse({ ...fields("x"), source }).source;
    expect(parse("北京制冷学会，昌平区科协")).toBe("北京制冷学会、昌平区科协");
    expect(parse("（北京制冷学会 / 昌平区科协）")).toBe("北京制冷学会、昌平区科协");
    expect(parse("  ")).toBeNull();
  });
});

describe("the unit follows its item", () => {
  it("return with a note, revise, resubmit, accept, edit at the desk, publish: list, notices, diff and history", () => {
    const draft = createItem(changping, fields("昌平区科协开展科普进社区活动"));
    const sent = submitItem(changping, { id: draft.id, version: draft.version });
    const unread = unreadCount(changping);
    const returned = decideItem(editor, { id: sent.id, version: sent.version, decision: "return", note: "请补充参加人数。" });
    expect(unreadCount(changping)).toBe(unread + 1);
    expect(listMyItems(changping, { status: "returned" }).find((r) => r.id === draft.id)?.editorNote).toBe("请补充参加人数。");
    expect(countMyItems(changping).returned).toBeGreaterThanOrEqual(1);
    // Other units see neither the item nor its notice.
    expect(listMyItems(dongcheng).some((r) => r.id === draft.id)).toBe(false);
    const notice = listNotifications(changping).find((n) => n.itemId === draft.id);
    expect(notice?.kind).toBe("item_return");
    expect(openNotification(dongcheng, notice?.id ?? 0)).toBeNull();
    expect(openNotification(changping, notice?.id ?? 0)?.readAt).toBeNull();
    expect(unreadCount(changping)).toBe(unread);

    const revised = updateItem(changping, { ...fields("昌平区科协开展科普进社区活动", "6月20日，昌平区科协举办科普讲座，300余名居民参加。"), id: returned.id, version: returned.version });
    const resent = submitItem(changping, { id: revised.id, version: revised.version });
    expect(resent.status).toBe("submitted");
    const withdrawn = withdrawItem(changping, { id: resent.id, version: resent.version });
    expect(withdrawn.status).toBe("draft");
    // The desk still had it open: its decision is told the unit withdrew it, not 「找不到」.
    expect(code(() => decideItem(editor, { id: resent.id, version: resent.version, decision: "accept", note: "" }))).toBe("withdrawn_by_unit");
    const again = submitItem(changping, { id: withdrawn.id, version: withdrawn.version });
    const accepted = decideItem(editor, { id: again.id, version: again.version, decision: "accept", note: "" });
    expect(code(() => withdrawItem(changping, { id: accepted.id, version: accepted.version }))).toBe("not_allowed_now");
    const edited = updateItem(editor, { ...fields("昌平区科协开展科普进社区活动", "6月20日，昌平区科协举办科普讲座，300余名社区居民参加。"), id: accepted.id, version: accepted.version });

    const p = proposeNextIssue(editor, "2026-12-01");
    const issue = createIssue(editor, p);
    const placed = arrangeIssue(editor, { issueId: issue.id, version: issue.version, change: { op: "place", itemId: edited.id, sectionTitle: "科普工作", inToc: false } });
    const inReview = sendToReview(editor, { issueId: issue.id, version: placed.version });
    const approved = approveIssue(reviewer, { issueId: issue.id, version: inReview.version, fingerprint: loadBulletin(issue.id).fingerprint });
    distributeIssue(office, { issueId: issue.id, version: approved.version, date: "2026-12-02", distribution: ["市科协驻会领导"] });

    const view = myItemView(changping, draft.id);
    expect(view.item.status).toBe("published");
    expect(view.issue).toMatchObject({ year: p.year, number: p.number, status: "distributed" });
    expect(view.editedByDesk).toBe(true);
    expect(view.submitted?.body).toBe("6月20日，昌平区科协举办科普讲座，300余名居民参加。");
    expect(view.current.body).toBe("6月20日，昌平区科协举办科普讲座，300余名社区居民参加。");
    const row = listMyItems(changping).find((r) => r.id === draft.id);
    expect(row).toMatchObject({ issueYear: p.year, issueNumber: p.number, issueStatus: "distributed" });
    const history = view.history.map((h) => `${h.action}:${h.fromState ?? ""}>${h.toState ?? ""}`);
    expect(history).toEqual([
      "create:>draft",
      "submit:draft>submitted",
      "return:submitted>returned",
      "edit:>",
      "submit:returned>submitted",
      "withdraw:submitted>draft",
      "submit:draft>submitted",
      "accept:submitted>accepted",
      "edit:>",
      "place:accepted>placed",
      "publish:placed>published",
    ]);
    expect(view.history.find((h) => h.action === "return")?.detail).toEqual({ note: "请补充参加人数。" });
    const kinds = db.select().from(notifications).where(eq(notifications.itemId, draft.id)).all().map((n) => n.kind);
    expect(kinds).toEqual(["item_return", "item_accept", "item_published"]);
  });

  it("another unit cannot open the item page data", () => {
    const a = createItem(changping, fields("甲单位稿件"));
    expect(code(() => myItemView(dongcheng, a.id))).toBe("not_found");
    expect(code(() => myItemView(editor, a.id))).toBe("forbidden");
  });
});

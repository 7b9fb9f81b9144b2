import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, itemRevisions, items } from "@/db/schema";
import { demoActor, errorCode, itemFields } from "@/lib/testing/fixtures";
import type { Actor } from "./actor";
import { deleteDraft } from "./item-delete";
import { createItem, myItemView, submitItem, updateItem, withdrawItem } from "./items";

let changping: Actor, dongcheng: Actor, editor: Actor, office: Actor;
beforeAll(() => {
  [changping, dongcheng, editor, office] = ["changping", "dongcheng", "editor", "office"].map(demoActor);
});

const exists = (id: number) => db.select({ id: items.id }).from(items).where(eq(items.id, id)).get() !== undefined;

describe("删除草稿 (deleteDraft)", () => {
  it("deletes the unit's never-submitted draft with its revisions and writes an audit row with the title", () => {
    const d = createItem(changping, itemFields("要删除的草稿"));
    expect(deleteDraft(changping, { id: d.id, version: d.version })).toEqual({ id: d.id });
    expect(exists(d.id)).toBe(false);
    expect(db.select().from(itemRevisions).where(eq(itemRevisions.itemId, d.id)).all()).toHaveLength(0);
    const row = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "item"), eq(auditLog.entityId, d.id), eq(auditLog.action, "delete")))
      .get();
    expect(row?.actorName).toBe("刘明");
    expect(row?.fromState).toBe("draft");
    expect(row?.detail).toEqual({ title: "要删除的草稿" });
  });

  it("refuses another unit, other roles, a stale version, and anything submitted once (even withdrawn); nothing changes", () => {
    const d = createItem(changping, itemFields("别人删不了"));
    expect(errorCode(() => deleteDraft(dongcheng, { id: d.id, version: d.version }))).toBe("not_found");
    expect(errorCode(() => deleteDraft(editor, { id: d.id, version: d.version }))).toBe("forbidden");
    expect(errorCode(() => deleteDraft(office, { id: d.id, version: d.version }))).toBe("forbidden");
    expect(errorCode(() => deleteDraft(changping, { id: d.id, version: d.version + 1 }))).toBe("conflict");
    expect(errorCode(() => deleteDraft(changping, { id: 999_999, version: 1 }))).toBe("not_found");
    expect(exists(d.id)).toBe(true);

    const sent = submitItem(changping, { id: d.id, version: d.version });
    expect(errorCode(() => deleteDraft(changping, { id: sent.id, version: sent.version }))).toBe("draft_not_deletable");
    const back = withdrawItem(changping, { id: sent.id, version: sent.version });
    expect(back.status).toBe("draft");
    expect(errorCode(() => deleteDraft(changping, { id: back.id, version: back.version }))).toBe("draft_not_deletable");
    expect(exists(d.id)).toBe(true);
    expect(db.select().from(auditLog).where(and(eq(auditLog.entityId, d.id), eq(auditLog.action, "delete"))).all()).toHaveLength(0);
  });
});

describe("withdrawn after the editor edited it", () => {
  it("keeps the unit's original and the editor's text apart, so the page can show the diff", () => {
    const d = createItem(changping, itemFields("区科协召开科普工作会议", ["会议要求，各单位要把科普工作摆上重要位置。"]));
    const sent = submitItem(changping, { id: d.id, version: d.version });
    expect(myItemView(changping, sent.id).withdrawnDeskEdit).toBeNull();
    const edited = updateItem(editor, { ...itemFields("昌平区科协召开科普工作会议", ["会议要求，各单位把科普工作摆上位置。"]), id: sent.id, version: sent.version });
    expect(myItemView(changping, edited.id).editedByDesk).toBe(true);
    const back = withdrawItem(changping, { id: edited.id, version: edited.version });
    const view = myItemView(changping, back.id);
    expect(view.item.status).toBe("draft");
    expect(view.submitted?.title).toBe("区科协召开科普工作会议");
    expect(view.submitted?.body).toBe("会议要求，各单位要把科普工作摆上重要位置。");
    expect(view.withdrawnDeskEdit).toEqual({ title: "昌平区科协召开科普工作会议", body: "会议要求，各单位把科普工作摆上位置。", source: edited.source });
    // The unit's own later edits do not move the comparison: it is the editor's text against the original.
    const mine = updateItem(changping, { ...itemFields("我的新标题"), id: back.id, version: back.version });
    expect(myItemView(changping, mine.id).withdrawnDeskEdit?.title).toBe("昌平区科协召开科普工作会议");
    // A withdrawal the editor had not touched shows nothing.
    const plain = createItem(changping, itemFields("没改过"));
    const s2 = submitItem(changping, { id: plain.id, version: plain.version });
    const w2 = withdrawItem(changping, { id: s2.id, version: s2.version });
    expect(myItemView(changping, w2.id).withdrawnDeskEdit).toBeNull();
  });
});

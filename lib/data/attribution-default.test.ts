import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { units, userRoles } from "@/db/schema";
import { bulletinToText } from "@/lib/bulletin/text";
import { demoActor, errorCode, itemFields } from "@/lib/testing/fixtures";
import type { Actor } from "./actor";
import { arrangeIssue } from "./arrange";
import { defaultSource } from "./attribution-default";
import { createIssue, loadBulletin, proposeNextIssue } from "./issues";
import { createItem, decideItem, submitItem } from "./items";

let changping: Actor, officeWriter: Actor, editor: Actor;
beforeAll(() => {
  // 王晓燕 of 北京市科协办公室 (the office unit) also writes the office's own news.
  const office = demoActor("office");
  db.insert(userRoles).values({ userId: office.id, role: "contributor" }).run();
  [changping, officeWriter, editor] = ["changping", "office", "editor"].map(demoActor);
});

describe("the attribution a new item starts with", () => {
  it("is the unit's name for a unit, and none for the office's own news", () => {
    expect(defaultSource(changping)).toBe("昌平区科协");
    expect(db.select({ kind: units.kind }).from(units).where(eq(units.id, officeWriter.unitId!)).get()?.kind).toBe("office");
    expect(defaultSource(officeWriter)).toBe("");
    expect(errorCode(() => defaultSource(editor))).toBe("forbidden");
  });

  it("the office's item, written with the default, prints without one; a unit's prints its name", () => {
    const write = (actor: Actor, title: string) => {
      // The form sends an empty 署名 as null (components/item/item-form.tsx).
      const draft = createItem(actor, { ...itemFields(title, ["7月5日，市科协召开全委会。"]), source: defaultSource(actor) || null });
      const sent = submitItem(actor, { id: draft.id, version: draft.version });
      return decideItem(editor, { id: sent.id, version: sent.version, decision: "accept", note: "" });
    };
    const own = write(officeWriter, "市科协召开全委会");
    const unit = write(changping, "昌平区科协召开全委会");
    let issue = createIssue(editor, proposeNextIssue(editor, "2026-12-10"));
    for (const it of [own, unit]) issue = arrangeIssue(editor, { issueId: issue.id, version: issue.version, change: { op: "place", itemId: it.id, sectionTitle: "科普工作", inToc: false } });
    const text = bulletinToText(loadBulletin(issue.id).doc);
    expect(text).toContain("7月5日，市科协召开全委会。（昌平区科协）");
    expect(text).not.toContain("北京市科协办公室）");
    expect(text.match(/7月5日，市科协召开全委会。(?!（)/g)?.length).toBe(1);
  });
});

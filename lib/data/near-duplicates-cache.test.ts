// The inbox's cached near-duplicate marks stay what a fresh lookup would say, whatever happens
// after they were cached: a closer item arrives, the best goes back to the unit or is rewritten,
// the waiting item itself is edited, a flood of new items arrives. And the fingerprint queue is
// filled by the database's triggers, not by the code that writes items.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { fingerprintQueue, itemFingerprints, items } from "@/db/schema";
import { demoActor, itemFields, sendItem } from "@/lib/testing/fixtures";
import type { Actor } from "./actor";
import { createItem, decideItem, getItem, submitItem, updateItem, withdrawItem } from "./items";
import { drainFingerprints, findNearDuplicates, nearDuplicatesOf, nearDuplicatesOffThread, refreshFingerprints } from "./near-duplicates";
import { stopReader } from "@/lib/jobs/read-off-thread";

let editor: Actor, changping: Actor;
beforeAll(() => {
  [editor, changping] = ["editor", "changping"].map(demoActor);
});

const send = (title: string, paragraphs: string[]) => sendItem(changping, title, paragraphs);
const STORY = [
  "9月16日上午，昌平区科协在未来科学城举办院士专家进企业活动，邀请五位院士专家走进八家高新技术企业，围绕关键核心技术攻关、科研成果转化等问题与企业技术骨干深入交流。",
  "活动现场，专家们针对企业提出的十二个技术难题逐一给出意见建议，并与三家企业签订了长期合作协议。",
];
/** The story told again with a few words changed: alike, not the same. */
const RETOLD = [
  "9月16日，昌平区科协在未来科学城举办院士专家进企业活动，邀请五位院士专家走进八家高新技术企业，围绕关键核心技术攻关、科技成果转化等问题与企业技术人员深入交流。",
  "活动中，专家们针对企业提出的十二个技术难题逐一给出意见建议，并与三家企业签订了长期合作协议。",
];
const fresh = (id: number) => findNearDuplicates(editor, id)[0]?.id ?? null;
const cached = (id: number) => nearDuplicatesOf(editor, [id]).get(id)?.id ?? null;
const bestSeq = (id: number) => db.select({ s: itemFingerprints.bestSeq }).from(itemFingerprints).where(eq(itemFingerprints.itemId, id)).get()?.s ?? null;

describe("cached inbox marks", () => {
  it("follow every change after they were cached, and agree with a fresh lookup each time", () => {
    const a = send("院士专家走进科技企业", STORY);
    expect(cached(a.id)).toBe(null);
    expect(bestSeq(a.id)).not.toBe(null); // cached: "none, up to now"

    // A near-duplicate arrives after the mark was cached: compared with what came since, not looked up again.
    const b = send("院士专家进企业活动举行", RETOLD);
    expect(cached(a.id)).toBe(b.id);
    expect(fresh(a.id)).toBe(b.id);

    // A closer one (the same text) arrives: the mark moves to it.
    const c = send("院士专家进企业", STORY);
    expect(cached(a.id)).toBe(c.id);
    expect(fresh(a.id)).toBe(c.id);

    // The closest goes back to the unit (withdrawn to a draft): the mark falls back to b.
    withdrawItem(changping, { id: c.id, version: getItem(editor, c.id).version });
    expect(cached(a.id)).toBe(b.id);
    expect(fresh(a.id)).toBe(b.id);

    // b is rewritten into another story: no mark.
    const bNow = getItem(editor, b.id);
    updateItem(editor, { id: b.id, version: bNow.version, ...itemFields(bNow.title, ["区科协组织科技志愿者走进乡村学校，为孩子们带来机器人编程、天文观测等科普课程，受到师生的欢迎和好评。"]) });
    expect(cached(a.id)).toBe(null);
    expect(fresh(a.id)).toBe(null);

    // c is sent again, unchanged: it is back in the pool, and a sees it again.
    submitItem(changping, { id: c.id, version: getItem(changping, c.id).version });
    expect(cached(a.id)).toBe(c.id);

    // The waiting item itself is edited into another story: its mark is found again, on its new text.
    const aNow = getItem(editor, a.id);
    updateItem(editor, { id: a.id, version: aNow.version, ...itemFields(aNow.title, ["区科协召开所属学会秘书长工作座谈会，十二家学会的秘书长参加会议，交流上半年工作情况和下半年工作打算。"]) });
    expect(cached(a.id)).toBe(null);
    expect(fresh(a.id)).toBe(null);

    // A returned item is out of the pool: it is nobody's mark.
    const d = send("院士专家进企业（二稿）", STORY);
    expect(cached(d.id)).toBe(c.id);
    decideItem(editor, { id: c.id, version: getItem(editor, c.id).version, decision: "return", note: "请补充图片" });
    expect(cached(d.id)).toBe(fresh(d.id));
    expect(cached(d.id)).not.toBe(c.id);
  });

  it("with more new fingerprints than it compares directly, looks up again and still agrees", async () => {
    const a = send("青少年科技创新大赛决赛举行", ["11月8日，全区青少年科技创新大赛决赛在区青少年活动中心举行，来自32所中小学的186个项目进入决赛，内容涵盖物质科学、生命科学、工程学等领域。", "经专家评审，共评出一等奖20项、二等奖40项。"]);
    expect(cached(a.id)).toBe(null);
    // The copy, then 520 unrelated items: the copy is not among the 500 newest fingerprints.
    const copy = send("全区青少年科技创新大赛决赛举行", ["11月8日，全区青少年科技创新大赛决赛在区青少年活动中心举行，来自32所中小学的186个项目进入决赛，内容涵盖物质科学、生命科学、工程学等领域。", "经专家评审，共评出一等奖20项、二等奖40项。"]);
    db.transaction(() => {
      for (let k = 0; k < 520; k++) send(`社区活动${k}`, [`第${k}号社区于${(k % 12) + 1}月举办活动，编号${k * 7919}，参加人数${k * 13}人，主题代码${k * 104729}，地点代码${k * 31}。`]);
    });
    refreshFingerprints(); // all of them, as the background drain would
    const marks = await nearDuplicatesOffThread(editor, [a.id, copy.id]);
    expect(marks.get(a.id)?.id).toBe(copy.id);
    expect(marks.get(copy.id)?.id).toBe(a.id);
    await stopReader();
  });
});

describe("the fingerprint queue", () => {
  it("is filled by triggers on a new item and a change of title, body or status, and emptied by a refresh", () => {
    refreshFingerprints();
    const queued = () => db.select({ n: sql<number>`count(*)` }).from(fingerprintQueue).get()!.n;
    expect(queued()).toBe(0);
    const item = createItem(changping, itemFields("科普大篷车进乡村", ["科普大篷车开进十三陵镇，为村民和学生带来互动展品展示。"]));
    expect(queued()).toBe(1);
    submitItem(changping, { id: item.id, version: item.version });
    expect(refreshFingerprints()).toBe(1);
    expect(queued()).toBe(0);
    // A write that changes neither text nor status queues nothing.
    db.update(items).set({ editorNote: "备注" }).where(eq(items.id, item.id)).run();
    expect(queued()).toBe(0);
    db.update(items).set({ title: "科普大篷车开进乡村" }).where(eq(items.id, item.id)).run();
    expect(queued()).toBe(1);
    refreshFingerprints();
    // A draft is queued but takes no fingerprint.
    const draft = createItem(changping, itemFields("草稿", ["还没写完的草稿，先存一下，明天再补充细节和图片说明。"]));
    refreshFingerprints();
    expect(db.select().from(itemFingerprints).where(eq(itemFingerprints.itemId, draft.id)).get()).toBeUndefined();
  });

  it("a page view takes the items it compares first and a bounded number more; the rest drains in the background", async () => {
    refreshFingerprints();
    const queued = () => db.select({ n: sql<number>`count(*)` }).from(fingerprintQueue).get()!.n;
    const sent = db.transaction(() => Array.from({ length: 250 }, (_, k) => send(`科普进校园第${k}站`, [`科普进校园活动第${k}站走进第${k * 3 + 1}中学，为${200 + k}名学生带来科学实验表演和院士报告，编号${k * 7919}。`])));
    expect(queued()).toBe(250);
    const last = sent[sent.length - 1].id;
    expect(refreshFingerprints({ ids: [last], limit: 100 })).toBe(101);
    expect(queued()).toBe(149);
    expect(db.select().from(itemFingerprints).where(eq(itemFingerprints.itemId, last)).get()?.signature).toHaveLength(36);
    drainFingerprints();
    for (let i = 0; i < 200 && queued() > 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(queued()).toBe(0);
  });
});

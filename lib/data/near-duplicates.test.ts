import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { issues, items, placements } from "@/db/schema";
import { bandKeys, signatureOf, similarity } from "@/lib/bulletin/near-duplicate";
import { docToParagraphs } from "@/lib/editor/schema";
import { demoActor, errorCode, itemFields, sendItem } from "@/lib/testing/fixtures";
import type { Actor } from "./actor";
import { stopReader } from "@/lib/jobs/read-off-thread";
import { fingerprintCount, findNearDuplicates, nearDuplicatesOf, nearDuplicatesOffThread } from "./near-duplicates";

let editor: Actor, changping: Actor;
beforeAll(() => {
  [editor, changping] = ["editor", "changping"].map(demoActor);
});

const send = (title: string, paragraphs: string[]) => sendItem(changping, title, paragraphs);

/** A printed item of the demo archive (a distributed issue), with its text. */
function printedItem() {
  const row = db
    .select({ id: items.id, title: items.title, body: items.body, year: issues.year, number: issues.number })
    .from(items)
    .innerJoin(placements, eq(placements.itemId, items.id))
    .innerJoin(issues, eq(issues.id, placements.issueId))
    .where(eq(issues.status, "distributed"))
    .all()
    .find((r) => docToParagraphs(r.body).map((p) => p.map((x) => x.text).join("")).join("").length > 200);
  if (!row) throw new Error("no printed item in the demo archive");
  return { ...row, paragraphs: docToParagraphs(row.body).map((p) => p.map((x) => x.text).join("")) };
}

describe("near-duplicates", () => {
  it("flags an item sent again after it was printed, with a small edit, and links its issue", () => {
    const old = printedItem();
    // The unit re-sends it: a new title, the first paragraph reworded a little, punctuation changed.
    const paras = [...old.paragraphs];
    paras[0] = paras[0].replace(/，/g, ",").replace(/^.{4}/, "近日，");
    const again = send(`（重发）${old.title}`, paras);
    const found = findNearDuplicates(editor, again.id);
    expect(found[0]).toMatchObject({ id: old.id, issue: { year: old.year, number: old.number, label: `${old.year}年第${old.number}期` } });
    expect(found[0].similarity).toBeGreaterThanOrEqual(0.6);
  });

  it("flags two inbox items that tell the same story, and not an unrelated one", () => {
    const a = send("回龙观社区举办垃圾分类科普讲座", ["6月20日上午，昌平区科协联合回龙观街道在回龙观社区举办垃圾分类科普讲座，邀请北京环卫集团专家为120余名居民讲解垃圾分类知识和家庭厨余垃圾处理方法。", "讲座结束后，志愿者向居民发放了宣传手册和分类垃圾袋。"]);
    const b = send("回龙观社区开展垃圾分类科普活动", ["6月20日上午，昌平区科协联合回龙观街道在回龙观社区举办垃圾分类科普讲座，邀请北京环卫集团专家为120余名居民讲解垃圾分类知识和家庭厨余垃圾的处理方法。", "讲座结束后，志愿者向居民发放宣传手册和分类垃圾袋。"]);
    const c = send("区科协召开学会工作座谈会", ["7月3日，区科协召开所属学会工作座谈会，12家学会的秘书长参加会议，交流上半年工作情况和下半年工作打算。"]);
    expect(findNearDuplicates(editor, b.id).map((d) => d.id)).toContain(a.id);
    expect(findNearDuplicates(editor, c.id).map((d) => d.id)).not.toContain(a.id);
    expect(fingerprintCount()).toBeGreaterThan(3);
    // The inbox list: each waiting item with its closest match, none for the unrelated one.
    const marks = nearDuplicatesOf(editor, [a.id, b.id, c.id]);
    expect(marks.get(b.id)?.id).toBe(a.id);
    expect(marks.get(a.id)?.id).toBe(b.id);
    expect(marks.has(c.id)).toBe(false);
    // Each mark says whose the other item is and when it was sent, so the editor sees which came first.
    expect(marks.get(b.id)).toMatchObject({ unitName: "昌平区科协", submittedAt: a.submittedAt, issue: null });
    expect(marks.get(a.id)).toMatchObject({ unitName: "昌平区科协", submittedAt: b.submittedAt });
  });

  it("the inbox's lookups on the reader thread give the same marks as on the server thread", async () => {
    const a = send("西城区科协举办青少年航模比赛", ["5月18日，西城区科协在什刹海体校举办青少年航空模型比赛，全区18所中小学的260余名学生参加橡筋动力飞机、遥控滑翔机等六个项目的角逐。", "比赛评出团体奖和个人奖若干名。"]);
    const b = send("西城区青少年航模比赛举行", ["5月18日，西城区科协在什刹海体校举办青少年航空模型比赛，全区18所中小学的260余名学生参加了橡筋动力飞机、遥控滑翔机等六个项目的角逐。", "比赛评出团体奖和个人奖若干。"]);
    const c = send("区科协走访科技型企业", ["区科协负责同志走访辖区三家科技型中小企业，了解企业研发投入、人才引进和科技成果转化中遇到的困难。"]);
    const ids = [a.id, b.id, c.id];
    const here = nearDuplicatesOf(editor, ids);
    const there = await nearDuplicatesOffThread(editor, ids);
    expect([...there.entries()].sort()).toEqual([...here.entries()].sort());
    expect(there.get(b.id)?.id).toBe(a.id);
    expect(there.has(c.id)).toBe(false);
    await expect(nearDuplicatesOffThread(changping, ids)).rejects.toMatchObject({ code: "forbidden" });
    await stopReader();
  });

  it("keeps fingerprints current: an item changed after its fingerprint is compared on its new text", () => {
    const a = send("科技馆暑期开放安排", ["为满足青少年暑期参观需求，区科技馆自7月1日起延长开放时间，周一至周日9:00至17:00开放，周二闭馆，免费预约参观，每日限额2000人。"]);
    const b = send("科技馆暑期开放", ["为满足青少年暑期参观需求，区科技馆自7月1日起延长开放时间，周一至周日9:00至17:00开放，周二闭馆，免费预约参观，每日限额2000人。"]);
    expect(findNearDuplicates(editor, b.id).map((d) => d.id)).toContain(a.id);
    db.update(items)
      .set({ body: itemFields("x", ["区科协组织科技志愿者走进乡村学校，为孩子们带来机器人编程、天文观测等科普课程，受到师生欢迎。"]).body, updatedAt: new Date(Date.now() + 1000) })
      .where(eq(items.id, a.id))
      .run();
    expect(findNearDuplicates(editor, b.id).map((d) => d.id)).not.toContain(a.id);
  });

  it("is for editors only", () => {
    expect(errorCode(() => findNearDuplicates(changping, 1))).toBe("forbidden");
  });
});

describe("the banded index stays cheap at scale", () => {
  it("unrelated texts rarely share a band: under 1% of 3,000 pairs-with-one-text are candidates", () => {
    // Texts built from a pool of common bulletin phrases, so they share words as real items do.
    const phrases = ["区科协", "召开", "科普", "讲座", "社区", "居民", "学会", "座谈会", "专家", "志愿者", "青少年", "活动", "工作", "会议", "推进", "开展", "组织", "服务", "创新", "发展", "乡村", "学校", "医院", "企业", "技术", "培训", "参观", "宣传", "举办", "参加"];
    let seed = 7;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const text = () => Array.from({ length: 60 }, () => phrases[Math.floor(rand() * phrases.length)]).join("");
    const probe = signatureOf(text()) as number[];
    const probeKeys = bandKeys(probe);
    let candidates = 0;
    let flagged = 0;
    const N = 3000;
    for (let i = 0; i < N; i++) {
      const sig = signatureOf(text()) as number[];
      if (bandKeys(sig).some((k, b) => k === probeKeys[b])) candidates++;
      if (similarity(sig, probe) >= 0.6) flagged++;
    }
    expect(flagged).toBe(0);
    expect(candidates / N).toBeLessThan(0.01);
  });
});

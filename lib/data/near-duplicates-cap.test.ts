// Near-duplicates when many items share stock sentences: only the candidates sharing the most
// bands are compared (at most 50), and the item that is really the same story still comes first.
import { beforeAll, describe, expect, it } from "vitest";
import { demoActor, sendItem } from "@/lib/testing/fixtures";
import type { Actor } from "./actor";
import { findNearDuplicates, nearDuplicatesOf, refreshFingerprints } from "./near-duplicates";

let editor: Actor, changping: Actor;
beforeAll(() => {
  [editor, changping] = ["editor", "changping"].map(demoActor);
});

const STOCK = "为深入贯彻落实全民科学素质行动规划纲要，进一步提升公众科学素质，营造讲科学、爱科学、学科学、用科学的良好氛围，";
const send = (title: string, paragraphs: string[]) => sendItem(changping, title, paragraphs);

describe("near-duplicates among many alike items", () => {
  it("compares at most 50 candidates and still finds the copy of the story first", () => {
    // Eighty items that open with the same long stock sentence and then tell different stories.
    for (let k = 0; k < 80; k++) send(`社区科普活动第${k}场`, [`${STOCK}第${k}场活动于${(k % 12) + 1}月${(k % 28) + 1}日举办，参加人数${100 + k * 7}人，主题编号${k * 13}。`]);
    refreshFingerprints(); // sent over weeks: their fingerprints were taken long before (the background drain)
    const story = ["11月3日晚，回龙观社区邀请天文爱好者为居民讲解星座，这是一次别开生面的科普活动，居民们用望远镜观看了木星和土星。", `${STOCK}活动持续两个小时。`];
    const original = send("回龙观社区举办星空观测夜", story);
    const copy = send("回龙观社区举办星空观测夜活动", [story[0].replace("两个小时", "两小时"), story[1]]);
    const found = findNearDuplicates(editor, copy.id);
    expect(found.length).toBeLessThanOrEqual(50);
    expect(found[0]?.id).toBe(original.id);
    expect(nearDuplicatesOf(editor, [copy.id]).get(copy.id)?.id).toBe(original.id);
  });
});

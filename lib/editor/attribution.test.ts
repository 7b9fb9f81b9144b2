import { describe, expect, it } from "vitest";
import { moveTrailingAttribution } from "./attribution";
import { docToParagraphs, paragraphsToDoc } from "./schema";

const texts = (d: ReturnType<typeof paragraphsToDoc>) => docToParagraphs(d).map((p) => p.map((r) => r.text).join(""));

describe("an attribution typed at the end of the body", () => {
  it.each([
    [["会议取得圆满成功。（昌平区科协）"], "", ["会议取得圆满成功。"], "昌平区科协"],
    [["第一段。", "下一步将持续推进。(北京制冷学会、昌平区科协)"], "", ["第一段。", "下一步将持续推进。"], "北京制冷学会、昌平区科协"],
    [["正文。", "（回龙观社区）"], "", ["正文。"], "回龙观社区"],
    [["正文。（昌平区科协）", ""], "昌平区科协", ["正文。"], "昌平区科协"],
  ])("%j with attribution %j moves out of the body", (body, source, expected, now) => {
    const r = moveTrailingAttribution(paragraphsToDoc(body), source);
    expect(r && texts(r.body)).toEqual(expected);
    expect(r?.source).toBe(now);
  });

  it("leaves alone a bracket that is not an organisation, or one that disagrees with the field", () => {
    expect(moveTrailingAttribution(paragraphsToDoc(["活动吸引300余人参加（含线上）"]), "")).toBeNull();
    expect(moveTrailingAttribution(paragraphsToDoc(["图为活动现场。（摄影：张伟）"]), "")).toBeNull();
    expect(moveTrailingAttribution(paragraphsToDoc(["正文。（海淀区科协）"]), "昌平区科协")).toBeNull();
  });

  it("keeps bold and italic of what stays", () => {
    const r = moveTrailingAttribution(paragraphsToDoc([[{ text: "重点", bold: true }, { text: "工作。（昌平区科协）" }]]), "");
    expect(docToParagraphs(r!.body)).toEqual([[{ text: "重点", bold: true }, { text: "工作。" }]]);
  });
});

import { describe, expect, it, vi } from "vitest";

// zhlint's browser build, which the form loads, decodes HTML entities with a DOM element; the
// checks never need that, so a stand-in element is enough outside a browser.
vi.hoisted(() => {
  const g = globalThis as { document?: unknown };
  g.document ??= { createElement: () => ({ innerHTML: "", get textContent() { return (this as { innerHTML: string }).innerHTML; } }) };
});

const { applyFindings, checkText } = await import("./index");

const body = (text: string, extra: { last?: boolean; source?: string } = {}) => checkText(text, { kind: "body", ...extra });
const rules = (text: string, extra?: { last?: boolean; source?: string }) => body(text, extra).map((f) => f.rule);
const fixed = (text: string, extra?: { last?: boolean; source?: string }) => applyFindings(text, body(text, extra));

describe("copy checks (government style)", () => {
  it("fixes spaces in a date as one finding: 「6 月 20 日」→「6月20日」", () => {
    const f = body("6 月 20 日上午，市科协召开会议。");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: "space_date", original: " 月 20 ", replacement: "月20" });
    expect(applyFindings("6 月 20 日上午，市科协召开会议。", f)).toBe("6月20日上午，市科协召开会议。");
  });

  it("turns half-width punctuation inside Chinese text full-width, and leaves numbers alone", () => {
    expect(fixed("会议由张三主持(市科协副主席),李四出席:强调要抓落实;效果良好!")).toBe("会议由张三主持（市科协副主席），李四出席：强调要抓落实；效果良好！");
    expect(body("时间为9:30，地点在3.5号楼，共1,000人参加。")).toEqual([]);
    expect(body("推进5G网络和AI技术应用。")).toEqual([]);
  });

  it("pairs quotes: straight quotes become “ ”, a back-to-front one is turned, an odd one is unpaired", () => {
    expect(fixed("他说:\"科技是第一生产力\"。")).toBe("他说：“科技是第一生产力”。");
    expect(rules("“科技馆之城“建设稳步推进。")).toEqual(["quote_direction"]);
    expect(fixed("“科技馆之城“建设稳步推进。")).toBe("“科技馆之城”建设稳步推进。");
    expect(rules("他强调“要狠抓落实。")).toEqual(["quote_unbalanced"]);
    expect(fixed("「科技馆之城」建设稳步推进。")).toBe("“科技馆之城”建设稳步推进。");
    expect(body("He said \"yes\" in English.", { last: false })).toEqual([]);
  });

  it("finds unbalanced and mismatched brackets", () => {
    expect(rules("《科普法）颁布实施。")).toEqual(["bracket_mismatch"]);
    expect(fixed("《科普法）颁布实施。")).toBe("《科普法》颁布实施。");
    expect(rules("会议（扩大会议召开。")).toEqual(["bracket_unbalanced"]);
    expect(rules("会议召开）。")).toEqual(["bracket_unbalanced"]);
    expect(body("《中华人民共和国科学技术普及法》（以下简称《科普法》）颁布。")).toEqual([]);
  });

  it("removes stray spaces between Chinese characters and around numbers", () => {
    expect(fixed("学习 贯彻 党的二十大精神。")).toBe("学习贯彻党的二十大精神。");
    expect(fixed("共有 300 余名群众参加。")).toBe("共有300余名群众参加。");
    expect(fixed("　　6月28日，会议召开。")).toBe("6月28日，会议召开。");
    expect(rules("　　6月28日，会议召开。")).toEqual(["indent"]);
  });

  it("finds doubled punctuation and normalises the ellipsis", () => {
    expect(fixed("活动吸引了300余名群众参加，，效果良好。。")).toBe("活动吸引了300余名群众参加，效果良好。");
    expect(fixed("效果良好，。")).toBe("效果良好。");
    expect(fixed("活动很成功...")).toBe("活动很成功……");
    expect(body("难道不是吗？！")).toEqual([]);
    expect(body("会议指出……")).toEqual([]);
  });

  it("asks for the final 。, but not after headings, colons or a complete quotation", () => {
    expect(rules("推进5G网络和AI技术应用")).toEqual(["missing_period"]);
    expect(fixed("推进5G网络和AI技术应用")).toBe("推进5G网络和AI技术应用。");
    expect(fixed("会议强调“要加强组织领导”")).toBe("会议强调“要加强组织领导”。");
    expect(fixed("效果良好，")).toBe("效果良好。");
    expect(body("一、基本情况")).toEqual([]);
    expect(body("主要做法如下：")).toEqual([]);
    expect(body("他说：“要抓好落实。”")).toEqual([]);
  });

  it("writes dates the government way", () => {
    expect(fixed("2023-07-07，市科协召开会议。")).toBe("2023年7月7日，市科协召开会议。");
    expect(fixed("2023年07月07日上午，会议召开。")).toBe("2023年7月7日上午，会议召开。");
    expect(fixed("６月２０日召开会议。")).toBe("6月20日召开会议。");
  });

  it("checks a title without asking for a final 。, and removes one", () => {
    expect(checkText("市科协召开全委会", { kind: "title" })).toEqual([]);
    expect(applyFindings("市科协召开全委会。", checkText("市科协召开全委会。", { kind: "title" }))).toBe("市科协召开全委会");
  });

  it("notices the attribution typed into the body", () => {
    expect(rules("效果良好。（昌平区科协）", { last: true, source: "昌平区科协" })).toEqual(["attribution_in_body"]);
    expect(fixed("效果良好。（北京制冷学会、昌平区科协）", { last: true, source: "北京制冷学会、昌平区科协" })).toBe("效果良好。");
    expect(rules("效果良好。（图为活动现场）", { last: true, source: "昌平区科协" })).toEqual([]);
  });

  it("gives every finding a fix that makes it go away, and never overlaps two", () => {
    const texts = [
      "6 月 20 日上午,市科协召开“科技馆之城“建设推进会 , ,会议由张三主持(市科协副主席)",
      "　2023-7-7 ,  某区科协 举办《科普法）宣讲...",
      "他说:\"好\"\"坏\"",
    ];
    for (const text of texts) {
      let t = text;
      for (let round = 0; round < 6; round++) {
        const fs = body(t, { last: true });
        for (let i = 1; i < fs.length; i++) expect(fs[i].start).toBeGreaterThanOrEqual(fs[i - 1].end);
        if (!fs.length) break;
        t = applyFindings(t, fs);
      }
      expect(body(t, { last: true }), t).toEqual([]);
    }
  });

  it("is quick enough to run while typing", () => {
    const para = "6 月 20 日上午,市科协召开会议.会议由张三主持(市科协副主席),李四出席。".repeat(20);
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) body(`${para}${i}`);
    expect((performance.now() - t0) / 20).toBeLessThan(200);
  });
});

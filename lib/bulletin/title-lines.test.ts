import { describe, expect, it } from "vitest";
import { charDiff } from "@/lib/editor/diff";
import { carryTitleBreaks, isBreakableOffset, NO_LINE_END, NO_LINE_START, titleBreakPlaces, titleBreakPoints, titleBreaksProblem, titleLines, titleWidth } from "./title-lines";
import { titleWords } from "./title-words";

const lines = (t: string, max = 24, breaks?: number[]) => titleLines(t, max, { words: titleWords(t), breaks });

/** Every line fits, the lines join back to the title, and no line starts or ends on the wrong punctuation. */
function expectWellFormed(title: string, out: string[], max = 24) {
  expect(out.join("")).toBe(title.replace(/\s+/g, (s) => s));
  for (const l of out) {
    expect(titleWidth(l)).toBeLessThanOrEqual(max);
    expect(NO_LINE_START.has([...l][0])).toBe(false);
    expect(NO_LINE_END.has([...l].pop() ?? "")).toBe(false);
  }
}

describe("titleLines: words whole, lines balanced (GB/T 9704-2012 §7.3.1)", () => {
  it("keeps a title that fits on one line", () => {
    expect(lines("2023年北京市全民科学素质工作第二次会议召开")).toEqual(["2023年北京市全民科学素质工作第二次会议召开"]);
    expect(lines("")).toEqual([]);
  });

  it("breaks the issue's two titles where the phrase breaks, never inside 学会 or 对接会", () => {
    const a = "中国制冷学会、北京制冷学会与北京市科学技术协会联合举办制冷空调行业科技成果对接会";
    expect(lines(a)).toEqual(["中国制冷学会、北京制冷学会与北京市科学技术协会", "联合举办制冷空调行业科技成果对接会"]);
    expectWellFormed(a, lines(a));
    const b = "市科协党组书记、常务副主席沈洁带队赴国家行政学院音像出版社调研座谈";
    expect(lines(b)).toEqual(["市科协党组书记、常务副主席沈洁带队", "赴国家行政学院音像出版社调研座谈"]);
  });

  it("prefers a break before a joiner (并, 暨, 与) to an even split inside a phrase", () => {
    expect(lines("门头沟区科协积极参与防汛抢险救灾工作并慰问受灾群众和一线科技工作者")).toEqual([
      "门头沟区科协积极参与防汛抢险救灾工作",
      "并慰问受灾群众和一线科技工作者",
    ]);
    expect(lines("海淀区科协召开AI大模型赋能科技服务座谈会暨2024年度首都科技工作者创新创业服务月启动会")).toEqual([
      "海淀区科协召开AI大模型赋能科技服务座谈会",
      "暨2024年度首都科技工作者创新创业服务月启动会",
    ]);
  });

  it("keeps quotes and book-title marks with their words", () => {
    const t = "科学文化教育节目《大先生》第二季启动仪式暨“科学家精神”传播沙龙在北京科学中心举办";
    const out = lines(t);
    expectWellFormed(t, out);
    expect(out).toHaveLength(2);
    expect(out[1].startsWith("暨“科学家精神”")).toBe(true);
    const u = "关于印发《北京市全民科学素质行动规划纲要（2021—2035年）》实施方案的通知";
    expectWellFormed(u, lines(u));
    expect(lines(u).some((l) => l.includes("2021—2035"))).toBe(true);
  });

  it("balances three lines", () => {
    const t = "北京市科学技术协会、北京市教育委员会与北京市科学技术委员会联合举办第十三届北京科学嘉年华暨全国科普日北京主场活动新闻发布会";
    const out = lines(t);
    expect(out).toHaveLength(3);
    expectWellFormed(t, out);
    const widths = out.map(titleWidth);
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThanOrEqual(8);
  });

  it("counts Latin letters and digits as half a cell", () => {
    expect(titleWidth("AI大模型")).toBe(4);
    expect(titleWidth("2023年")).toBe(3);
    // 48 half-width characters fit a 24-cell line.
    expect(lines("A".repeat(48))).toEqual(["A".repeat(48)]);
  });

  it("splits a word wider than a line between characters, still keeping 避头尾", () => {
    const t = "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789中关村论坛";
    const out = lines(t);
    expectWellFormed(t, out);
    expect(out.length).toBeGreaterThan(1);
    const narrow = titleLines("《中华人民共和国科学技术普及法》", 8);
    expectWellFormed("《中华人民共和国科学技术普及法》", narrow, 8);
  });

  it("never splits a number from its unit or 2023|年", () => {
    const t = "市科协召开2023年度学会工作会议暨学会党建工作推进会并表彰优秀学会";
    for (const l of lines(t, 14)) expect(/^年/.test(l)).toBe(false);
  });

  it("works with Intl.Segmenter words alone (the fallback)", () => {
    const t = "中国制冷学会、北京制冷学会与北京市科学技术协会联合举办制冷空调行业科技成果对接会";
    const out = titleLines(t, 24);
    expectWellFormed(t, out);
    expect(out.join("|")).not.toMatch(/对\|接|成果对\||制冷学\|/);
  });

  it("breaks where the editor says, and lays out a manual line still too long", () => {
    const t = "中国制冷学会、北京制冷学会与北京市科学技术协会联合举办制冷空调行业科技成果对接会";
    const out = lines(t, 24, [13]);
    expect(out[0]).toBe("中国制冷学会、北京制冷学会");
    expect(out.length).toBe(3);
    expect(out.slice(1).join("")).toBe("与北京市科学技术协会联合举办制冷空调行业科技成果对接会");
    // A manual break on a short title gives two lines although one would do.
    expect(lines("学会聚力赋能交流研讨活动在京举办", 24, [6])).toEqual(["学会聚力赋能", "交流研讨活动在京举办"]);
    // Invalid offsets are ignored when laying out.
    expect(lines("学会聚力赋能交流研讨活动在京举办", 24, [0, 99])).toEqual(["学会聚力赋能交流研讨活动在京举办"]);
  });

  it("drops spaces at a line's ends", () => {
    expect(titleLines("多元中信 共创新可能", 24, { breaks: [4] })).toEqual(["多元中信", "共创新可能"]);
  });

  it("invented titles of many shapes are always well formed", () => {
    const titles = [
      "东城区科协邀请两新组织党员参加党日活动",
      "石景山区科协第九次代表大会召开",
      "西城区科协举办“科技助力双减”科学教育研讨会暨青少年科技创新成果展示交流活动",
      "朝阳区科协、朝阳区教委联合开展“院士专家进校园”活动，为中小学生讲授科学第一课",
      "北京市老科学技术工作者协会召开第七届理事会第三次会议：总结2023年工作，部署2024年任务",
      "关于开展2024年“全国科技工作者日”暨首都科技工作者服务月系列活动的通知",
      "《北京市全民科学素质行动规划纲要（2021—2035年）》中期评估工作启动",
      "5G+工业互联网赋能制造业数字化转型……专家座谈会在京召开",
      "“一带一路”国际科学组织联盟（ANSO）第三届全体大会在北京开幕",
    ];
    for (const t of titles) for (const max of [24, 16, 10]) expectWellFormed(t, lines(t, max), max);
  });
});

describe("manual breaks: validation and surviving edits", () => {
  const t = "中国制冷学会、北京制冷学会与中信和业开展联学共建";
  it("accepts breaks between characters, refuses ends, disorder and 避头尾", () => {
    expect(titleBreaksProblem(t, [7, 14])).toBeNull();
    expect(titleBreaksProblem(t, [0])).toMatch(/不在标题之内/);
    expect(titleBreaksProblem(t, [t.length])).toMatch(/不在标题之内/);
    expect(titleBreaksProblem(t, [14, 7])).toMatch(/从前往后/);
    expect(titleBreaksProblem(t, [6])).toMatch(/标点不能放在行首或行尾/);
    expect(titleBreaksProblem("庆祝“七一”", [3])).toMatch(/标点/);
    expect(titleBreaksProblem(t, Array.from({ length: 11 }, (_, i) => i + 1))).toMatch(/10/);
    expect(isBreakableOffset("𠮷野家开业", 1)).toBe(false);
    expect(isBreakableOffset("𠮷野家开业", 2)).toBe(true);
    expect(NO_LINE_END.has("《")).toBe(true);
  });

  it("keeps a break whose neighbours did not change, and drops one whose neighbours did", () => {
    // 、 became 和: the break after it goes; the one after 与 stays, one later (北京市 is longer).
    const changed = "中国制冷学会和北京市制冷学会与中信和业开展联学共建活动";
    const { kept, dropped } = carryTitleBreaks(charDiff(t, changed), [7, 14]);
    expect(kept).toEqual([15]);
    expect(changed.slice(15)).toBe("中信和业开展联学共建活动");
    expect(dropped).toEqual([7]);
    expect(carryTitleBreaks(charDiff(t, t), [7, 14])).toEqual({ kept: [7, 14], dropped: [] });
    expect(carryTitleBreaks(charDiff(t, "全新的标题"), [7])).toEqual({ kept: [], dropped: [7] });
  });
});

describe("break points: only where the line breaker takes a word boundary", () => {
  const after = (t: string, s: string) => t.indexOf(s) + s.length;
  const points = (t: string, max = 24) => titleBreakPoints(t, titleWords(t), max);

  it("offers no place inside a quoted name (《》“”「」（）) that fits on a line", () => {
    const t = "市科协开展“千人·进千企”服务活动暨《科学家精神读本》首发式（第二季）在京举办";
    const inside = (at: number) =>
      [["“", "”"], ["《", "》"], ["（", "）"]].some(([o, c]) => t.indexOf(o) < at && at <= t.indexOf(c));
    const offered = points(t);
    expect(offered.length).toBeGreaterThan(2);
    for (const at of offered) expect(inside(at)).toBe(false);
    // Before the opening mark and after the closing one are fine.
    expect(offered).toContain(t.indexOf("“"));
    expect(offered).toContain(after(t, "”"));
    expect(points("在「智慧城市」论坛上发言")).not.toContain(after("在「智慧城市」论坛上发言", "「智慧"));
  });

  it("offers no place inside a short compound: 在|京, 市|科协, 对接|会, 服务|月, 2024|年度", () => {
    const a = "学会聚力赋能交流研讨活动在京举办";
    expect(points(a)).not.toContain(after(a, "在"));
    expect(points(a)).not.toContain(after(a, "在京"));
    expect(points(a)).toContain(after(a, "活动"));
    const b = "市科协联合举办制冷空调行业科技成果对接会暨2024年度首都科技工作者服务月启动会";
    for (const s of ["市", "对接", "2024", "服务", "服务月启动"]) expect(points(b)).not.toContain(after(b, s));
    for (const s of ["市科协", "对接会", "服务月"]) expect(points(b)).toContain(after(b, s));
  });

  it("names the reason for each refused place", () => {
    const t = "市科协开展“千人·进千企”服务活动在京举办";
    const places = titleBreakPlaces(t, titleWords(t), 24);
    expect(places.find((p) => p.at === after(t, "千人·"))?.problem).toBe("quoted");
    expect(places.find((p) => p.at === after(t, "在"))).toMatchObject({ problem: "word", word: "在京" });
    expect(places.find((p) => p.at === after(t, "开展"))?.problem).toBeNull();
  });

  it("lets a quoted name wider than a line be broken between its words", () => {
    const t = "关于印发《北京市全民科学素质行动规划纲要实施方案及重点任务分工》的通知";
    expect(points(t, 24).some((at) => at > t.indexOf("《") && at < t.indexOf("》"))).toBe(true);
    expect(points(t, 40).some((at) => at > t.indexOf("《") && at < t.indexOf("》"))).toBe(false);
  });

  it("every break the automatic layout makes is one it would offer", () => {
    const titles = [
      "中国制冷学会、北京制冷学会与北京市科学技术协会联合举办制冷空调行业科技成果对接会",
      "市科协党组书记、常务副主席沈洁带队赴国家行政学院音像出版社调研座谈",
      "门头沟区科协积极参与防汛抢险救灾工作并慰问受灾群众和一线科技工作者",
      "海淀区科协召开AI大模型赋能科技服务座谈会暨2024年度首都科技工作者创新创业服务月启动会",
      "科学文化教育节目《大先生》第二季启动仪式暨“科学家精神”传播沙龙在北京科学中心举办",
      "市科协开展“千人·进千企”科技服务活动暨学会聚力赋能交流研讨活动在京举办",
      "朝阳区科协、朝阳区教委联合开展“院士专家进校园”活动，为中小学生讲授科学第一课",
    ];
    for (const t of titles) {
      for (const max of [24, 16]) {
        const out = lines(t, max);
        const offered = points(t, max);
        let at = 0;
        for (const l of out.slice(0, -1)) {
          at = t.indexOf(l, at) + l.length;
          expect(offered, `${t} @${max}: ${out.join("|")}`).toContain(at);
        }
      }
    }
  });

  it("refuses a manual break the breaker would not take, in Chinese, only when given the words", () => {
    const t = "市科协开展“千人·进千企”服务活动在京举办";
    const w = titleWords(t);
    expect(titleBreaksProblem(t, [after(t, "千人·")], w, 24)).toMatch(/书名号、引号或括号里的名称不能拆开/);
    expect(titleBreaksProblem(t, [after(t, "在")], w, 24)).toMatch(/“在京”是一个词/);
    expect(titleBreaksProblem(t, [after(t, "开展")], w, 24)).toBeNull();
    // Between characters of one word (not a place between words at all).
    expect(titleBreaksProblem(t, [after(t, "开")], w, 24)).toMatch(/词意完整/);
    // Without words only the punctuation rules apply (documents carried over from elsewhere).
    expect(titleBreaksProblem(t, [after(t, "在")])).toBeNull();
  });
});

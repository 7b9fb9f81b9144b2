import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BulletinParseError, documentFromParsed, parseBulletin, parseBulletinText, type ParsedBulletin, type ParsedFooter, type ParsedMasthead } from "./parse-text";
import { bulletinToText, DRAFT_LINE } from "./text";

const SAMPLES = path.resolve(__dirname, "../../db/samples");
const sample = (name: string) => readFileSync(path.join(SAMPLES, `${name}.txt`), "utf8");

// ─────────────── expectations, written by reading the samples ───────────────

/** An item as checked: title, attribution, paragraph count, and how its text starts and ends. */
type ItemOutline = [title: string, source: string | null, paragraphs: number, starts: string, ends: string];
interface Expected {
  masthead: ParsedMasthead | null;
  toc: string[];
  sections: { title: string | null; items: ItemOutline[] }[];
  footer: ParsedFooter | null;
}

function outline(p: ParsedBulletin): Expected {
  return {
    masthead: p.masthead,
    toc: p.toc,
    sections: p.sections.map((s) => ({
      title: s.title,
      items: s.items.map((i): ItemOutline => {
        const first = i.paragraphs[0] ?? "";
        const last = i.paragraphs[i.paragraphs.length - 1] ?? "";
        return [i.title, i.source, i.paragraphs.length, first.slice(0, 12), last.slice(-10)];
      }),
    })),
    footer: p.footer,
  };
}

/** The expectation's starts/ends are shorter than 12/10 characters where the text is: compare prefixes. */
function expectOutline(p: ParsedBulletin, expected: Expected) {
  const got = outline(p);
  expect({ ...got, sections: undefined }).toEqual({ ...expected, sections: undefined });
  expect(got.sections.map((s) => s.title)).toEqual(expected.sections.map((s) => s.title));
  got.sections.forEach((s, k) => {
    const want = expected.sections[k].items;
    expect(s.items.map(([t, src, n]) => [t, src, n])).toEqual(want.map(([t, src, n]) => [t, src, n]));
    s.items.forEach((item, j) => {
      const full = p.sections[k].items[j].paragraphs;
      expect(full[0].startsWith(want[j][3]), `${item[0]} starts with ${want[j][3]}`).toBe(true);
      expect(full[full.length - 1].endsWith(want[j][4]), `${item[0]} ends with ${want[j][4]}`).toBe(true);
    });
  });
}

const KEXIE_FOOTER: ParsedFooter = {
  mailbox: "skxxxbs@bast.net.cn",
  editor: "张红波",
  reviewer: "李金涛",
  distribution: ["市科协第十届委员会主席、副主席、常委、委员", "市科协驻会领导", "市学会、基金会，区科协，基层组织", "机关各部门及事业单位"],
  printedBy: null,
  printedDate: null,
  printRun: null,
};

const EXPECTED: Record<string, Expected> = {
  "2023-20": {
    masthead: { title: "科协每周动态", year: 2023, number: 20, totalNumber: 73, office: "北京市科协办公室", date: "2023-07-07" },
    toc: [
      "市科协党组理论学习中心组开展主题教育学习研讨",
      "学会聚力赋能交流研讨活动在京举办",
      "科学文化教育节目《大先生》第二季启动",
      "中国制冷学会、北京制冷学会与中信和业开展联学共建",
      "东城区科协邀请两新组织党员参加党日活动",
    ],
    sections: [
      {
        title: "主题教育",
        items: [
          ["市科协党组理论学习中心组开展主题教育学习研讨", null, 3, "6月28日上午，市科协党组", "推动科协事业发展。"],
          ["市科协领导赴国家行政学院音像出版社调研", null, 3, "6月27日下午，市科协党组", "线上线下科技工作者之家。"],
        ],
      },
      { title: "科创工作", items: [["学会聚力赋能交流研讨活动在京举办", null, 3, "6月27日，中国科协学会", "可能的解决路径。"]] },
      { title: "科普工作", items: [["科学文化教育节目《大先生》第二季启动", null, 2, "6月30日，“科学家精神", "一体，做优品牌。"]] },
      {
        title: "基层动态",
        items: [
          ["中国制冷学会、北京制冷学会与中信和业开展联学共建", "北京制冷学会", 3, "为深入开展学习贯彻", "升华觉悟，提高境界。"],
          ["昌平区科协组织“庆七一”过政治生日活动", "昌平区科协", 3, "6月27日，昌平区科协", "做出应有贡献。"],
          ["东城区科协邀请两新组织党员参加七一主题党日", "东城区科协", 2, "6月30日上午，东城区科协", "方向指引和信仰感召。"],
        ],
      },
    ],
    footer: KEXIE_FOOTER,
  },
  "2023-21": {
    masthead: { title: "科协每周动态", year: 2023, number: 21, totalNumber: 74, office: "北京市科协办公室", date: "2023-08-11" },
    toc: [
      "北京市全民科学素质工作第二次会议召开",
      "市科协召开主题教育学习研讨专题会",
      "举全市之力打造首都群众性科学文化活动",
      "国际科技组织总部集聚区举办主题沙龙",
      "石景山区科协第九次代表大会召开",
      "门头沟区科协积极参与防汛抢险救灾",
    ],
    sections: [
      { title: null, items: [["2023年北京市全民科学素质工作第二次会议召开", null, 3, "8月9日，2023年北京市", "重点人群的相关工作。"]] },
      { title: "主题教育", items: [["市科协召开主题教育学习研讨专题会", null, 2, "近日，市科协召开学习", "组织生活会筹备工作。"]] },
      { title: "科普工作", items: [["举全市之力打造首都群众性科学文化活动盛宴", null, 2, "2023年北京市全国科普", "首都科普事业发展作贡献。"]] },
      {
        title: "科创工作",
        items: [["“千人进千企”服务团产学研用成果对接会——高端装备制造专场活动在京举办", "创新服务中心", 2, "近日，“千人进千企”", "分别进行现场路演展示。"]],
      },
      { title: "国际科技交流", items: [["国际科技组织总部集聚区举办主题沙龙", "北京科技国际交流中心", 3, "近日，中国科协国际组织", "联系、服务、协调。"]] },
      {
        title: "基层动态",
        items: [
          ["石景山区科协第九次代表大会召开", "石景山区科协", 3, "8月8日上午，石景山区", "科学普及的促进者。"],
          ["门头沟区科协积极参与防汛抢险救灾工作并组织科技企业向灾区捐款", "门头沟区科协", 2, "门头沟区科协第一时间", "初心使命与责任担当。"],
          ["科技成果转化服务团深入企业探寻需求力求转化", "北京纺织工程学会", 2, "为贯彻落实党的二十大精神", "为科技成果转化贡献力量。"],
        ],
      },
    ],
    footer: null,
  },
  "2023-25": {
    masthead: { title: "科协每周动态", year: 2023, number: 25, totalNumber: 78, office: "北京市科协办公室", date: "2023-11-16" },
    toc: [
      "市科协党务干部培训班暨科技社团能力提升培训班开班",
      "京宁两地科协组织深化科技交流合作",
      "密云区召开科普工作联席会暨全民科学素质工作会",
      "平谷区四校学子与科学家面对面",
      "第十八届京津冀地区研究生膜技术论坛举办",
      "清华大学老科协科普演讲团推动科学普及",
    ],
    sections: [
      {
        title: null,
        items: [
          ["2023年北京市科协党务干部培训班暨科技社团能力提升培训班开班", null, 3, "为深入学习贯彻习近平", "推动工作的强大力量。"],
          ["京宁两地科协组织深化科技交流合作院士专家助力自治区产业高质量发展", null, 2, "为深入贯彻落实习近平", "公民科学素质提升。"],
        ],
      },
      {
        title: "基层动态",
        items: [
          ["密云区召开科普工作联席会暨全民科学素质工作会", "密云区科协", 3, "11月2日，密云区召开", "高标准做好科普工作。"],
          ["海淀区科协赴纳通科技集团调研促发展", "海淀区科协", 3, "为推动主题教育见行见效", "贡献科协力量。"],
          ["平谷区四校学子与科学家面对面", "平谷区科协", 2, "11月13日、14日", "科学的梦想火花。"],
          ["第六届京津冀生态修复实践研讨论坛举办", "北京生态修复学会", 2, "近日，北京生态修复学会", "就议题进行汇报。"],
          ["第十八届京津冀地区研究生膜技术论坛举办", "北京膜学会", 2, "在北京市科协的指导下", "组织分会场交流。"],
          ["清华大学老科协科普演讲团推动科学普及展现银铃风采", "清华大学老科学技术工作者协会", 2, "清华大学老科学技术工作者", "取得较好的效果。"],
        ],
      },
    ],
    footer: KEXIE_FOOTER,
  },
};

/** What the text says, without the list of lines it left out (which differs between layouts). */
const content = (p: ParsedBulletin) => ({ ...p, dropped: undefined });

const paragraphsOf = (p: ParsedBulletin) => p.sections.flatMap((s) => s.items.flatMap((i) => i.paragraphs));

describe("the samples", () => {
  for (const name of Object.keys(EXPECTED)) {
    it(`${name} parses to the hand-checked document`, () => {
      const parsed = parseBulletin(sample(name));
      expectOutline(parsed, EXPECTED[name]);
      expect(parsed.draft).toBe(false);
    });

    it(`${name}: no page numbers, links or extraction spaces are left in the text`, () => {
      for (const p of paragraphsOf(parseBulletin(sample(name)))) {
        expect(p).not.toMatch(/https?:|- \d+ -/);
        expect(p).not.toMatch(/\p{Script=Han}\s+\d|\d\s+\p{Script=Han}/u);
        expect(p).not.toMatch(/^\s|\s$/);
      }
    });
  }

  it("2023-20: paragraphs split by a page break are joined where the sentence continues", () => {
    const text = paragraphsOf(parseBulletin(sample("2023-20"))).join("\n");
    expect(text).toContain("扎实做好各类问题的处理反馈。全员调研");
    expect(text).toContain("专业化，在网络教学、教学评估");
    expect(text).toContain("产业技术的全球创新中心。高福建议");
    expect(text).toContain("全体党员到怀柔区九渡河镇红色教育基地");
    expect(text).toContain("《认真学习贯彻二十大精神，发挥科协优势，为人才强国战略做贡献》的党课");
    // A bracket inside a sentence is text, not an attribution.
    expect(text).toContain("主题教育学习研讨（扩大）会议");
  });

  it("2023-21: hard-wrapped lines are re-joined, digits lose the extraction's spaces, attributions are found wherever they wrapped", () => {
    const parsed = parseBulletin(sample("2023-21"));
    const text = paragraphsOf(parsed).join("\n");
    expect(text).toContain("8月9日，2023年北京市全民科学素质工作第二次会议在北京科学中心召开。");
    expect(text).toContain("将于9月16日至24日在全市范围全面开展。");
    expect(text).toContain("来自40余家企业的50余人现场参与。");
    expect(text).toContain("科技成果转化服务团7月份组织");
    expect(text).toContain("短波长特征X射线技术");
    expect(text).toContain("（远京基金）合伙人");
    // A sentence that ended exactly at the margin, followed by a full line: still one paragraph.
    expect(text).toContain("开幕。市科协党组书记、常务副主席沈洁");
    expect(text).toContain("必胜信心。二是各级科协组织");
    // （石景山区科协） on its own line; （门头 | 沟区科协） split over two.
    const grassroots = parsed.sections[5].items;
    expect(grassroots[0].paragraphs[2].endsWith("科学普及的促进者。")).toBe(true);
    expect(grassroots[1].paragraphs[1].endsWith("初心使命与责任担当。")).toBe(true);
  });

  it("2023-25: Markdown marks go, real spaces in running text and Latin words stay", () => {
    const parsed = parseBulletin(sample("2023-25"));
    const text = paragraphsOf(parsed).join("\n");
    expect(text).toContain("社会主义思想 and 党的二十大精神");
    expect(text).toContain("《坚持党建引领 创建一流学会 在高水平科技自立自强中贡献科技社团力量》");
    expect(text).toContain("在北京市科技教育中心（市科协党校）开班。");
    expect(text).toContain("严谨的工作作风，不断研究掌握科普教育");
    expect(text).not.toMatch(/\*\*|^#/m);
  });
});

// ─────────────── the clean sample laid out like a PDF extraction ───────────────

const CLOSING = "，。、；：？！”’）》」』…";
const OPENING = "“‘（《「『";
const widthOf = (s: string) => [...s].reduce((w, ch) => w + (ch === " " ? 0 : ch.charCodeAt(0) >= 0x2000 ? 1 : 0.5), 0);

/**
 * Breaks text into printed lines: the first `first` wide, the rest `rest`. Chinese line-breaking
 * rules as a typesetter applies them: closing punctuation hangs at the end of the line, an opening
 * one moves to the next, numbers and the two-em dash are not split.
 */
function wrapText(text: string, first: number, rest: number): string[] {
  const tokens = text.match(/[A-Za-z0-9.%]+|——|……|./gsu) ?? [];
  const lines: string[] = [];
  let line: string[] = [];
  let width = 0;
  for (const token of tokens) {
    const limit = lines.length ? rest : first;
    // One closing mark may hang past the margin; a second one cannot.
    const hangs = CLOSING.includes(token) && width <= limit;
    if (width + widthOf(token) > limit && line.length && !hangs) {
      const carried = OPENING.includes(line[line.length - 1]) ? [line.pop() as string] : [];
      lines.push(line.join(""));
      line = carried;
      width = widthOf(carried.join(""));
    }
    line.push(token);
    width += widthOf(token);
  }
  if (line.length) lines.push(line.join(""));
  return lines;
}

/** 「8月9日」 → 「8 月 9 日」, as the extraction sets digits apart from Chinese. */
const spaceDigits = (s: string) => s.replace(/(\p{Script=Han})(\d)/gu, "$1 $2").replace(/(\d)(\p{Script=Han})/gu, "$1 $2");

interface Layout {
  /** Characters a body line holds (GB/T 9704: 28). */
  width: number;
  /** Characters a title line holds: titles print larger. */
  titleWidth: number;
  linesPerPage: number;
}
const GB9704: Layout = { width: 28, titleWidth: 22, linesPerPage: 22 };

/**
 * One-element-a-line text (a sample like 2023-20, or the text export) laid out the way text comes
 * out of the printed PDF: masthead title letter-spaced, office and date on one line, ● bullets,
 * titles wrapped narrower than the body, paragraphs wrapped with a two-character indent, a blank
 * line after every line, a page number at each page end with a stray link under one and a stray
 * space starting the next page, spaces around digits.
 */
function asPdfExtraction(clean: string, layout: Layout = GB9704): string {
  const src = clean
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const draft = src[0] === DRAFT_LINE ? [src.shift() as string] : [];
  // A supplement prints no running-number line.
  if (!/总第/.test(src[2])) src.splice(2, 0, "");
  const [title, issue, total, office, date, ...body] = src;
  const printed: string[] = [...draft, [...title].join(" "), issue, ...(total ? [total] : []), `${office} ${date}`];
  let inFooter = false;
  for (const line of body) {
    inFooter ||= /^信息报送邮箱|^编辑：|^审核：|^分送：/.test(line);
    if (inFooter || line === "目录提要" || /^【.*】$/.test(line)) printed.push(line);
    else if (line.startsWith("- ")) printed.push(`●${line.slice(2)}`);
    else if (widthOf(line) <= 45 && !/[。）]$/.test(line) && !/，/.test(line)) printed.push(...wrapText(line, layout.titleWidth, layout.titleWidth));
    else printed.push(...wrapText(line, layout.width - 2, layout.width));
  }
  const out: string[] = [];
  printed.forEach((line, k) => {
    const page = Math.floor(k / layout.linesPerPage);
    if (k > 0 && k % layout.linesPerPage === 0) {
      out.push(`- ${page + 1} -`);
      if (page === 1) out.push("http://www.baidu.com/link?url=tWAIrAqJfvuOY9mRk35fITkI76zBeO");
      out.push(` ${spaceDigits(line)}`);
    } else {
      out.push(spaceDigits(line));
    }
  });
  return "\n- 1 -\n\n" + out.join("\n\n") + "\n";
}

describe("hard-wrapped PDF text", () => {
  it("the clean 2023-20, wrapped the way a PDF extraction does, parses to the same document", () => {
    const clean = sample("2023-20");
    const wrapped = asPdfExtraction(clean);
    // The fixture really is what it claims to be.
    expect(wrapped).toContain("科 协 每 周 动 态");
    expect(wrapped).toContain("北京市科协办公室 2023 年 7 月 7 日");
    expect(wrapped).toMatch(/\n- 3 -\n/);
    expect(wrapped).toMatch(/\n\n \S/);
    expect(Math.max(...wrapped.split("\n").filter((l) => !l.startsWith("http")).map(widthOf))).toBeLessThanOrEqual(29);
    expect(content(parseBulletin(wrapped))).toEqual(content(parseBulletin(clean)));
  });

  for (const name of ["2023-21", "2023-25"]) {
    it(`${name}, exported and wrapped again, parses to the same document`, () => {
      const parsed = parseBulletin(sample(name));
      const wrapped = asPdfExtraction(bulletinToText(documentFromParsed(parsed)));
      expect(content(parseBulletin(wrapped))).toEqual(content(parsed));
    });
  }

  // Not tied to 28: other body widths, title sizes (three-line titles at 16) and page lengths.
  const layouts = [26, 28, 30].flatMap((width) => [16, 20, 22].flatMap((titleWidth) => [17, 23].map((linesPerPage) => ({ width, titleWidth, linesPerPage }))));
  it.each(Object.keys(EXPECTED))("%s reads back the same at every layout", (name) => {
    const parsed = parseBulletin(sample(name));
    const clean = bulletinToText(documentFromParsed(parsed));
    for (const layout of layouts) expect(content(parseBulletin(asPdfExtraction(clean, layout))), JSON.stringify(layout)).toEqual(content(parsed));
  });
});

describe("hard-wrapped PDF text of other offices' issue kinds", () => {
  // A 合刊 in Chinese numerals with a bracketed year, persons in attributions and a brief column,
  // and an unnumbered 专刊: exported, wrapped the way a PDF extraction does, parsed back the same.
  const DOUBLE = [
    "城市科协动态",
    "〔2024〕第三-四期（合刊）",
    "（总第120-121期）",
    "北京市某区科协办公室编 二〇二四年二月二十八日",
    "【工作动态】",
    "区科协召开八届三次全委会",
    "2月20日，区科协召开八届三次全委会，总结2023年工作，部署2024年任务，要求各基层组织围绕中心、服务大局，把各项工作抓实抓细。",
    "会议指出，过去一年，全区各级科协组织坚持以习近平新时代中国特色社会主义思想为指导，团结引领广大科技工作者，在服务科技工作者、服务创新驱动发展、服务全民科学素质提升、服务党和政府科学决策等方面取得了新的成效，为全区经济社会高质量发展作出了积极贡献。",
    "会议强调，新的一年，要坚持政治引领，筑牢思想根基；要坚持服务为本，建好科技工作者之家；要坚持改革创新，激发组织活力；要坚持协同联动，形成工作合力，以更加昂扬的精神状态推动科协事业高质量发展。（办公室 张三）",
    "【简讯】",
    "2月5日，区老科协走访慰问老科技工作者，送去节日问候和慰问品，并听取了大家对科协工作的意见建议。（区老科协）",
    "2月8日，区青少年科技馆举办寒假科学营。（区青少年科技馆、区教委）",
    "春节科普大集开市",
    "2月10日，春节科普大集在区文化广场开市，吸引市民三千余人次。（通讯员 欧阳明）",
  ].join("\n\n");
  const SPECIAL = DOUBLE.replace("〔2024〕第三-四期（合刊）", "2024年 专刊").replace("（总第120-121期）\n\n", "");

  it.each([
    ["合刊", DOUBLE],
    ["专刊", SPECIAL],
  ])("%s reads back the same from its export, wrapped at every layout", (_name, text) => {
    const parsed = parseBulletin(text);
    expect(parsed.masthead?.kind).toBeDefined();
    const clean = bulletinToText(documentFromParsed(parsed));
    for (const layout of [26, 28, 30].map((width) => ({ width, titleWidth: 20, linesPerPage: 23 }))) {
      expect(content(parseBulletin(asPdfExtraction(clean, layout))), JSON.stringify(layout)).toEqual(content(parsed));
    }
  });
});

// ─────────────── round trip ───────────────

describe("round trip: export → parse", () => {
  for (const name of Object.keys(EXPECTED)) {
    it(`${name}: parse → text export → parse gives the same document`, () => {
      const first = parseBulletin(sample(name));
      const text = bulletinToText(documentFromParsed(first));
      expect(content(parseBulletin(text))).toEqual(content(first));
      expect(parseBulletinText(text)).toEqual(documentFromParsed(first));
    });
  }

  it("the export's draft line sets the draft flag and is not a section", () => {
    const doc = { ...parseBulletinText(sample("2023-20")), draft: true };
    const text = bulletinToText(doc);
    expect(text).toContain(DRAFT_LINE);
    const again = parseBulletinText(text);
    expect(again.draft).toBe(true);
    expect(again.sections.map((s) => s.title)).toEqual(["主题教育", "科创工作", "科普工作", "基层动态"]);
    expect(again).toEqual(doc);
  });

  it("the 印发 line and the print run come back from the export", () => {
    const doc = parseBulletinText(sample("2023-25"));
    doc.footer = { ...doc.footer, printedBy: "北京市科协办公室", printedDate: "2023-11-16", printRun: 150 };
    expect(parseBulletinText(bulletinToText(doc)).footer).toEqual(doc.footer);
  });
});

// ─────────────── fragments ───────────────

describe("fragments", () => {
  it("only items: no masthead, TOC or footer, the items form the lead section", () => {
    const parsed = parseBulletin(`
怀柔区科协举办青少年无人机编程挑战赛

9月2日，怀柔区科协在雁栖湖畔举办青少年无人机编程挑战赛，来自全区12所中小学的86名学生参赛。

比赛设图形化编程和代码编程两个组别，选手们现场调试程序，完成穿越障碍、定点降落等任务。（怀柔区科协）

北京市气象学会走进延庆山区小学

9月5日，北京市气象学会组织气象专家走进延庆区千家店镇中心小学，为师生讲解极端天气防范知识。
`);
    expect(parsed.masthead).toBeNull();
    expect(parsed.toc).toEqual([]);
    expect(parsed.footer).toBeNull();
    expect(parsed.sections).toEqual([
      {
        title: null,
        items: [
          {
            title: "怀柔区科协举办青少年无人机编程挑战赛",
            paragraphs: [
              "9月2日，怀柔区科协在雁栖湖畔举办青少年无人机编程挑战赛，来自全区12所中小学的86名学生参赛。",
              "比赛设图形化编程和代码编程两个组别，选手们现场调试程序，完成穿越障碍、定点降落等任务。",
            ],
            source: "怀柔区科协",
          },
          { title: "北京市气象学会走进延庆山区小学", paragraphs: ["9月5日，北京市气象学会组织气象专家走进延庆区千家店镇中心小学，为师生讲解极端天气防范知识。"], source: null },
        ],
      },
    ]);
  });

  it("sections without a masthead or footer, items without attribution", () => {
    const parsed = parseBulletin(`【学术交流】

青年科学家沙龙聚焦量子计算

近日，市科协举办第十二期青年科学家沙龙，二十余位青年学者围绕量子纠错与量子算法展开交流。

【科普工作】

“科普大篷车”开进密云水库库区

本周，“科普大篷车”在溪翁庄镇巡展三天，展出互动展品三十余件。
`);
    expect(parsed.masthead).toBeNull();
    expect(parsed.sections.map((s) => [s.title, s.items.map((i) => [i.title, i.source, i.paragraphs.length])])).toEqual([
      ["学术交流", [["青年科学家沙龙聚焦量子计算", null, 1]]],
      ["科普工作", [["“科普大篷车”开进密云水库库区", null, 1]]],
    ]);
  });

  it("a fragment that starts mid-item keeps its first paragraphs under an untitled item", () => {
    const parsed = parseBulletin(`活动吸引了周边社区居民300余人参加。（顺义区科协）

通州区科协开展防灾减灾科普周活动

5月12日，通州区科协联合区应急管理局在运河公园开展防灾减灾科普周活动。`);
    expect(parsed.sections[0].items.map((i) => [i.title, i.source, i.paragraphs.length])).toEqual([
      ["", "顺义区科协", 1],
      ["通州区科协开展防灾减灾科普周活动", null, 1],
    ]);
  });

  it("a hard-wrapped fragment with page numbers and no masthead", () => {
    const clean = `【基层动态】

丰台区科协召开第八届委员会第五次全体会议

12月1日，丰台区科协召开第八届委员会第五次全体会议，审议通过了年度工作报告，选举产生了新一届常务委员会，部署了2024年重点工作。区委常委、组织部部长出席会议并讲话，强调要持续深化科协组织改革，把更多科技工作者团结在党的周围。

会议指出，一年来区科协围绕中心、服务大局，在学术交流、科学普及、人才举荐等方面取得了新进展，为区域高质量发展贡献了科协力量。（丰台区科协）`;
    const wrapped = clean
      .split("\n")
      .filter(Boolean)
      .flatMap((l) => (l.length > 30 ? wrapText(l, 26, 28) : [l]))
      .map(spaceDigits);
    wrapped.splice(4, 0, "- 7 -");
    const parsed = parseBulletin(wrapped.join("\n\n"));
    expect(content(parsed)).toEqual(content(parseBulletin(clean)));
    expect(parsed.sections[0].items[0].source).toBe("丰台区科协");
    expect(parsed.sections[0].items[0].paragraphs[0]).toContain("部署了2024年重点工作。区委常委");
  });

  it("after a title, a short comma-less line cut off by a page break is still the start of the paragraph", () => {
    const parsed = parseBulletin(`西城区科协举办科技工作者座谈会

11月3日上午西城区科协在金融街召开科技工作者座谈

会，二十余位专家学者参加。`);
    expect(parsed.sections[0].items).toEqual([
      { title: "西城区科协举办科技工作者座谈会", paragraphs: ["11月3日上午西城区科协在金融街召开科技工作者座谈会，二十余位专家学者参加。"], source: null },
    ]);
  });
});

// ─────────────── bulletins the parser has never seen ───────────────

describe("invented bulletins", () => {
  const invented = `
${DRAFT_LINE}

内部资料

科技工作简报

2024年第3期（总第120期）

江南省科学技术协会办公室　　2024年1月5日

本期要目

• 省科协召开乡村振兴科技服务推进会

• 黄山区科技志愿服务队助力茶产业

【乡村振兴】

省科协召开乡村振兴科技服务推进会

1月3日，省科协召开乡村振兴科技服务推进会，总结2023年科技助力乡村振兴工作，部署2024年重点任务。

会议印发了《科技服务乡村振兴行动方案（试行）》，明确了五个方面十八项具体举措。

【科技志愿服务】

黄山区科技志愿服务队助力茶产业

岁末年初，黄山区科技志愿服务队深入太平湖畔茶园，开展茶树冬季管护技术培训，服务茶农 300 余人次。

服务队还联合江南农业大学专家，为茶企提供 AI 病虫害识别和 5G 溯源平台建设咨询，与 World Tea Organization 的专家线上交流。（黄山区科技局、江南农业大学）

南湖职业技术学院师生走进社区科普

1月4日，南湖职业技术学院组织师生走进城东社区，开展家庭用电安全科普活动。（南湖职业技术学院）

科普讲座结束后，社区居民意犹未尽。（完）

国家天文台专家走进江南

1月2日，国家天文台专家在江南省科技馆作“寻找系外行星”主题报告。（国家天文台）

投稿邮箱：jnkx_jb@example.org.cn

责任编辑：王　芳

审  核：赵  六

分送：省科协领导

各市科协，省级学会

江南省科协办公室  2024年1月5日印发

（共印120份）
`;

  it("reads masthead, TOC, unseen sections, titles, units and footer by general rules", () => {
    const parsed = parseBulletin(invented);
    expect(parsed.draft).toBe(true);
    expect(parsed.masthead).toEqual({ title: "科技工作简报", year: 2024, number: 3, totalNumber: 120, office: "江南省科学技术协会办公室", date: "2024-01-05" });
    expect(parsed.toc).toEqual(["省科协召开乡村振兴科技服务推进会", "黄山区科技志愿服务队助力茶产业"]);
    expect(parsed.sections.map((s) => [s.title, s.items.map((i) => [i.title, i.source, i.paragraphs.length])])).toEqual([
      ["乡村振兴", [["省科协召开乡村振兴科技服务推进会", null, 2]]],
      [
        "科技志愿服务",
        [
          ["黄山区科技志愿服务队助力茶产业", "黄山区科技局、江南农业大学", 2],
          ["南湖职业技术学院师生走进社区科普", null, 2],
          ["国家天文台专家走进江南", "国家天文台", 1],
        ],
      ],
    ]);
    const tea = parsed.sections[1].items[0].paragraphs;
    expect(tea[0]).toContain("服务茶农300余人次。");
    expect(tea[1]).toContain("提供AI病虫害识别和5G溯源平台");
    expect(tea[1]).toContain("与 World Tea Organization 的专家");
    // （试行） is part of a title in the sentence; （完） names no unit; an attribution is only ever at an item's very end.
    expect(parsed.sections[0].items[0].paragraphs[1]).toContain("《科技服务乡村振兴行动方案（试行）》");
    expect(parsed.sections[1].items[1].paragraphs).toEqual([
      "1月4日，南湖职业技术学院组织师生走进城东社区，开展家庭用电安全科普活动。（南湖职业技术学院）",
      "科普讲座结束后，社区居民意犹未尽。（完）",
    ]);
    expect(parsed.footer).toEqual({
      mailbox: "jnkx_jb@example.org.cn",
      editor: "王芳",
      reviewer: "赵六",
      distribution: ["省科协领导", "各市科协，省级学会"],
      printedBy: "江南省科协办公室",
      printedDate: "2024-01-05",
      printRun: 120,
    });
  });

  it("the invented bulletin survives export → parse, and export → PDF-style wrapping → parse", () => {
    const parsed = parseBulletin(invented);
    const text = bulletinToText(documentFromParsed(parsed));
    expect(content(parseBulletin(text))).toEqual(content(parsed));
    expect(content(parseBulletin(asPdfExtraction(text)))).toEqual(content(parsed));
  });

  it("Markdown: a heading over deeper headings is a section, **bold** lines are titles, TOC without bullets", () => {
    const parsed = parseBulletin(`# 青 年 科 技 动 态

第 7 期

(总第 31 期)

滨海市青年科技工作者协会 2022 年 3 月 18 日

## 目录提要

新材料青年论坛在滨海举办

滨海港口智慧物流研讨会召开

## 学术活动

### 新材料青年论坛在滨海举办

3月12日，新材料青年论坛在滨海举办，来自12家单位的青年学者作报告。（滨海市材料学会）

**滨海港口智慧物流研讨会召开**

3月15日，滨海港口智慧物流研讨会召开，与会专家就自动化码头建设展开研讨。（滨海港口集团、滨海理工大学）
`);
    expect(parsed.masthead).toEqual({ title: "青年科技动态", year: 2022, number: 7, totalNumber: 31, office: "滨海市青年科技工作者协会", date: "2022-03-18" });
    expect(parsed.toc).toEqual(["新材料青年论坛在滨海举办", "滨海港口智慧物流研讨会召开"]);
    expect(parsed.sections.map((s) => [s.title, s.items.map((i) => [i.title, i.source])])).toEqual([
      [
        "学术活动",
        [
          ["新材料青年论坛在滨海举办", "滨海市材料学会"],
          ["滨海港口智慧物流研讨会召开", "滨海港口集团、滨海理工大学"],
        ],
      ],
    ]);
  });

  it("an unbulleted TOC gives its last line back when it is the first item's title", () => {
    const parsed = parseBulletin(`城市科协周报

2021年 第40期

（总第200期）

目录提要

科技馆夜场开放

院士专家进社区

科技馆夜场开放

10月1日起，市科技馆推出周末夜场，每晚开放至21时。（市科技馆）

【科普工作】

院士专家进社区

10月2日，两位院士走进东湖社区，与居民面对面交流。（东湖街道）
`);
    expect(parsed.toc).toEqual(["科技馆夜场开放", "院士专家进社区"]);
    expect(parsed.masthead).toEqual({ title: "城市科协周报", year: 2021, number: 40, totalNumber: 200, office: null, date: null });
    expect(parsed.sections.map((s) => [s.title, s.items.map((i) => [i.title, i.source])])).toEqual([
      [null, [["科技馆夜场开放", "市科技馆"]]],
      ["科普工作", [["院士专家进社区", "东湖街道"]]],
    ]);
  });

  it("a two-line title is one title; a title with a year in it is not a masthead", () => {
    const parsed = parseBulletin(`2024年全市青少年科技创新大赛暨第十届

机器人竞赛颁奖仪式举行

4月20日，颁奖仪式在市青少年宫举行，126个项目获奖。（市青少年科技中心、市教委）`);
    expect(parsed.masthead).toBeNull();
    expect(parsed.sections[0].items).toEqual([
      {
        title: "2024年全市青少年科技创新大赛暨第十届机器人竞赛颁奖仪式举行",
        paragraphs: ["4月20日，颁奖仪式在市青少年宫举行，126个项目获奖。"],
        source: "市青少年科技中心、市教委",
      },
    ]);
  });

  it("masthead and heading variants: full-width digits, Markdown issue line, 主办 prefix, a title run in after its heading", () => {
    const parsed = parseBulletin(`# 老科技工作者通讯

## ２０２２年第１２期

总第９８期

主办：某某省老科技工作者协会

２０２２年１２月３０日

【会员风采】退休工程师义务维修农机三十年

【编者按】本文记录了一位老科技工作者服务乡村的故事。

张师傅退休后坚持义务为村民维修农机，累计服务两千余次。（某某县老科协）

湖畔社区科普讲座开讲

12月28日，湖畔社区科普讲座开讲，居民踊跃参加。`);
    expect(parsed.masthead).toEqual({ title: "老科技工作者通讯", year: 2022, number: 12, totalNumber: 98, office: "某某省老科技工作者协会", date: "2022-12-30" });
    expect(parsed.sections.map((s) => [s.title, s.items.map((i) => [i.title, i.source, i.paragraphs])])).toEqual([
      [
        "会员风采",
        [
          ["退休工程师义务维修农机三十年", "某某县老科协", ["【编者按】本文记录了一位老科技工作者服务乡村的故事。", "张师傅退休后坚持义务为村民维修农机，累计服务两千余次。"]],
          ["湖畔社区科普讲座开讲", null, ["12月28日，湖畔社区科普讲座开讲，居民踊跃参加。"]],
        ],
      ],
    ]);
  });

  it("an item's own contact line is not the footer; a bold sentence is not a title", () => {
    const parsed = parseBulletin(`科普讲解大赛报名启动

市科协即日起启动第八届科普讲解大赛报名工作。

**报名截止时间为6月30日，请各单位抓紧组织。**

邮箱：kpjs@example.cn

科技馆新展厅开放

5月1日，科技馆新展厅正式开放。（市科技馆）

信息报送邮箱：office@example.cn

编辑：刘一`);
    expect(parsed.sections[0].items.map((i) => [i.title, i.paragraphs.length, i.source])).toEqual([
      ["科普讲解大赛报名启动", 3, null],
      ["科技馆新展厅开放", 1, "市科技馆"],
    ]);
    expect(parsed.sections[0].items[0].paragraphs[1]).toBe("报名截止时间为6月30日，请各单位抓紧组织。");
    expect(parsed.footer).toMatchObject({ mailbox: "office@example.cn", editor: "刘一", reviewer: null, distribution: [] });
  });

  it("fills a BulletinDocument with empty values where the text has no masthead or footer", () => {
    const doc = parseBulletinText("院士专家进社区\n\n10月2日，两位院士走进东湖社区。");
    expect(doc.masthead).toEqual({ title: "", year: 0, number: 0, totalNumber: 0, office: "", date: "" });
    expect(doc.footer).toEqual({ mailbox: "", editor: "", reviewer: "", distribution: [], printedBy: null, printedDate: null, printRun: null });
    expect(doc.sections[0].items[0].paragraphs).toEqual([[{ text: "10月2日，两位院士走进东湖社区。" }]]);
    expect(doc.draft).toBe(false);
  });
});

// ─────────────── bad input ───────────────

describe("bad input", () => {
  const errorOf = (text: string) => {
    try {
      parseBulletin(text);
    } catch (e) {
      if (e instanceof BulletinParseError) return { code: e.code, message: e.message };
      throw e;
    }
    return null;
  };
  const CHINESE = /\p{Script=Han}/u;

  it.each([
    ["empty", "", "empty"],
    ["only whitespace", " \n\n\t\u3000\n", "empty"],
    ["binary", "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000", "binary"],
    ["control characters", "科协".concat("\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f".repeat(3)), "binary"],
    ["mojibake", "\ufffd".repeat(40) + "科协", "binary"],
    ["a masthead and nothing else", "科协每周动态\n\n2023年 第20期\n\n（总第73期）", "no_item"],
    ["paragraphs without a title", "6月28日，市科协召开会议。\n\n会议要求，抓好落实。", "no_item"],
    ["not Chinese", "# README\n\nThis project parses bulletins.\n", "no_item"],
  ])("%s is refused with a Chinese message", (_what, text, code) => {
    const error = errorOf(text);
    expect(error?.code).toBe(code);
    expect(error?.message).toMatch(CHINESE);
  });

  it("parseBulletinText throws the same error", () => {
    expect(() => parseBulletinText("")).toThrow(BulletinParseError);
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseBulletinDocument } from "./document-schema";
import { parseBulletin, parseBulletinText, type ParsedBulletin } from "./parse-text";
import { bulletinToText } from "./text";

/**
 * Invented bulletins of other offices, one kind of form at a time, several shapes of each. None
 * of these texts is from the samples: the parser must read them by general rules.
 */

const BODY = `市科协召开学术年会筹备会

3月12日，市科协召开学术年会筹备会，部署年会各项工作。（学术部）`;

const mastheadOf = (text: string) => parseBulletin(`${text}\n\n${BODY}`).masthead;
const itemsOf = (p: ParsedBulletin) => p.sections.flatMap((s) => s.items);

describe("mastheads", () => {
  it.each([
    ["第九期", 9],
    ["第二十一期", 21],
    ["第一六零期", 160],
    ["第一百二十期", 120],
    ["第十期", 10],
  ])("Chinese numerals: %s → %i", (issue, n) => {
    const m = mastheadOf(`老科协简报\n\n2024年${issue}\n\n2024年3月15日`);
    expect(m).toMatchObject({ title: "老科协简报", year: 2024, number: n, numbering: { numerals: "chinese", yearBrackets: false } });
  });

  it.each(["〔2022〕第九期", "﹝2022﹞第九期", "[2022]第九期", "［2022］ 第 九 期"])("a bracketed year before the number: %s", (issue) => {
    const m = mastheadOf(`高教文摘\n\n${issue}\n\n2022年5月6日`);
    expect(m).toMatchObject({ year: 2022, number: 9, numbering: { numerals: "chinese", yearBrackets: true } });
  });

  it("a bracketed year with Arabic numerals", () => {
    expect(mastheadOf("高教文摘\n\n〔2023〕第12期\n\n2023年6月1日")).toMatchObject({ year: 2023, number: 12, numbering: { numerals: "arabic", yearBrackets: true } });
  });

  it.each([
    ["2024年第3-4期", "总第120-121期"],
    ["2024年 第3～4期", "（总第120～121期）"],
    ["2024年第3、4期合刊", "(总第120、121期)"],
    ["〔2024〕第三-四期（合刊）", "总第120-121期"],
  ])("double issues: %s %s", (issue, total) => {
    const m = mastheadOf(`城市科协动态\n\n${issue}\n\n${total}\n\n2024年2月28日`);
    expect(m).toMatchObject({ year: 2024, number: 3, numberEnd: 4, totalNumber: 120, totalNumberEnd: 121, kind: "double" });
  });

  it("a double issue without a running-number range gets one from its numbers", () => {
    expect(mastheadOf("城市科协动态\n\n2024年第5-6期\n\n总第130期\n\n2024年4月1日")).toMatchObject({ number: 5, numberEnd: 6, totalNumber: 130, totalNumberEnd: 131 });
  });

  it.each([
    ["2024年增刊第1期", "增刊", 1],
    ["2024年 增刊", "增刊", null],
    ["专刊", "专刊", null],
    ["〔2024〕特刊第二期", "特刊", 2],
    ["2024年专刊（第3期）", "专刊", 3],
  ])("supplements: %s", (issue, label, n) => {
    const m = mastheadOf(`老科协简报\n\n${issue}\n\n2024年7月1日`);
    expect(m).toMatchObject({ year: 2024, kind: "supplement", supplementLabel: label, number: n, totalNumber: null });
  });

  it.each([
    ["第3期 总第120期 2024年3月15日", { number: 3, totalNumber: 120, date: "2024-03-15", year: 2024 }],
    ["2024年第3期（总第120期）", { number: 3, totalNumber: 120, year: 2024 }],
    ["第二十一期　总第一六零期　二〇二四年三月十五日", { number: 21, totalNumber: 160, date: "2024-03-15" }],
  ])("number, total and date on one line: %s", (line, want) => {
    expect(mastheadOf(`简报\n\n${line}`)).toMatchObject(want);
  });

  it.each(["简  报", "简 报", "科 技 简 报"])("a spaced-out title: %s", (title) => {
    expect(mastheadOf(`${title}\n\n2024年第3期\n\n2024年3月15日`)?.title).toBe(title.replace(/\s/g, ""));
  });

  it("a title over two lines, under a classification line", () => {
    const p = parseBulletin(`内部资料 注意保存\n\n北京市老科学技术工作者协会\n\n简  报\n\n2024年第3期\n\n2024年3月15日\n\n${BODY}`);
    expect(p.masthead?.title).toBe("北京市老科学技术工作者协会简报");
    expect(p.dropped).toContainEqual({ text: "内部资料注意保存", reason: "classification" });
  });

  it.each([
    ["发展研究中心编 2024年3月15日", "发展研究中心"],
    ["2024年3月15日 发展研究中心编", "发展研究中心"],
    ["北京市科协办公室编印　2024年3月15日", "北京市科协办公室"],
    ["主办：市老科协 2024年3月15日", "市老科协"],
    ["2024年3月15日　市科协学会部主办", "市科协学会部"],
  ])("office and date on one line, either order, 编/编印/主办: %s", (line, office) => {
    expect(mastheadOf(`简报\n\n2024年第3期\n\n${line}`)).toMatchObject({ office, date: "2024-03-15" });
  });

  it("office on its own line with 编", () => {
    expect(mastheadOf(`简报\n\n2024年第3期\n\n高等教育研究所编\n\n2024年3月15日`)).toMatchObject({ office: "高等教育研究所", date: "2024-03-15" });
  });

  it.each([
    ["2024年3月15日", "2024-03-15"],
    ["2024年03月05日", "2024-03-05"],
    ["2024.3.15", "2024-03-15"],
    ["2024-03-15", "2024-03-15"],
    ["2024/3/15", "2024-03-15"],
    ["二〇二四年三月十五日", "2024-03-15"],
    ["二○二四年十二月三十一日", "2024-12-31"],
  ])("dates: %s", (date, iso) => {
    expect(mastheadOf(`简报\n\n2024年第3期\n\n${date}`)?.date).toBe(iso);
  });

  it("a title with an issue number in it is not a masthead", () => {
    const p = parseBulletin(`市科协召开2024年第1期青年学术沙龙\n\n3月1日，沙龙在市科技馆举行。（学术部）`);
    expect(p.masthead).toBeNull();
    expect(itemsOf(p)[0].title).toBe("市科协召开2024年第1期青年学术沙龙");
  });
});

describe("attributions", () => {
  const item = (last: string) => itemsOf(parseBulletin(`院士专家走进延庆\n\n5月8日，专家团走进延庆区开展科技服务。${last}`))[0];
  const own = (line: string) => itemsOf(parseBulletin(`院士专家走进延庆\n\n5月8日，专家团走进延庆区开展科技服务。\n\n${line}`))[0];

  it.each([
    ["（延庆区科协）", "延庆区科协", undefined],
    ["（延庆区科协供稿）", "延庆区科协", undefined],
    ["（延庆区科协 供稿）", "延庆区科协", undefined],
    ["（供稿：延庆区科协）", "延庆区科协", undefined],
    ["（来源：延庆区科协）", "延庆区科协", undefined],
    ["（通讯员 张三）", null, "张三"],
    ["（通讯员：欧阳明）", null, "欧阳明"],
    ["（延庆区科协 张三）", "延庆区科协", "张三"],
    ["（张三 李四）", null, "张三、李四"],
    ["（延庆区科协、市农学会）", "延庆区科协、市农学会", undefined],
    ["（延庆区科协、市农学会 王五）", "延庆区科协、市农学会", "王五"],
    ["（延庆区科协 通讯员 赵六）", "延庆区科协", "赵六"],
  ])("inline %s", (attr, source, author) => {
    const it = item(attr);
    expect([it.source, it.author]).toEqual([source, author]);
    expect(it.paragraphs).toEqual(["5月8日，专家团走进延庆区开展科技服务。"]);
  });

  it.each([
    ["（延庆区科协）", "延庆区科协", undefined],
    ["（供稿：市农学会）", "市农学会", undefined],
    ["（通讯员 张三）", null, "张三"],
    ["(延庆区科协 李四)", "延庆区科协", "李四"],
  ])("on a line of its own: %s", (line, source, author) => {
    const it = own(line);
    expect([it.source, it.author, it.paragraphs.length]).toEqual([source, author, 1]);
  });

  it.each(["（完）", "（待续）", "（扩大）", "（第二期）"])("%s is not an attribution", (tail) => {
    expect(item(tail).source).toBeNull();
    expect(item(tail).author).toBeUndefined();
  });
});

describe("sections", () => {
  const sectionsOf = (text: string) => parseBulletin(text).sections.map((s) => [s.title, s.items.map((i) => i.title)]);

  it.each([
    ["「工作动态」", "工作动态"],
    ["■工作动态", "工作动态"],
    ["■ 基层动态", "基层动态"],
    ["一、工作动态", "工作动态"],
    ["三、 学会风采", "学会风采"],
    ["〖 科普之窗 〗", "科普之窗"],
  ])("%s heads a section", (heading, title) => {
    expect(sectionsOf(`${heading}\n\n${BODY}`)).toEqual([[title, ["市科协召开学术年会筹备会"]]]);
  });

  it("a short line right above a title is a section heading; two of them give two sections", () => {
    expect(
      sectionsOf(`工作动态

市科协召开学术年会筹备会

3月12日，市科协召开学术年会筹备会。（学术部）

基层风采

延庆区科协开展科技下乡活动

3月15日，延庆区科协组织专家下乡。（延庆区科协）`),
    ).toEqual([
      ["工作动态", ["市科协召开学术年会筹备会"]],
      ["基层风采", ["延庆区科协开展科技下乡活动"]],
    ]);
  });

  it.each([
    ["本期要目", ["1. 市科协召开学术年会筹备会", "2. 延庆区科协开展科技下乡活动"]],
    ["本期导读", ["● 市科协召开学术年会筹备会", "● 延庆区科协开展科技下乡活动"]],
    ["目  录", ["- 市科协召开学术年会筹备会", "- 延庆区科协开展科技下乡活动"]],
    ["", ["1、市科协召开学术年会筹备会", "2、延庆区科协开展科技下乡活动"]],
    ["", ["①市科协召开学术年会筹备会", "②延庆区科协开展科技下乡活动"]],
  ])("contents under %s, marks stripped", (header, entries) => {
    const p = parseBulletin(`简报\n\n2024年第3期\n\n2024年3月15日\n\n${header}\n\n${entries.join("\n")}\n\n${BODY}\n\n延庆区科协开展科技下乡活动\n\n3月15日，延庆区科协组织专家下乡。（延庆区科协）`);
    expect(p.toc).toEqual(["市科协召开学术年会筹备会", "延庆区科协开展科技下乡活动"]);
    expect(itemsOf(p).map((i) => i.title)).toEqual(["市科协召开学术年会筹备会", "延庆区科协开展科技下乡活动"]);
  });
});

describe("brief columns", () => {
  it.each(["【简讯】", "【短讯】", "【动态简讯】", "■ 工作简讯"])("%s: untitled one-paragraph items, each with its attribution", (heading) => {
    const p = parseBulletin(`${BODY}

${heading}

3月5日，延庆区科协召开全委会，总结2023年工作。（延庆区科协）

3月6日，市农学会组织专家赴密云开展技术指导。（市农学会 张三）

3月8日，海淀区科协举办科技志愿者培训。

（海淀区科协）`);
    const brief = p.sections[p.sections.length - 1];
    expect(brief.items.map((i) => [i.title, i.source, i.author, i.paragraphs.length])).toEqual([
      ["", "延庆区科协", undefined, 1],
      ["", "市农学会", "张三", 1],
      ["", "海淀区科协", undefined, 1],
    ]);
  });
});

describe("inside an item", () => {
  it("sub-headings and list lines stay paragraphs of the item", () => {
    const p = parseBulletin(`市科协部署2024年重点工作

2月20日，市科协召开全委会，部署2024年重点工作。

一、加强组织建设

全面推进基层组织建设。

（一）完善学会治理

各学会要完善治理结构。

一是强化党建引领

二是提升服务能力

1.建立联络员制度

2.开展季度调度

● 会议由副主席主持

会议要求各单位抓好落实。（办公室）`);
    const items = itemsOf(p);
    expect(items.map((i) => i.title)).toEqual(["市科协部署2024年重点工作"]);
    expect(items[0].paragraphs).toEqual([
      "2月20日，市科协召开全委会，部署2024年重点工作。",
      "一、加强组织建设",
      "全面推进基层组织建设。",
      "（一）完善学会治理",
      "各学会要完善治理结构。",
      "一是强化党建引领",
      "二是提升服务能力",
      "1.建立联络员制度",
      "2.开展季度调度",
      "会议由副主席主持",
      "会议要求各单位抓好落实。",
    ]);
    expect(items[0].source).toBe("办公室");
  });

  it.each(["图为活动现场", "活动现场", "图：专家为村民讲解", "▲ 与会人员合影", "与会人员合影留影", "科普讲座现场（张三摄）"])("the photo caption %s is never an item", (caption) => {
    const p = parseBulletin(`科普讲座走进社区

3月3日，科普讲座走进东湖社区。

${caption}

讲座结束后，专家解答了居民的问题。（东湖街道）`);
    expect(itemsOf(p).map((i) => [i.title, i.paragraphs.length, i.source])).toEqual([["科普讲座走进社区", 2, "东湖街道"]]);
    expect(p.dropped.map((d) => d.reason)).toContain("caption");
  });

  it.each([
    ["科技赋能乡村振兴：", "市科协专家团走进延庆", "科技赋能乡村振兴：市科协专家团走进延庆"],
    ["喜报：", "我会两项成果获市科技进步奖", "喜报：我会两项成果获市科技进步奖"],
  ])("a lead-in line %s joins the title under it", (lead, title, want) => {
    const p = parseBulletin(`${BODY}\n\n${lead}\n\n${title}\n\n5月8日，专家团走进延庆区开展科技服务。（延庆区科协）`);
    expect(itemsOf(p).map((i) => i.title)).toEqual(["市科协召开学术年会筹备会", want]);
  });

  it("a paragraph that introduces a list (会议要求：) does not join a title", () => {
    const p = parseBulletin(`市科协召开学术年会筹备会\n\n3月12日，市科协召开筹备会。会议要求：\n\n一是明确分工\n\n二是倒排工期\n\n各部门抓好落实。（学术部）`);
    expect(itemsOf(p)).toHaveLength(1);
  });
});

describe("web-page noise", () => {
  it("breadcrumbs, article info, buttons and sharing widgets are dropped and listed", () => {
    const p = parseBulletin(`当前位置：首页 > 工作动态 > 正文

市科协召开学术年会筹备会

发布时间：2024-03-12 来源：市科协 作者：学术部 浏览次数：1234

【字体：大 中 小】

3月12日，市科协召开学术年会筹备会，部署年会各项工作。（学术部）

分享到：微信 微博 QQ空间

放大 缩小 打印 关闭

上一篇：市科协召开党组会`);
    expect(itemsOf(p).map((i) => [i.title, i.paragraphs, i.source])).toEqual([["市科协召开学术年会筹备会", ["3月12日，市科协召开学术年会筹备会，部署年会各项工作。"], "学术部"]]);
    expect(p.dropped.filter((d) => d.reason === "web_page")).toHaveLength(6);
  });

  it.each(["发布日期：2024年3月12日", "浏览次数：88", "来源：市科协", "作者：王五", "打印本页 关闭窗口", "【打印】【关闭】", "分享：微信 朋友圈"])("%s is dropped", (line) => {
    const p = parseBulletin(`${BODY.split("\n\n")[0]}\n\n${line}\n\n${BODY.split("\n\n")[1]}`);
    expect(itemsOf(p)).toHaveLength(1);
    expect(p.dropped.map((d) => d.text)).toContain(line);
  });
});

describe("titles ending in a parenthesis", () => {
  it.each(["青年科学家沙龙举办（第二期）", "《北京市科普发展规划纲要（2021—2035年）》发布", "科技志愿服务队成立（附名单）"])("%s is a title", (title) => {
    const p = parseBulletin(`${title}\n\n6月1日，活动在市科技馆举行。（市科技馆）`);
    expect(itemsOf(p).map((i) => [i.title, i.source])).toEqual([[title, "市科技馆"]]);
  });

  it("a file of such items is not refused", () => {
    const p = parseBulletinText(`青年科学家沙龙举办（第二期）\n\n6月1日，沙龙举行。\n\n青年科学家沙龙举办（第三期）\n\n7月1日，沙龙举行。`);
    expect(p.sections[0].items.map((i) => i.title)).toEqual(["青年科学家沙龙举办（第二期）", "青年科学家沙龙举办（第三期）"]);
  });
});

describe("fragments and empty items", () => {
  it("a fragment that stops mid-sentence keeps its last item as it is", () => {
    const p = parseBulletin(`${BODY}\n\n延庆区科协开展科技下乡活动\n\n3月15日，延庆区科协组织专家下乡，为村民`);
    expect(itemsOf(p).map((i) => [i.title, i.paragraphs])).toEqual([
      ["市科协召开学术年会筹备会", ["3月12日，市科协召开学术年会筹备会，部署年会各项工作。"]],
      ["延庆区科协开展科技下乡活动", ["3月15日，延庆区科协组织专家下乡，为村民"]],
    ]);
  });

  it("a last line that looks like a title stays with the item before it", () => {
    const p = parseBulletin(`${BODY.replace("（学术部）", "")}\n\n二是加强宣传引导`);
    expect(itemsOf(p)).toHaveLength(1);
    expect(itemsOf(p)[0].paragraphs.at(-1)).toBe("二是加强宣传引导");
  });

  it("never an empty item: a title with nothing under it before a heading is dropped and listed", () => {
    const p = parseBulletin(`${BODY}\n\n【基层动态】\n\n孤立的标题行\n\n【学会动态】\n\n${BODY}`);
    for (const it of itemsOf(p)) expect(it.paragraphs.length).toBeGreaterThan(0);
    expect(p.dropped).toContainEqual({ text: "孤立的标题行", reason: "empty_title" });
  });
});

describe("round trips: text → document → text → document", () => {
  const SAMPLES = path.resolve(__dirname, "../../db/samples");
  const DOUBLE = `城市科协动态

〔2024〕第三-四期（合刊）

总第120-121期

北京市某区科协办公室编印　二〇二四年二月二十八日

本期要目

1. 区科协召开八届三次全委会

2. 春节科普大集开市

【工作动态】

区科协召开八届三次全委会

2月20日，区科协召开八届三次全委会，总结2023年工作，部署2024年任务。（办公室 张三）

【简讯】

2月5日，区老科协走访慰问老科技工作者。（区老科协）

2月8日，区青少年科技馆举办寒假科学营。（区青少年科技馆、区教委）

春节科普大集开市

2月10日，春节科普大集在区文化广场开市，吸引市民三千余人次。（通讯员 欧阳明）

编辑：李四

审核：王五`;
  const SUPPLEMENT = `高教文摘

2024年 增刊第1期

高等教育研究所编 2024.6.30

学习贯彻全国教育大会精神专刊

6月28日，学校召开专题会议，传达学习全国教育大会精神。

会议要求：

一、提高政治站位

二、抓好贯彻落实

会议由校党委书记主持。（党委办公室、校长办公室）`;
  const UNNUMBERED = SUPPLEMENT.replace("2024年 增刊第1期", "2024年 专刊");

  const cases: [string, string][] = [
    ...["2023-20", "2023-21", "2023-25"].map((n): [string, string] => [n, readFileSync(path.join(SAMPLES, `${n}.txt`), "utf8")]),
    ["合刊", DOUBLE],
    ["增刊", SUPPLEMENT],
    ["unnumbered 专刊", UNNUMBERED],
  ];

  it.each(cases)("%s goes text → document → text → document unchanged", (_name, text) => {
    const doc = parseBulletinText(text);
    const again = bulletinToText(doc);
    expect(parseBulletinText(again)).toEqual(doc);
    expect(bulletinToText(parseBulletinText(again))).toBe(again);
    expect(parseBulletinDocument(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
  });

  it("a county office's bulletin: ★ / ☆ / ▲ highlights under 本期要目, sections 一、…, and 「——县教育局」 closing an item", () => {
    const county = (mark: string) => `工 作 简 报

〔2025〕第十二期（总第一百零六期）

中共某某县委办公室编印                    二〇二五年十二月十日

本期要目
${mark}县科协召开全县科普工作推进会
${mark}龚㚖研究员来县作乡村振兴专题报告

一、工作动态

县科协召开全县科普工作推进会

　　12月8日，县科协召开全县科普工作推进会，各乡镇科协负责同志30余人参加。（县科协供稿）

龚㚖研究员来县作乡村振兴专题报告

　　12月5日，中国农业大学龚㚖研究员应邀来县作乡村振兴专题报告。
（城关镇、县农业农村局）

二、基层信息

县第一中学举办科技节

　　12月3日至5日，县第一中学举办第五届科技节，展出学生科技作品120件。
——县教育局
`;
    for (const mark of ["★", "☆", "▲", "►"]) {
      const doc = parseBulletinText(county(mark));
      expect(doc.toc, mark).toEqual(["县科协召开全县科普工作推进会", "龚㚖研究员来县作乡村振兴专题报告"]);
      expect(doc.sections.map((s) => [s.title, s.items.map((i) => [i.title, i.source])]), mark).toEqual([
        ["工作动态", [["县科协召开全县科普工作推进会", "县科协"], ["龚㚖研究员来县作乡村振兴专题报告", "城关镇、县农业农村局"]]],
        ["基层信息", [["县第一中学举办科技节", "县教育局"]]],
      ]);
      expect(doc.sections[1].items[0].paragraphs.map((p) => p.map((r) => r.text).join(""))).toEqual(["12月3日至5日，县第一中学举办第五届科技节，展出学生科技作品120件。"]);
    }
    // Mixed marks in one list; a dash attribution on its own line before the next item or section,
    // of one unit or two: the item's source, never a section or a title (a fresh tester's shapes).
    const mixed = parseBulletinText(
      county("★").replace("★龚㚖", "▲龚㚖").replace("（县科协供稿）", "\n——县科协、县科技局").replace("\n（城关镇、县农业农村局）", "\n——城关镇"),
    );
    expect(mixed.toc).toEqual(["县科协召开全县科普工作推进会", "龚㚖研究员来县作乡村振兴专题报告"]);
    expect(mixed.sections.map((s) => [s.title, s.items.map((i) => [i.title, i.source])])).toEqual([
      ["工作动态", [["县科协召开全县科普工作推进会", "县科协、县科技局"], ["龚㚖研究员来县作乡村振兴专题报告", "城关镇"]]],
      ["基层信息", [["县第一中学举办科技节", "县教育局"]]],
    ]);
    // A dash inside a sentence is not an attribution.
    const inline = parseBulletinText(county("★").replace("——县教育局", "本届主题是——科技点亮梦想"));
    expect(inline.sections[1].items[0].source).toBeNull();
  });

  it("a title as long as the form allows (80 characters) reads back from the text export as a title, lead item or in a section", () => {
    const doc = parseBulletinText(readFileSync(path.join(SAMPLES, "2023-21.txt"), "utf8"));
    const long57 = "昌平区科协联合中国农业大学等单位专家举办“科技赋能乡村振兴”主题论坛暨2026年度科普志愿服务启动仪式在回天地区隆重举行";
    const long80 = `${long57}并发布首批乡村科普示范基地名单和志愿服务项目清单`.slice(0, 80);
    expect([...long57].length).toBeGreaterThan(45);
    expect([...long80].length).toBe(80);
    doc.sections[0].items[0].title = long57;
    doc.sections.at(-1)!.items.at(-1)!.title = long80;
    const back = parseBulletinText(bulletinToText(doc));
    expect(back.sections[0].items[0].title).toBe(long57);
    expect(back.sections.at(-1)!.items.at(-1)!.title).toBe(long80);
    expect(back).toEqual(doc);
  });

  it("the 合刊 reads as one: numbers, totals, style, briefs, persons", () => {
    const doc = parseBulletinText(DOUBLE);
    expect(doc.masthead).toEqual({
      title: "城市科协动态", year: 2024, number: 3, numberEnd: 4, totalNumber: 120, totalNumberEnd: 121, kind: "double",
      office: "北京市某区科协办公室", date: "2024-02-28", numbering: { numerals: "chinese", yearBrackets: true },
    });
    expect(doc.toc).toEqual(["区科协召开八届三次全委会", "春节科普大集开市"]);
    expect(doc.sections.map((s) => [s.title, s.items.map((i) => [i.title, i.source, i.author ?? null])])).toEqual([
      ["工作动态", [["区科协召开八届三次全委会", "办公室", "张三"]]],
      ["简讯", [["", "区老科协", null], ["", "区青少年科技馆、区教委", null], ["春节科普大集开市", null, "欧阳明"]]],
    ]);
    expect(bulletinToText(doc)).toContain("〔2024〕第三-四期（合刊）\n\n(总第120-121期)");
  });

  it("the 增刊 reads as a supplement, its sub-headings inside the item", () => {
    const doc = parseBulletinText(SUPPLEMENT);
    expect(doc.masthead).toMatchObject({ year: 2024, number: 1, totalNumber: 0, kind: "supplement", supplementLabel: "增刊", office: "高等教育研究所", date: "2024-06-30" });
    expect(doc.sections[0].items).toHaveLength(1);
    expect(doc.sections[0].items[0].paragraphs).toHaveLength(5);
    const text = bulletinToText(doc);
    expect(text).toContain("2024年 增刊第1期");
    expect(text).not.toContain("总第");
    expect(parseBulletinText(UNNUMBERED).masthead).toMatchObject({ number: 0, kind: "supplement", supplementLabel: "专刊" });
  });
});

describe("more publishers' shapes (invented: a university digest, a city page copied from the web, a retirees' association)", () => {
  it("a bare 简  讯 heading (spaced, no brackets) opens a brief column: each ● line an untitled item with its own attribution", () => {
    const p = parseBulletin(`高 教 参 考\n〔2023〕第十二期\n学校发展规划处编印　二〇二三年十二月五日\n\n教务处推进课程思政建设\n11月以来，教务处开展示范课评选。（教务处  王芳）\n\n简  讯\n●11月28日，图书馆举办“阅读马拉松”活动。（图书馆）\n●11月30日，校工会举办运动会。（校工会供稿）\n●12月2日，研究生院召开导师培训会。\n（来源：研究生院）\n`);
    const brief = p.sections.find((s) => s.title === "简讯");
    expect(brief?.items.map((i) => [i.title, i.paragraphs, i.source])).toEqual([
      ["", ["11月28日，图书馆举办“阅读马拉松”活动。"], "图书馆"],
      ["", ["11月30日，校工会举办运动会。"], "校工会"],
      ["", ["12月2日，研究生院召开导师培训会。"], "研究生院"],
    ]);
  });

  it("报：/送：/发：/抄报： lines at the end are the footer's distribution, labels kept — not an invented item", () => {
    const p = parseBulletin(`简报\n2024年第3期\n2024年3月15日\n\n${BODY}\n\n报：省教育厅\n送：校领导\n发：各学院、各部门\n抄报：市委教育工委\n`);
    expect(itemsOf(p).map((i) => i.title)).toEqual(["市科协召开学术年会筹备会"]);
    expect(p.footer?.distribution).toEqual(["报：省教育厅", "送：校领导", "发：各学院、各部门", "抄报：市委教育工委"]);
  });

  it("■ 重点工作 right after the masthead is a section heading, not a one-line contents list", () => {
    const p = parseBulletin(`市科协工作简报\n2024年第6期\n市科协办公室　2024年6月14日\n■ 重点工作\n全市科技工作者日活动启动\n5月30日，活动启动。（市科协学会部）\n■ 基层动态\n县科协开展科技下乡\n6月3日，专家下乡。（县科协）\n`);
    expect(p.toc).toEqual([]);
    expect(p.sections.map((s) => [s.title, s.items.map((i) => i.title)])).toEqual([
      ["重点工作", ["全市科技工作者日活动启动"]],
      ["基层动态", ["县科协开展科技下乡"]],
    ]);
  });

  it("a web page's QR-code box (扫一扫在手机打开当前页) is dropped, so the attribution before it is read", () => {
    const p = parseBulletin(`县科协开展科技下乡\n6月3日，县科协组织专家下乡。（某县科协　通讯员　赵𬌗）\n扫一扫在手机打开当前页\n微信扫一扫 分享到朋友圈\n`);
    expect(itemsOf(p).map((i) => [i.paragraphs, i.source, i.author])).toEqual([[["6月3日，县科协组织专家下乡。"], "某县科协", "赵𬌗"]]);
    expect(p.dropped.map((d) => d.reason)).toEqual(["web_page", "web_page"]);
  });

  it("▲协会动态 over a title is a section heading (▲ over a paragraph stays a caption); （会员 孙明） names a person", () => {
    const p = parseBulletin(`老科技工作者之友\n第9期\n\n▲协会动态\n协会召开2022年度理事会（第二次会议）\n9月15日，协会召开理事会。\n▲图为会议现场\n会议选举刘𬊈为理事。（协会秘书处）\n\n▲会员风采\n八旬专家热合曼·艾力的科普情怀\n热合曼·艾力退休后坚持科普讲座20年。\n（会员 孙明）\n`);
    expect(p.sections.map((s) => [s.title, s.items.map((i) => [i.title, i.paragraphs.length, i.source, i.author ?? null])])).toEqual([
      ["协会动态", [["协会召开2022年度理事会（第二次会议）", 2, "协会秘书处", null]]],
      ["会员风采", [["八旬专家热合曼·艾力的科普情怀", 1, null, "孙明"]]],
    ]);
    expect(p.dropped).toContainEqual({ text: "▲图为会议现场", reason: "caption" });
  });
});

describe("a masthead copied from a web page", () => {
  it("the page's own heading repeating title and number (市科协工作简报 2024年第6期) is not joined into the title; it is listed as dropped", () => {
    const p = parseBulletin(`首页 > 新闻中心 > 工作简报\n市科协工作简报 2024年第6期\n发布日期：2024/06/14　　作者：办公室　　阅读：356次\n市科协工作简报\n2024年第6期\n市科协办公室　　2024年6月14日\n\n${BODY}\n`);
    expect(p.masthead).toMatchObject({ title: "市科协工作简报", year: 2024, number: 6, office: "市科协办公室", date: "2024-06-14" });
    expect(p.dropped).toContainEqual({ text: "市科协工作简报2024年第6期", reason: "web_page" });
    // A title over two lines without a number stays whole.
    expect(parseBulletin(`北京市老科协\n简  报\n2024年第3期\n2024年3月15日\n\n${BODY}`).masthead?.title).toBe("北京市老科协简报");
  });
});

// npx tsx bench/parser-kinds-table.ts > table.md
// For each kind of form issue 12 names, an invented input (several shapes) and what the parser
// reads from it now, as a Markdown table. The same inputs are tested in lib/bulletin/parse-kinds.test.ts.
import { parseBulletin, type ParsedBulletin } from "../lib/bulletin/parse-text";

const BODY = "市科协召开学术年会筹备会\n\n3月12日，市科协召开学术年会筹备会，部署年会各项工作。（学术部）";
const masthead = (head: string) => `${head}\n\n${BODY}`;
const items = (p: ParsedBulletin) => p.sections.flatMap((s) => s.items);
const showMasthead = (p: ParsedBulletin) => JSON.stringify(p.masthead).replace(/"/g, "");
const showItems = (p: ParsedBulletin) =>
  p.sections
    .map((s) => `${s.title ? `【${s.title}】` : ""}${s.items.map((i) => `「${i.title || "（无标题）"}」${i.paragraphs.length}段${i.source ? ` 来源=${i.source}` : ""}${i.author ? ` 作者=${i.author}` : ""}`).join("；")}`)
    .join(" ");

const rows: [kind: string, input: string, show: (p: ParsedBulletin) => string][] = [
  ["期号：汉字数字", masthead("老科协简报\n2024年第二十一期\n2024年3月15日"), showMasthead],
  ["期号：逐字汉字", masthead("老科协简报\n2024年第一六零期\n2024年3月15日"), showMasthead],
  ["年份在括号里", masthead("高教文摘\n〔2022〕第九期\n2022年5月6日"), showMasthead],
  ["年份在括号里（﹝﹞）", masthead("高教文摘\n﹝2022﹞第九期\n2022年5月6日"), showMasthead],
  ["年份在括号里（[]）", masthead("高教文摘\n[2022]第12期\n2022年5月6日"), showMasthead],
  ["合刊 3-4", masthead("城市科协动态\n2024年第3-4期\n总第120-121期\n2024年2月28日"), showMasthead],
  ["合刊 3～4", masthead("城市科协动态\n2024年 第3～4期\n（总第120～121期）\n2024年2月28日"), showMasthead],
  ["合刊 3、4期合刊", masthead("城市科协动态\n2024年第3、4期合刊\n(总第120、121期)\n2024年2月28日"), showMasthead],
  ["增刊（有号）", masthead("老科协简报\n2024年增刊第1期\n2024年7月1日"), showMasthead],
  ["增刊（无号）", masthead("老科协简报\n2024年 增刊\n2024年7月1日"), showMasthead],
  ["专刊 / 特刊", masthead("老科协简报\n〔2024〕特刊第二期\n2024年7月1日"), showMasthead],
  ["期号、总期号、日期同一行", masthead("简报\n第二十一期　总第一六零期　二〇二四年三月十五日"), showMasthead],
  ["刊名字间有空格", masthead("简  报\n2024年第3期\n2024年3月15日"), showMasthead],
  ["刊名两行 + 密级", masthead("内部资料 注意保存\n北京市老科学技术工作者协会\n简  报\n2024年第3期\n2024年3月15日"), showMasthead],
  ["单位在前、日期在后，“编”", masthead("简报\n2024年第3期\n发展研究中心编 2024年3月15日"), showMasthead],
  ["日期在前、单位在后，“主办”", masthead("简报\n2024年第3期\n2024年3月15日　市科协学会部主办"), showMasthead],
  ["日期 2024.3.15", masthead("简报\n2024年第3期\n2024.3.15"), showMasthead],
  ["日期 2024/3/15", masthead("简报\n2024年第3期\n2024/3/15"), showMasthead],
  ["日期 2024-03-15", masthead("简报\n2024年第3期\n2024-03-15"), showMasthead],
  ["日期 二〇二四年三月十五日", masthead("简报\n2024年第3期\n二〇二四年三月十五日"), showMasthead],
  ...["（延庆区科协供稿）", "（延庆区科协 供稿）", "（供稿：延庆区科协）", "（来源：延庆区科协）", "（通讯员 张三）", "（延庆区科协 张三）", "（张三 李四）", "（延庆区科协、市农学会 王五）"].map(
    (a): [string, string, (p: ParsedBulletin) => string] => ["署名（行内）", `院士专家走进延庆\n5月8日，专家团走进延庆区开展科技服务。${a}`, showItems],
  ),
  ["署名（单独一行）", "院士专家走进延庆\n5月8日，专家团走进延庆区开展科技服务。\n（通讯员 欧阳明）", showItems],
  ["不是署名：（完）（扩大）", "院士专家走进延庆\n5月8日，专家团走进延庆区开展科技服务。（完）", showItems],
  ["栏目「X」", `「工作动态」\n${BODY}`, showItems],
  ["栏目 ■X", `■ 基层动态\n${BODY}`, showItems],
  ["栏目 一、X（其下是标题）", `一、工作动态\n${BODY}`, showItems],
  ["栏目：标题上方的短行", `工作动态\n${BODY}\n基层风采\n延庆区科协开展科技下乡活动\n3月15日，延庆区科协组织专家下乡。（延庆区科协）`, showItems],
  ["目录：本期要目 + 编号", `简报\n2024年第3期\n2024年3月15日\n本期要目\n1. 市科协召开学术年会筹备会\n2. 延庆区科协开展科技下乡活动\n${BODY}\n延庆区科协开展科技下乡活动\n3月15日，下乡。（延庆区科协）`, (p) => `目录=${JSON.stringify(p.toc)}`],
  ["目录：无标题的编号列表", `简报\n2024年第3期\n2024年3月15日\n1、市科协召开学术年会筹备会\n2、延庆区科协开展科技下乡活动\n${BODY}\n延庆区科协开展科技下乡活动\n3月15日，下乡。（延庆区科协）`, (p) => `目录=${JSON.stringify(p.toc)}`],
  ["简讯栏", `${BODY}\n【简讯】\n3月5日，延庆区科协召开全委会。（延庆区科协）\n3月6日，市农学会赴密云指导。（市农学会 张三）\n3月8日，海淀区科协举办培训。\n（海淀区科协）`, showItems],
  ["稿内小标题与列表行", "市科协部署重点工作\n2月20日，市科协召开全委会。\n一、加强组织建设\n全面推进。\n（一）完善学会治理\n一是强化党建引领\n1.建立联络员制度\n● 会议由副主席主持\n会议要求抓好落实。（办公室）", showItems],
  ["图片说明", "科普讲座走进社区\n3月3日，讲座走进东湖社区。\n图为活动现场\n讲座结束后，专家答疑。（东湖街道）", (p) => `${showItems(p)}；略去=${JSON.stringify(p.dropped.map((d) => d.text))}`],
  ["标题前的引题（以：结尾）", `${BODY}\n科技赋能乡村振兴：\n市科协专家团走进延庆\n5月8日，专家团走进延庆。（延庆区科协）`, showItems],
  ["网页杂项", "当前位置：首页 > 工作动态\n市科协召开学术年会筹备会\n发布时间：2024-03-12 来源：市科协 浏览次数：1234\n3月12日，市科协召开筹备会。（学术部）\n分享到：微信 微博\n放大 缩小 打印 关闭", (p) => `${showItems(p)}；略去 ${p.dropped.length} 行`],
  ["以括号结尾的标题", "青年科学家沙龙举办（第二期）\n6月1日，沙龙举行。\n《北京市科普发展规划纲要（2021—2035年）》发布\n7月1日，纲要发布。", showItems],
  ["片段止于句中", `${BODY}\n延庆区科协开展科技下乡活动\n3月15日，延庆区科协组织专家下乡，为村民`, (p) => items(p).map((i) => `「${i.title}」${JSON.stringify(i.paragraphs)}`).join("；")],
  ["没有正文的标题", `${BODY}\n【基层动态】\n孤立的标题行\n【学会动态】\n${BODY}`, (p) => `${showItems(p)}；略去=${JSON.stringify(p.dropped)}`],
];

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ⏎ ");
console.log("| 种类 | 虚构输入（⏎ 为换行） | 现在识别的结果 |\n|---|---|---|");
for (const [kind, input, show] of rows) {
  let out: string;
  try {
    out = show(parseBulletin(input.split("\n").join("\n\n")));
  } catch (e) {
    out = `错误：${e instanceof Error ? e.message : String(e)}`;
  }
  console.log(`| ${cell(kind)} | ${cell(input)} | ${cell(out)} |`);
}

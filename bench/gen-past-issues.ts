// npx tsx bench/gen-past-issues.ts OUT_DIR
// Writes invented past issues of another publication, 《老科技工作者通讯》, whose masthead style is
// not ours: Chinese numerals (第九期), the year in brackets (〔2021〕), totals in 总第一〇九期 or
// （总第109期）, office and date on one line in either order, dates as 二〇二一年五月七日 or
// 2021.5.7. 2021 has 第一期…第二十五期 and one 增刊; 2022 has 第一期…第二十六期 with one 合刊
// (第十二-十三期) and 第二十期 missing — 50 files. Then one duplicate (a re-scan of 2021 第九期) and
// one issue whose masthead prints another title. The shapes rotate: clean text, text copied
// from the website (breadcrumbs, info line, buttons), captions, brief columns, persons in
// attributions, sub-headings. Also writes all of them as OUT_DIR/past-issues.zip.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { zipSync } from "fflate";
import { toChineseNumeral } from "../lib/bulletin/numbering";

const TITLE = "老科技工作者通讯";
const OFFICE = "北京市老科学技术工作者协会";
const UNITS = ["海淀区老科协", "朝阳区老科协", "昌平区老科协", "市老科协医学专业委员会", "市老科协农业专业委员会", "北京理工大学老科协"];
const PERSONS = ["张建国", "李秀兰", "王志强", "刘淑芬", "陈国华", "杨明"];
const TOPICS = ["科普讲座进社区", "专家团赴延庆开展技术咨询", "老科技工作者座谈会召开", "科技助农服务队走进密云", "青少年科学营开营", "健康知识讲座举办"];

const cnDigits = (n: number) => String(n).split("").map((d) => "〇一二三四五六七八九"[Number(d)]).join("");
const cnDate = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return `${cnDigits(y)}年${toChineseNumeral(m)}月${toChineseNumeral(d)}日`;
};
const dotDate = (iso: string) => iso.split("-").map(Number).join(".");
const cn = toChineseNumeral;

interface Spec {
  year: number;
  number: number;
  numberEnd?: number;
  total: number;
  supplement?: boolean;
  date: string;
  title?: string;
}

function attribution(k: number): string {
  const unit = UNITS[k % UNITS.length];
  const person = PERSONS[k % PERSONS.length];
  return [`（${unit}）`, `（供稿：${unit}）`, `（${unit} ${person}）`, `（通讯员 ${person}）`, `（${unit}供稿）`, `（来源：${unit}）`][k % 6];
}

function issueText(s: Spec, k: number): string {
  const lines: string[] = [];
  const web = k % 5 === 3;
  if (web) lines.push("当前位置：首页 > 会刊 > 老科技工作者通讯");
  if (k % 4 === 0) lines.push("内部资料　注意保存");
  lines.push(k % 3 === 0 ? (s.title ?? TITLE).split("").join(" ") : (s.title ?? TITLE));
  if (s.supplement) lines.push(`〔${s.year}〕增刊第${cn(s.number)}期`);
  else if (s.numberEnd) lines.push(`〔${s.year}〕第${cn(s.number)}-${cn(s.numberEnd)}期（合刊）`, `总第${s.total}-${s.total + 1}期`);
  else lines.push(`〔${s.year}〕第${cn(s.number)}期`, k % 2 ? `（总第${s.total}期）` : `总第${cnDigits(s.total)}期`);
  lines.push(k % 2 ? `${OFFICE}编　${cnDate(s.date)}` : `${dotDate(s.date)}　${OFFICE}编印`);
  if (web) lines.push(`发布时间：${s.date}　来源：${OFFICE}　浏览次数：${100 + k}`);
  const titles = [0, 1, 2].map((j) => `${UNITS[(k + j) % UNITS.length].replace(/老科协$/, "")}${TOPICS[(k + j) % TOPICS.length]}`);
  lines.push("本期要目", ...titles.map((t, j) => `${j + 1}. ${t}`));
  lines.push(k % 2 ? "「工作动态」" : "一、工作动态");
  const [m, d] = s.date.split("-").slice(1).map(Number);
  lines.push(titles[0], `${m}月${d}日，${UNITS[k % UNITS.length]}组织老专家开展活动，服务群众一百余人次。`);
  if (k % 3 === 1) lines.push("图为活动现场");
  lines.push(`活动中，专家们结合自身专业特长，耐心解答群众提出的问题。${attribution(k)}`);
  lines.push(k % 2 ? "■ 会员风采" : "二、会员风采");
  lines.push(titles[1], `${UNITS[(k + 1) % UNITS.length]}召开工作会议，部署下一阶段重点工作。会议要求：`, "一是加强组织建设", "二是做好服务保障", `各单位要抓好落实。`, attribution(k + 1));
  lines.push(titles[2], `${m}月${d}日，${TOPICS[(k + 2) % TOPICS.length]}，受到广泛好评。${attribution(k + 2)}`);
  lines.push("【简讯】");
  for (let j = 0; j < 3; j++) lines.push(`${m}月${Math.max(1, d - j)}日，${UNITS[(k + j + 3) % UNITS.length]}开展第${cn(j + 1)}次科技志愿服务活动。${attribution(k + j + 3)}`);
  if (web) lines.push("分享到：微信 微博 QQ空间", "放大 缩小 打印 关闭");
  lines.push(`编辑：${PERSONS[k % PERSONS.length]}`, `审核：${PERSONS[(k + 2) % PERSONS.length]}`, "分送：市老科协理事会成员", "各区老科协，各专业委员会");
  return lines.join("\n\n") + "\n";
}

function main() {
  const out = process.argv[2];
  if (!out) {
    console.error("用法：npx tsx bench/gen-past-issues.ts 输出目录");
    process.exit(2);
  }
  mkdirSync(out, { recursive: true });
  const specs: Spec[] = [];
  let total = 101;
  for (let n = 1; n <= 25; n++) specs.push({ year: 2021, number: n, total: total++, date: `2021-${String(Math.ceil(n / 2.2)).padStart(2, "0")}-${String(((n * 7) % 27) + 1).padStart(2, "0")}` });
  specs.push({ year: 2021, number: 1, total: 0, supplement: true, date: "2021-10-15" });
  for (let n = 1; n <= 26; n++) {
    if (n === 13) continue;
    const date = `2022-${String(Math.ceil(n / 2.3)).padStart(2, "0")}-${String(((n * 5) % 27) + 1).padStart(2, "0")}`;
    if (n === 12) {
      specs.push({ year: 2022, number: 12, numberEnd: 13, total, date });
      total += 2;
      continue;
    }
    if (n === 20) {
      total++; // 第二十期 was published but its file is lost: a gap.
      continue;
    }
    specs.push({ year: 2022, number: n, total: total++, date });
  }
  const files: Record<string, Uint8Array> = {};
  const write = (name: string, text: string) => {
    writeFileSync(path.join(out, name), text);
    files[name] = new TextEncoder().encode(text);
  };
  specs.forEach((s, k) => {
    const name = s.supplement ? `${s.year}-增刊${s.number}.txt` : `${s.year}-${String(s.number).padStart(2, "0")}${s.numberEnd ? `-${s.numberEnd}` : ""}.txt`;
    write(name, issueText(s, k));
  });
  // A re-scan of an issue already in the batch, and an issue printed under another title.
  write("2021-09-重扫.txt", issueText(specs[8], 8 + 1));
  write("2022-27-新刊名.txt", issueText({ year: 2022, number: 27, total, date: "2022-12-30", title: "老科协通讯" }, 60));
  writeFileSync(path.join(out, "past-issues.zip"), zipSync(Object.fromEntries(Object.entries(files).map(([n, b]) => [`往期/${n}`, b]))));
  console.log(`${Object.keys(files).length} 个文件（${specs.length} 期 + 1 个重复 + 1 个刊名不同），已写入 ${out}，并打包为 past-issues.zip`);
}

main();

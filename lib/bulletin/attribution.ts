import { stripInvisible } from "@/lib/text/rule";
/**
 * Attributions (署名) as bulletins print them, read and written. Pure.
 *
 * Read: （昌平区科协、北京制冷学会）（X供稿）（X 供稿）（供稿：X）（来源：X）（通讯员 张三）
 * （X 张三）（张三 李四）. Units are credited (all of them); a person is the author, never a unit.
 */

export const UNIT_NAME =
  /(?:科协|学会|协会|研究会|促进会|联合会|基金会|委员会|管委会|中心|研究院|研究所|设计院|学院|大学|中学|小学|学校|党校|医院|公司|集团|办公室|实验室|联盟|政府|街道|社区|[会院所校局厅委部处办室站馆台社报队团组司园区县市省镇乡村厂府宫])$/u;

/** 「北京制冷学会」「昌平区科协、北京制冷学会」: names of units, not part of a sentence. */
export function isUnitList(s: string): boolean {
  const names = s.split(/[、，,；;/]/u).map((n) => n.replace(/\s/g, ""));
  return names.every((n) => n.length >= 2 && n.length <= 30 && /^[\p{Script=Han}A-Za-z0-9·]+$/u.test(n) && UNIT_NAME.test(n));
}

/** Common surnames: a bare 2–4 character name in an attribution is a person only if it starts with one. */
const SURNAME = /^(?:欧阳|司马|上官|诸葛|东方|皇甫|令狐|慕容|[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝])/u;
/** Words in brackets at a paragraph's end that are not a name: （完）（待续）（有删节）. */
const NOT_A_NAME = /^(?:完|待续|未完|续|未完待续|节选|摘编|有删节|转载|略|下同|同上|扩大|试行|草案|暂行|修订|全文|图|组图)$/u;
/** Labels that say the next name is a person: 通讯员 张三, 记者：李四, 文/王五, 会员 孙明. */
const PERSON_LABEL = /^(?:(?:通讯员|特约通讯员|记者|作者|撰稿|撰文|执笔|摄影|图文|编辑|供稿人|会员|理事|志愿者|学员)\s*[：:/／]?|(?:文|文字|图)\s*[：:/／])\s*/u;
/** Labels that say the rest names a unit: 供稿：X, 来源：X, 供稿单位：X. */
const SOURCE_LABEL = /^(?:供稿单位|供稿|来源|信息来源|稿源|报送单位|报送)\s*[：:]\s*/u;

function isPersonName(s: string, labelled: boolean): boolean {
  if (!/^[\p{Script=Han}·]{2,5}$/u.test(s) || UNIT_NAME.test(s) || NOT_A_NAME.test(s)) return false;
  return labelled || (SURNAME.test(s) && s.length <= 4);
}

/** An attribution as read: the units it credits and the persons it names. */
export interface Attribution {
  units: string[];
  persons: string[];
}

/**
 * The attribution inside brackets, or null when the text is not one: （昌平区科协、北京制冷学会）
 * （X供稿）（X 供稿）（供稿：X）（来源：X）（通讯员 张三）（X 张三）（张三 李四）（X 通讯员 张三）.
 */
export function readAttribution(inner: string): Attribution | null {
  let t = inner.trim().replace(/\s+/gu, " ");
  t = t.replace(SOURCE_LABEL, "").replace(/\s*(?:供稿|供图|报送|提供)$/u, "").trim();
  if (!t) return null;
  // Extraction may put spaces inside a name (昌平区 科协): a list of units read whole comes first.
  if (isUnitList(t)) return { units: t.split(/[、，,；;/]/u).map((n) => n.replace(/\s/gu, "")), persons: [] };
  const units: string[] = [];
  const persons: string[] = [];
  // Pieces are separated by spaces (or 文/…); a list inside one piece by 、，
  let pieces = t.split(/ +/u);
  // 「通讯员 张三」: a label on its own is the next piece's label.
  pieces = pieces.reduce<string[]>((acc, p) => {
    if (acc.length && PERSON_LABEL.test(acc[acc.length - 1]) && acc[acc.length - 1].replace(PERSON_LABEL, "") === "") acc[acc.length - 1] += p;
    else acc.push(p);
    return acc;
  }, []);
  for (const piece of pieces) {
    let p = piece;
    const labelled = PERSON_LABEL.test(p) && p.replace(PERSON_LABEL, "") !== "" && !isUnitList(p);
    if (labelled) p = p.replace(PERSON_LABEL, "");
    const names = p.split(/[、，,；;]/u).map((n) => n.trim()).filter(Boolean);
    if (!names.length) return null;
    if (!labelled && isUnitList(p)) units.push(...names);
    else if (names.every((n) => isPersonName(n, labelled || units.length > 0))) persons.push(...names);
    else return null;
  }
  return units.length || persons.length ? { units, persons } : null;
}

/**
 * The printed attribution, without brackets, for a source (units joined by 、) and an author
 * (persons joined by 、): 「延庆区科协」「延庆区科协 张三」「张三 李四」「通讯员 欧阳明」. The parser
 * reads every one of them back to the same source and author; null when there is neither.
 */
export function formatAttribution(source: string | null, author: string | null | undefined): string | null {
  if (!author) return source || null;
  const names = author.split("、");
  if (source) return `${source} ${author}`;
  // A bare name reads as a person when it starts with a common surname; otherwise it says so.
  return names.every((n) => isPersonName(n, false)) ? names.join(" ") : `通讯员 ${author}`;
}

/**
 * A unit name as imports compare it: no spaces or dots, full-width letters and digits folded to
 * ASCII, ASCII letters upper-cased, Chinese brackets made ASCII (「北京市 科协」=「北京市科协」).
 */
export function normaliseUnitName(name: string): string {
  return stripInvisible(name)
    .normalize("NFKC")
    .replace(/[\s·•.。]/gu, "")
    .replace(/（/gu, "(")
    .replace(/）/gu, ")")
    .toUpperCase();
}

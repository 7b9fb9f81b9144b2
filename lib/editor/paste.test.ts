import { readFileSync } from "node:fs";
import path from "node:path";
import { DOMParser } from "linkedom";
import { describe, expect, it } from "vitest";
import { cleanPastedHtml, cleanPastedTextReport, nbspToSpace, type HtmlParser } from "./paste";

const parser = new DOMParser() as unknown as HtmlParser;
const fixture = (name: string) => readFileSync(path.join(__dirname, "fixtures", name), "utf8");
const paras = (html: string) => {
  const { html: out, report } = cleanPastedHtml(html, parser);
  // As the editor reads it: a space after a space comes as U+00A0 and is made ordinary (nbspToSpace).
  return { list: [...out.matchAll(/<p>(.*?)<\/p>/g)].map((m) => nbspToSpace(m[1].replace(/<[^>]+>/g, ""))), report };
};

describe("paste cleaner: list markers", () => {
  it("keeps every visible marker exactly as Word shows it and never adds a 「.」", () => {
    const { list } = paras(fixture("word-lists.html"));
    expect(list).toEqual([
      "关于开展科普月活动的通知",
      "一、总体要求",
      "（一）加强组织领导",
      "1.召开动员会议",
      "（1）确定参会范围",
      "①街道科普站",
      "第一条本办法适用于各会员单位。",
      "1.1工作目标",
      "(1)报名时间",
      "a)线上报名",
      "Ⅲ.保障措施",
      // Wingdings l, u, § and Symbol · are bullets: dropped, never letters.
      "发放宣传资料",
      "布置展板",
      "组织志愿者",
      "联系媒体",
    ]);
  });

  it("reads WPS's markers (mso-list:Ignore on the marker span itself) the same way", () => {
    const { list } = paras(fixture("wps-list.html"));
    expect(list.slice(0, 3)).toEqual(["二、主要做法", "入户走访", "集中宣讲"]);
  });
});

describe("paste cleaner: tracked changes and comments", () => {
  it("gives the accepted text: deletions dropped, insertions kept (<del>/<ins>, msoDel/msoIns, mso-del)", () => {
    const { list, report } = paras(fixture("word-tracked-comments.html"));
    expect(list[0]).toBe("活动共吸引五百名居民参加。");
    expect(list[1]).toBe("会议由主任主持。");
    expect(paras(fixture("wps-list.html")).list[3]).toBe("全年开展活动15场。");
    expect(report.trackedChanges).toBe(4);
    expect(report.notices.join()).toMatch(/接受全部修订/);
  });

  it("drops the comment anchor 「[张1]」 and the comment list, keeps the commented text", () => {
    const { list, report } = paras(fixture("word-tracked-comments.html"));
    expect(list[2]).toBe("区科协副主席王喆出席并讲话。");
    expect(list).toHaveLength(3);
    expect(list.join()).not.toMatch(/核实|\[张1\]/);
    expect(report.comments).toBe(1);
    expect(report.notices.join()).toMatch(/1 条批注/);
  });

  it("drops comments marked the way web editors do (data-comment-id)", () => {
    const { list, report } = paras('<p>经费<span data-comment-id="c1">[批注1]</span>共计20万元。</p>');
    expect(list).toEqual(["经费共计20万元。"]);
    expect(report.comments).toBe(1);
  });
});

describe("paste cleaner: footnotes and endnotes", () => {
  it("keeps each note as a 「注：」 paragraph after the paragraph citing it, and reports it", () => {
    const { list, report } = paras(fixture("word-footnotes.html"));
    expect(list).toEqual(["全区共建成科普基地42个，较上年增加6个。", "注：数据来源：区统计局2023年年报。", "培训科普讲解员120人次。", "注：含线上培训。"]);
    expect(report.notes).toBe(2);
    expect(report.notices.join()).toMatch(/2 个脚注/);
  });

  it("numbers several notes of one paragraph, and keeps a note nothing cites at the end", () => {
    const html =
      '<p>甲<a href="#_ftn1" name="_ftnref1">[1]</a>乙<a href="#_ftn2" name="_ftnref2">[2]</a>。</p>' +
      '<div style="mso-element:footnote-list"><div style="mso-element:footnote" id="ftn1"><p><a href="#_ftnref1" name="_ftn1">[1]</a>第一注。</p></div>' +
      '<div style="mso-element:footnote" id="ftn2"><p><a href="#_ftnref2" name="_ftn2">[2]</a>第二注。</p></div>' +
      '<div style="mso-element:footnote" id="ftn3"><p>[3] 孤立的注。</p></div></div>';
    expect(paras(html).list).toEqual(["甲乙。", "注1：第一注。", "注2：第二注。", "注：孤立的注。"]);
  });
});

describe("paste cleaner: invisible characters and odd spaces", () => {
  it("HTML from Word or a web page: removed and replaced, and the notice says which; &nbsp; inside the text is said, as indentation it is not", () => {
    const { list, report } = paras(
      "<p>区科协\u200b召开<b>全委\u200d会</b></p><p>科普&nbsp;&nbsp;大会\u2009开幕\u00ad式</p><p>家庭科普日👨‍👩‍👧</p><p>&nbsp;&nbsp;&nbsp;缩进</p>",
    );
    // Two &nbsp; are two spaces on the screen: both stay, both are counted.
    expect(list).toEqual(["区科协召开全委会", "科普  大会 开幕式", "家庭科普日👨‍👩‍👧", "缩进"]);
    expect(report.notices).toEqual(["已删除 3 个看不见的字符：零宽空格（U+200B）1 个、零宽连接符（U+200D）1 个、软连字符（U+00AD）1 个", "已把 3 个特殊空格换成普通空格：窄空格（U+2009）1 个、不间断空格（U+00A0）2 个"]);
    // Word writes two typed spaces as 「&nbsp; 」 and three as 「&nbsp;&nbsp; 」: as many spaces as shown, ordinary runs collapsing.
    expect(paras("<p>甲&nbsp; 乙&nbsp;&nbsp; 丙 &nbsp; 丁   戊</p>").list).toEqual(["甲  乙   丙   丁 戊"]);
    // The HTML handed to the editor, whose parser collapses runs of ordinary spaces, says the second one with U+00A0.
    expect(cleanPastedHtml("<p>科普&nbsp;&nbsp;大会</p>", parser).html).toBe("<p>科普 \u00a0大会</p>");
    expect(paras("<p>没有问题的段落</p>").report.notices).toEqual([]);
    // Word's empty paragraphs and spacing spans of &nbsp; say nothing: nothing visible changed.
    expect(paras("<p>甲</p><p>&nbsp;</p><p><span>乙</span><span>&nbsp;</span></p>").report.notices).toEqual([]);
  });

  it("footnotes are cleaned too", () => {
    const { report } = paras('<p>正文<a href="#_ftn1" name="_ftnref1">[1]</a></p><div id="ftn1"><p><a href="#_ftnref1" name="_ftn1">[1]</a>数据\u200b来源</p></div>');
    expect(report.notices).toContain("已删除 1 个看不见的字符：零宽空格（U+200B）1 个");
  });

  it("plain text: every kind reported, indentation dropped without a word", () => {
    expect(cleanPastedTextReport("\u3000\u3000区科协\u200b召开\r\n科普\u00a0大\ufeff会\ufeff\n\n👨‍👩‍👧")).toEqual({
      text: "区科协召开\n科普 大会\n👨‍👩‍👧",
      notices: ["已删除 2 个看不见的字符：零宽空格（U+200B）1 个、零宽不换行空格（BOM）（U+FEFF）1 个", "已把 1 个特殊空格换成普通空格：不间断空格（U+00A0）1 个"],
    });
    expect(cleanPastedTextReport("\u00a0\u00a0缩进的一行\n第二行")).toEqual({ text: "缩进的一行\n第二行", notices: [] });
  });
});

describe("paste cleaner: ordered lists from web pages", () => {
  it("writes in the numbers the browser draws (type, start, value), not bullets, not twice, not when drawn without markers", () => {
    const html =
      "<p>会议部署：</p><ol><li>第一项</li><li>第二项</li></ol>" +
      '<ol start="3" type="a"><li>丙项</li><li value="7">庚项</li><li>辛项</li></ol>' +
      '<ol type="I"><li>总则</li><li>附则</li></ol>' +
      "<ul><li>不编号</li></ul>" +
      '<ol style="list-style:none"><li>无标记</li></ol>' +
      "<ol><li>1. 自带编号</li></ol>";
    expect(paras(html).list).toEqual(["会议部署：", "1.第一项", "2.第二项", "c.丙项", "g.庚项", "h.辛项", "I.总则", "II.附则", "不编号", "无标记", "1.自带编号"]);
  });
});

describe("paste cleaner: a web page's own lines", () => {
  it("drops the breadcrumb, the info line, prev/next links, the QR box and the sharing buttons of a copied article, and names each", () => {
    const html = `<div class="crumb">当前位置：首页 &gt; 工作动态 &gt; 基层科协</div>
      <h1>区科协举办科普讲座</h1>
      <div class="info">发布时间：2024-03-15 10:20　来源：昌平区科协　浏览次数：326</div>
      <p>3月14日，区科协在回龙观街道举办科普讲座。</p>
      <p>讲座吸引居民200余人参加。</p>
      <div class="tools">【<a>放大</a> <a>缩小</a>】【<a>打印本页</a>】【<a>关闭窗口</a>】</div>
      <div>分享到： 微信 微博 QQ空间</div>
      <p>扫一扫在手机打开当前页</p>
      <p>上一篇：区科协召开年度工作会议</p>`;
    const { list, report } = paras(html);
    expect(list).toEqual(["区科协举办科普讲座", "3月14日，区科协在回龙观街道举办科普讲座。", "讲座吸引居民200余人参加。"]);
    expect(report.webLines).toHaveLength(6);
    const notice = report.notices.find((n) => n.startsWith("已略去网页上的"));
    expect(notice).toContain("6 行");
    expect(notice).toContain("「当前位置：首页 > 工作动态 > 基层科协」");
    expect(notice).toContain("「上一篇：区科协召开年度工作会议」");
  });

  it("keeps the article's own text that only looks alike: a sentence with 来源, a Word paste's 来源 line, a body mentioning 分享", () => {
    const web = paras(`<p>据统计，数据来源：区统计局2023年年报，全区共建成科普基地42个。</p><p>活动中，专家与居民分享了科普知识。</p>`);
    expect(web.list).toHaveLength(2);
    expect(web.report.webLines).toEqual([]);
    // From Word (Office markup on the clipboard) nothing is taken for a web page's line.
    const word = paras(`<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><p class=MsoNormal>来源：区统计局</p><p class=MsoNormal>正文一段。</p></body></html>`);
    expect(word.list).toEqual(["来源：区统计局", "正文一段。"]);
    expect(word.report.notices.some((n) => n.includes("网页"))).toBe(false);
  });
});

describe("paste cleaner: the space after a list number", () => {
  const item = (marker: string, text: string) => `<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'>${marker}${text}</p>`;
  const word = (...items: string[]) => `<html xmlns:o="urn:schemas-microsoft-com:office:office"><body>${items.join("")}</body></html>`;

  it("drops Word's tab padding after 「1.」 (<![if !supportLists]> without mso-list:Ignore) and does not report it as replaced spaces", () => {
    // The tester's paste: the marker span has no style of its own.
    const { list, report } = paras(word(item("<![if !supportLists]><span>1.<span>&nbsp;&nbsp;&nbsp; </span></span><![endif]>", "第一项：发布科普志愿服务计划；")));
    expect(list).toEqual(["1.第一项：发布科普志愿服务计划；"]);
    expect(report.notices.join()).not.toMatch(/U\+00A0|特殊空格/);
  });

  it("reads the marker between <!--[if !supportLists]--> comments, bullets dropped", () => {
    const { list, report } = paras(
      word(
        item("<!--[if !supportLists]--><span style='font-family:Symbol'>·<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><!--[endif]-->", "发放宣传资料"),
        item("<!--[if !supportLists]--><span>（一）<span>&nbsp;&nbsp; </span></span><!--[endif]-->", "加强组织领导"),
      ),
    );
    expect(list).toEqual(["发放宣传资料", "（一）加强组织领导"]);
    expect(report.notices.join()).not.toMatch(/U\+00A0/);
  });

  it("treats WPS's and typed shapes alike: 「1.&nbsp;&nbsp;」, 「一、 」, 「（1）\t」, 「①&nbsp;」 before Chinese text", () => {
    const html =
      '<html><head><meta name="Generator" content="Kingsoft Office"></head><body>' +
      "<p>1.&nbsp;&nbsp;&nbsp;&nbsp;召开动员会议</p>" +
      "<p>一、&nbsp;总体要求</p>" +
      "<p>（1）\t确定参会范围</p>" +
      "<p>①&nbsp;&nbsp;街道科普站</p>" +
      "<p>1.1&nbsp;&nbsp;工作目标</p>" +
      "<p>第一条&nbsp;本办法适用于各会员单位。</p>" +
      "</body></html>";
    const { list, report } = paras(html);
    expect(list).toEqual(["1.召开动员会议", "一、总体要求", "（1）确定参会范围", "①街道科普站", "1.1工作目标", "第一条本办法适用于各会员单位。"]);
    expect(report.notices.join()).not.toMatch(/U\+00A0/);
    // Typed spaces, not Word's drawn tab: closing them up is said.
    expect(report.notices).toContain("6 处编号后的空格已去掉，编号后直接接正文（如「1.第一项」），请核对");
  });

  it("keeps spaces that are not list padding: inside the text, and before Latin text", () => {
    const { list, report } = paras("<p>1. Introduction</p><p>会议时间&nbsp;&nbsp;上午9点</p><p>2026年&nbsp;全年</p>");
    expect(list).toEqual(["1. Introduction", "会议时间  上午9点", "2026年 全年"]);
    expect(report.notices.join()).toMatch(/U\+00A0）3 个/);
  });
});

describe("paste cleaner: superscript and subscript", () => {
  it("keeps their text as ordinary text and names each in the notice", () => {
    const { list, report } = paras("<p>正文<sup>1</sup>脚注<sub>2</sub></p><p>水分子H<sub>2</sub>O，E=mc<span style='vertical-align:super'>2</span>。</p>");
    expect(list).toEqual(["正文1脚注2", "水分子H2O，E=mc2。"]);
    expect(report.raised).toEqual(["「正文[上标1]」", "「正文1脚注[下标2]」", "「水分子H[下标2]」", "「O，E=mc[上标2]」"]);
    expect(report.notices.join()).toMatch(/4 处上标\/下标已改为普通文字，请核对：「正文\[上标1\]」/);
  });

  it("writes square and cubic metres as m² and m³ and says so", () => {
    const { list, report } = paras("<p>展厅面积1200m<sup>2</sup>，水池50 m<sup>3</sup>，用地3km<sup>2</sup>。</p>");
    expect(list).toEqual(["展厅面积1200m²，水池50 m³，用地3km²。"]);
    expect(report.notices.join()).toMatch(/3 处上标\/下标已改为普通文字，请核对：「m2」已写作「m²」「m3」已写作「m³」「km2」已写作「km²」/);
  });

  it("reads a web page's footnote reference like Word's: the note becomes a 「注：」 paragraph, the number goes", () => {
    const html =
      '<p>据统计<sup id="fnref1"><a href="#fn1">1</a></sup>，全年开展活动15场<a href="#cite_note-2"><sup>[2]</sup></a>。</p><p>下一段。</p>' +
      '<section class="footnotes"><ol><li id="fn1">数据来源：区科协年报。<a href="#fnref1">↩</a></li></ol></section>' +
      '<ol class="references"><li id="cite_note-2"><a href="#cite_ref-2">^</a> 见《科普工作年鉴》。</li></ol>';
    const { list, report } = paras(html);
    expect(list).toEqual(["据统计，全年开展活动15场。", "注1：数据来源：区科协年报。", "注2：见《科普工作年鉴》。", "下一段。"]);
    expect(report.notes).toBe(2);
    expect(report.raised).toEqual([]);
  });
});

import { expect, test } from "@playwright/test";
import { as, openForm, pasteHtml } from "./helpers";

// What other programs put on the clipboard, and the paragraphs the body should hold afterwards.
const CASES: { from: string; html: string; paragraphs: string[]; bold?: string[]; italic?: string[]; notice?: RegExp }[] = [
  {
    from: "WPS 文字",
    html: `<html><head><meta name="Generator" content="WPS Office"></head><body><p style="text-indent:2em;line-height:28pt"><span style="font-family:'仿宋_GB2312';font-size:16pt;color:#000000">　　7月5日，市科协召开</span><span style="font-family:'黑体';font-weight:bold">党组理论学习中心组</span><span style="font-family:'仿宋_GB2312'">学习会。</span></p><p><span style="font-family:'仿宋_GB2312'">会议强调，要</span><em style="font-family:'楷体_GB2312'">以学促干</em><span>。</span></p></body></html>`,
    paragraphs: ["7月5日，市科协召开党组理论学习中心组学习会。", "会议强调，要以学促干。"],
    bold: ["党组理论学习中心组"],
    italic: ["以学促干"],
    notice: /字体、字号、颜色等格式已去除/,
  },
  {
    from: "a web page with line breaks, links and a heading",
    html: `<div class="article"><h2 style="color:#c00">市科协开展科普活动</h2><div>6月28日，<a href="https://example.org/x">市科协</a>开展科普活动。<br><br>活动吸引了300余名群众参加。<br>群众反响热烈。</div><script>alert(1)</script><style>.x{}</style></div>`,
    paragraphs: ["市科协开展科普活动", "6月28日，市科协开展科普活动。", "活动吸引了300余名群众参加。", "群众反响热烈。"],
    notice: /1 个链接只保留了文字/,
  },
  {
    from: "a news site's article page with its breadcrumb, info line and sharing buttons",
    html: `<div class="crumb">当前位置：首页 &gt; 工作动态</div><h1>区科协举办科普讲座</h1><div class="info">发布时间：2024-03-15　来源：昌平区科协　浏览次数：326</div><p>3月14日，区科协举办科普讲座。</p><div class="share">分享到： 微信 微博 QQ空间</div>`,
    paragraphs: ["区科协举办科普讲座", "3月14日，区科协举办科普讲座。"],
    notice: /已略去网页上的 3 行（不是正文）：「当前位置：首页 > 工作动态」/,
  },
  {
    from: "Google Docs (a bold wrapper that is not bold)",
    html: `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1234"><p dir="ltr"><span style="font-weight:400;">普通文字</span><span style="font-weight:700;">加粗文字</span><span style="font-style:italic;">倾斜文字</span></p></b>`,
    paragraphs: ["普通文字加粗文字倾斜文字"],
    bold: ["加粗文字"],
    italic: ["倾斜文字"],
  },
  {
    from: "Word with a list, hidden text and wrapped lines",
    html: `<p class=MsoListParagraph style="mso-list:l0 level1 lfo1"><![if !supportLists]><span style="mso-list:Ignore">1.<span style="font:7.0pt 'Times New Roman'">&nbsp;&nbsp;&nbsp; </span></span><![endif]>加强组织
领导。</p><p class=MsoNormal><span style="display:none">隐藏的修订</span>狠抓落实。</p>`,
    paragraphs: ["1.加强组织领导。", "狠抓落实。"],
  },
  {
    from: "Word with a list number whose marker span has no style (its tab padding goes)",
    html: `<p class=MsoListParagraph style="mso-list:l0 level1 lfo1"><![if !supportLists]><span>1.<span>&nbsp;&nbsp;&nbsp; </span></span><![endif]>第一项：发布科普志愿服务计划；</p>`,
    paragraphs: ["1.第一项：发布科普志愿服务计划；"],
  },
  {
    from: "a web page with superscripts and subscripts (named in the notice)",
    html: `<p>正文<sup>1</sup>脚注<sub>2</sub>，展厅面积300m<sup>2</sup>。</p>`,
    paragraphs: ["正文1脚注2，展厅面积300m²。"],
    notice: /3 处上标\/下标已改为普通文字，请核对：「正文\[上标1\]」「正文1脚注\[下标2\]」「m2」已写作「m²」/,
  },
];

for (const c of CASES) {
  test(`pasting from ${c.from} keeps paragraphs, bold and italic only`, async ({ browser }) => {
    const page = await as(browser, "changping");
    await openForm(page);
    const body = page.getByRole("textbox", { name: "正文" });
    await body.click();
    await pasteHtml(body, c.html);
    await expect(body.locator("p")).toHaveText(c.paragraphs);
    if (c.bold) await expect(body.locator("strong")).toHaveText(c.bold);
    else await expect(body.locator("strong")).toHaveCount(0);
    if (c.italic) await expect(body.locator("em")).toHaveText(c.italic);
    else await expect(body.locator("em")).toHaveCount(0);
    // Nothing but paragraphs, bold and italic made it in.
    const tags = await body.evaluate((el) => [...new Set([...el.querySelectorAll("*")].map((e) => e.tagName.toLowerCase()))].sort());
    expect(tags.filter((t) => !["p", "strong", "em", "span"].includes(t))).toEqual([]);
    expect(await body.locator("span:not([data-finding])").count()).toBe(0);
    await expect(page.getByTestId("paste-notice")).toContainText("保留了分段、加粗和倾斜");
    if (c.notice) await expect(page.getByTestId("paste-notice")).toContainText(c.notice);
  });
}

test("plain text keeps its lines as paragraphs, without typed indentation or tabs", async ({ browser }) => {
  const page = await as(browser, "changping");
  await openForm(page);
  const body = page.getByRole("textbox", { name: "正文" });
  await body.click();
  await body.evaluate((el) => {
    const data = new DataTransfer();
    data.setData("text/plain", "　　第一段，\t来自记事本。\r\n\r\n    第二段。\n");
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(body.locator("p")).toHaveText(["第一段， 来自记事本。", "第二段。"]);
});

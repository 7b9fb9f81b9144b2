import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { makeDocx, p } from "../../lib/import/fixtures/make-docx";
import { as, openForm, pasteHtml } from "./helpers";

const fixture = (name: string) => readFileSync(path.join(__dirname, "../../lib/editor/fixtures", name), "utf8");

test("Word's clipboard: markers kept as shown, bullets dropped, tracked changes accepted, comments dropped, footnotes kept — and said so", async ({ browser }) => {
  const page = await as(browser, "changping");
  await openForm(page);
  const body = page.getByRole("textbox", { name: "正文" });
  await body.click();
  await pasteHtml(body, fixture("word-lists.html") + fixture("word-tracked-comments.html") + fixture("word-footnotes.html"));
  const paras = body.locator("p");
  await expect(paras.filter({ hasText: "总体要求" })).toHaveText(["一、总体要求"]);
  await expect(paras.filter({ hasText: "加强组织领导" })).toHaveText(["（一）加强组织领导"]);
  await expect(paras.filter({ hasText: "宣传资料" })).toHaveText(["发放宣传资料"]);
  await expect(paras.filter({ hasText: "居民参加" })).toHaveText(["活动共吸引五百名居民参加。"]);
  await expect(body).not.toContainText("[张1]");
  await expect(body).not.toContainText("请核实职务名称");
  await expect(paras.filter({ hasText: "数据来源" })).toHaveText(["注：数据来源：区统计局2023年年报。"]);
  const notice = page.getByTestId("paste-notice");
  await expect(notice).toContainText("接受全部修订");
  await expect(notice).toContainText("1 条批注");
  await expect(notice).toContainText("2 个脚注/尾注");
});

test("the admin's lists: a 规范表述 is offered as a fix, a 敏感词 is flagged without one; the admin edits the lists", async ({ browser }) => {
  const page = await as(browser, "changping");
  await openForm(page);
  const body = page.getByRole("textbox", { name: "正文" });
  await body.click();
  await page.keyboard.type("全体网格化员在会上通报了情况，会上不传小道消息。");
  const findings = page.getByTestId("body-findings");
  const standard = findings.locator('[data-rule="standard_wording"]');
  await expect(standard).toContainText("网格员");
  const sensitive = findings.locator('[data-rule="sensitive_word"]');
  await expect(sensitive).toContainText("小道消息");
  await expect(sensitive.getByRole("button", { name: /^(改为|删除“|补上)/ })).toHaveCount(0);
  await expect(sensitive).toContainText("需人工处理");
  await standard.getByRole("button", { name: /改为/ }).click();
  await expect(body).toContainText("全体网格员在会上通报了情况");
  await page.context().close();

  const admin = await as(browser, "admin");
  await admin.goto("/admin/word-lists");
  const sensitiveList = admin.getByTestId("word-list-sensitive");
  await expect(sensitiveList.getByRole("form", { name: "修改「小道消息」" })).toBeVisible();
  const add = sensitiveList.getByRole("form", { name: "添加敏感词" });
  await add.getByLabel("敏感词").fill("未经核实");
  await add.getByRole("button", { name: "添加" }).click();
  await expect(sensitiveList.getByRole("form", { name: "修改「未经核实」" })).toBeVisible();
});

test("an attribution typed at the end of the body moves to the attribution field and the unit is told", async ({ browser }) => {
  const page = await as(browser, "changping");
  await openForm(page);
  await page.getByLabel("标题").fill(`区科协举办科普讲座${Date.now() % 100000}`);
  const body = page.getByRole("textbox", { name: "正文" });
  await body.click();
  await page.keyboard.type("6月20日，区科协举办科普讲座，吸引120余名居民参加。（昌平区科协）");
  await page.getByLabel("来源署名").fill("");
  await page.getByRole("button", { name: "报送", exact: true }).click();
  await expect(page.getByText("正文末尾的署名「昌平区科协」已移到署名栏")).toBeVisible();
  await expect(page.getByLabel("来源署名")).toHaveValue("昌平区科协");
  await expect(page.getByRole("textbox", { name: "正文" })).toHaveText("6月20日，区科协举办科普讲座，吸引120余名居民参加。");
  await page.getByRole("button", { name: "报送", exact: true }).click();
  await expect(page.getByText("已报送，等待编辑处理。")).toBeVisible();
});

test("the desk sees an item that closely matches one already in the inbox, with a link to it", async ({ browser }) => {
  const unit = await as(browser, "changping");
  const stamp = Date.now() % 100000;
  const text = `${stamp}日上午，昌平区科协联合回龙观街道在回龙观社区举办垃圾分类科普讲座，邀请北京环卫集团专家为120余名居民讲解垃圾分类知识和家庭厨余垃圾处理方法。`;
  const ids: number[] = [];
  for (const title of [`回龙观社区垃圾分类讲座${stamp}`, `回龙观社区举办垃圾分类科普讲座${stamp}`]) {
    await openForm(unit);
    await unit.getByLabel("标题").fill(title);
    await unit.getByRole("textbox", { name: "正文" }).click();
    await unit.keyboard.type(text);
    await unit.getByRole("button", { name: "报送", exact: true }).click();
    await expect(unit.getByText("已报送，等待编辑处理。")).toBeVisible();
    ids.push(Number(new URL(unit.url()).pathname.split("/").pop()));
  }
  const editor = await as(browser, "editor");
  await editor.goto(`/desk/items/${ids[1]}`);
  const flag = editor.getByTestId("near-duplicates");
  await expect(flag).toContainText("疑似重复稿件");
  await expect(flag.getByRole("link", { name: `回龙观社区垃圾分类讲座${stamp}` })).toHaveAttribute("href", `/desk/items/${ids[0]}`);
  await expect(flag).toContainText("在收件箱中");
  // The inbox list marks it too.
  await editor.goto(`/desk/inbox?q=${stamp}`);
  // Each of the pair names the other's unit and when it was sent, so the editor sees which came first.
  const second = editor.getByTestId(`inbox-row-${ids[1]}`).getByTestId("inbox-duplicate");
  await expect(second).toContainText(`疑似重复：《回龙观社区垃圾分类讲座${stamp}》（昌平区科协，`);
  await expect(second).toContainText("报送，早于本篇）");
  const first = editor.getByTestId(`inbox-row-${ids[0]}`).getByTestId("inbox-duplicate");
  await expect(first).toContainText(`疑似重复：《回龙观社区举办垃圾分类科普讲座${stamp}》（昌平区科协，`);
  await expect(first).toContainText("报送，晚于本篇）");
});

test("a web page's ordered list keeps its numbers, two &nbsp; stay two spaces; a .docx keeps Word's automatic numbering and names the byline lines it takes out", async ({ browser }) => {
  const page = await as(browser, "changping");
  await openForm(page);
  const body = page.getByRole("textbox", { name: "正文" });
  await body.click();
  await pasteHtml(body, "<p>会议部署：</p><ol><li>第一项</li><li>第二项</li></ol><p>科普&nbsp;&nbsp;大会</p>");
  // Exact text (toHaveText would fold the two spaces).
  await expect.poll(() => body.locator("p").evaluateAll((ps) => ps.map((p) => p.textContent))).toEqual(["会议部署：", "1.第一项", "2.第二项", "科普  大会"]);
  await expect(page.getByTestId("paste-notice")).toContainText("不间断空格（U+00A0）2 个");

  const li = (t: string, ilvl = 0) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>${t}</w:t></w:r></w:p>`;
  const numbering =
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';
  const docx = makeDocx(p("区科协召开科普工作推进会") + p("会议部署两项工作：") + li("加强组织领导") + li("细化分工", 1) + li("强化宣传引导") + p("撰稿：张三"), { numbering });
  await page.getByTestId("docx-input").setInputFiles({ name: "推进会.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: Buffer.from(docx) });
  const preview = page.getByRole("dialog", { name: /导入预览/ });
  await expect(preview).toContainText("3 个自动编号");
  await expect(preview).toContainText("撰稿：张三");
  await preview.getByRole("button", { name: "填入表单" }).click();
  await expect(body.locator("p")).toHaveText(["会议部署两项工作：", "一、加强组织领导", "（一）细化分工", "二、强化宣传引导"]);
});

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { stateFile, type UserKey } from "./users";

async function as(browser: Browser, user: UserKey): Promise<Page> {
  const context = await browser.newContext({ storageState: stateFile(user) });
  return context.newPage();
}

test("a unit submits, the editor places, the reviewer approves, the office downloads every export", async ({ browser }) => {
  const title = `昌平区科协开展科普进社区活动${Date.now() % 100000}`;

  // 报送员: write the item in the Tiptap editor, with a bold phrase, and submit it.
  const unit = await as(browser, "changping");
  await unit.goto("/items/new");
  await expect(unit.getByRole("heading", { name: "写稿件" })).toBeVisible();
  await unit.getByLabel("标题").fill(title);
  const body = unit.getByRole("textbox", { name: "正文" });
  await body.click();
  await unit.keyboard.type("11月18日，昌平区科协在回龙观社区举办科普讲座。");
  await unit.keyboard.press("Enter");
  await unit.keyboard.type("讲座");
  await unit.keyboard.press("Control+b");
  await unit.keyboard.type("反响热烈");
  await unit.keyboard.press("Control+b");
  await unit.keyboard.type("。");
  await expect(body.locator("strong")).toHaveText("反响热烈");
  await expect(unit.getByTestId("char-count")).toContainText("32 字");
  await unit.getByLabel("建议栏目").selectOption({ label: "科普工作" });
  await unit.getByRole("button", { name: "报送" }).click();
  await expect(unit.getByText("已报送，等待编辑处理。")).toBeVisible();
  const itemUrl = unit.url();

  // 编辑: accept it from the inbox.
  const editor = await as(browser, "editor");
  // The inbox pages by 50: other specs leave items waiting, so look the item up by its title.
  await editor.goto(`/desk/inbox?status=submitted&q=${encodeURIComponent(title)}`);
  await editor.getByRole("link", { name: title }).click();
  await editor.getByRole("button", { name: "采用", exact: true }).click();
  await expect(editor).toHaveURL(/\/desk\/inbox$/);

  // 编辑: create the next issue with the proposed numbers and place the item.
  await editor.goto("/desk/issues");
  // On a fresh database this is 第1期 (总第79期, after the 78 of the archive); other specs may have
  // created or imported issues before this one, so read the proposal and check it follows them.
  const number = Number(await editor.getByLabel("期号（第N期）").inputValue());
  const total = Number(await editor.getByLabel("总期号（总第M期）").inputValue());
  expect(number).toBeGreaterThanOrEqual(1);
  expect(total).toBeGreaterThanOrEqual(78 + number);
  await editor.getByRole("button", { name: "创建" }).click();
  await expect(editor.getByRole("heading", { name: new RegExp(`编排 2026年第${number}期（总第${total}期）`) })).toBeVisible();
  const issueId = new URL(editor.url()).pathname.split("/").pop();
  await editor.getByTestId("pool-select").selectOption({ label: `${title}（昌平区科协）` });
  await editor.getByTestId("section-select").selectOption({ label: "【科普工作】" });
  await editor.getByRole("button", { name: "编入", exact: true }).click();
  await expect(editor.getByRole("region", { name: "科普工作" }).getByText(title)).toBeVisible();
  // The live preview is the print renderer's page in a frame: the heading, then the title.
  await expect(editor.frameLocator('[data-testid="bulletin-preview"]').locator("body")).toContainText(new RegExp(`【科普工作】\\s*${title}`));
  await editor.getByRole("button", { name: "送审" }).click();
  await expect(editor.getByRole("alertdialog")).toContainText("送审？");
  await editor.getByRole("alertdialog").getByRole("button", { name: "送审" }).click();
  await expect(editor.getByText("审核中")).toBeVisible();

  // 审核: approve, confirming.
  const reviewer = await as(browser, "reviewer");
  await reviewer.goto("/review");
  await reviewer.getByRole("link", { name: new RegExp(`2026年第${number}期`) }).click();
  await reviewer.getByRole("button", { name: "批准印发" }).click();
  await reviewer.getByRole("alertdialog").getByRole("button", { name: "批准印发" }).click();
  await expect(reviewer.getByTestId("approval")).toContainText("李金涛");

  // 办公室: download the text export.
  const office = await as(browser, "office");
  await office.goto("/office");
  const exports = office.getByTestId(`exports-${issueId}`);
  const [download] = await Promise.all([office.waitForEvent("download"), exports.getByTestId("export-txt").click()]);
  expect(download.suggestedFilename()).toBe(`科协每周动态-2026年第${number}期.txt`);
  const text = readFileSync(await download.path(), "utf8");
  console.log(`--- text export ---\n${text}--- end ---`);
  expect(text).not.toContain("草稿");
  expect(text).toContain(`科协每周动态\n\n2026年 第${number}期\n\n(总第${total}期)\n\n北京市科协办公室`);
  expect(text).toContain(`目录提要\n\n- ${title}`);
  expect(text).toContain(`【科普工作】\n\n${title}\n\n11月18日，昌平区科协在回龙观社区举办科普讲座。\n\n讲座反响热烈。（昌平区科协）`);
  expect(text).toContain("信息报送邮箱：skxxxbs@bast.net.cn\n\n编辑：张红波\n\n审核：李金涛\n\n分送：市科协第十届委员会主席、副主席、常委、委员");

  // 办公室: the print PDF (rendered on the server by Chromium), the Word file and the print view.
  const [pdf] = await Promise.all([office.waitForEvent("download"), exports.getByTestId("export-pdf").click()]);
  expect(pdf.suggestedFilename()).toBe(`科协每周动态-2026年第${number}期.pdf`);
  const pdfText = execFileSync("pdftotext", ["-layout", await pdf.path(), "-"], { encoding: "utf8" });
  expect(pdfText.replace(/\s+/g, "")).toContain(`【科普工作】${title.replace(/\s+/g, "")}11月18日，昌平区科协在回龙观社区举办科普讲座。`);
  expect(pdfText).toMatch(/—\s*1\s*—/);
  expect(pdfText).not.toContain("草");
  const [docx] = await Promise.all([office.waitForEvent("download"), exports.getByTestId("export-docx").click()]);
  expect(docx.suggestedFilename()).toBe(`科协每周动态-2026年第${number}期.docx`);
  expect(readFileSync(await docx.path()).subarray(0, 2).toString()).toBe("PK");
  const [printView] = await Promise.all([office.waitForEvent("popup"), exports.getByRole("link", { name: "打印预览" }).click()]);
  await expect(printView.locator(".masthead-title")).toHaveText("科协每周动态");
  await expect(printView.locator(".item-title")).toHaveText(title);
  await printView.waitForFunction(() => document.documentElement.dataset.ready === "1");
  // The bundled faces come from the app's font route.
  expect(await printView.evaluate(() => document.fonts.check('16pt "Noto Serif SC"', "科协"))).toBe(true);
  expect(await printView.evaluate(() => [...document.fonts].some((f) => f.family.includes("Noto Serif SC") && f.status === "loaded"))).toBe(true);
  await printView.close();

  // 办公室: record the distribution; the unit sees its item published in that issue.
  // Other specs may leave approved issues waiting too: this issue's card, and only it, goes.
  const card = office.getByTestId(`office-issue-${issueId}`);
  await card.getByRole("button", { name: "登记印发" }).click();
  // It asks first: the issue is frozen once recorded.
  await expect(card.getByRole("alertdialog")).toContainText("印发？登记后本期封存");
  await card.getByRole("alertdialog").getByRole("button", { name: "登记印发" }).click();
  await expect(card).toHaveCount(0);
  await unit.goto(itemUrl);
  await expect(unit.getByText("已刊发")).toBeVisible();
  await expect(unit.getByTestId("timeline")).toContainText("报送");
  await expect(unit.getByTestId("timeline")).toContainText("采用");
  await expect(unit.getByTestId("timeline")).toContainText("刊发");
});

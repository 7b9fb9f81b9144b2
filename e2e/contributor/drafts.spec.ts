import { expect, test } from "@playwright/test";
import { stateFile } from "../users";
import { expectSaved, focusEndOfBody, openForm } from "./helpers";

test("a draft survives a lost connection and a closed tab, and is offered back", async ({ browser }) => {
  const title = `断网也不丢的稿件${Date.now() % 100000}`;
  const context = await browser.newContext({ storageState: stateFile("changping") });
  const page = await context.newPage();
  await openForm(page);
  await expect(page.getByTestId("save-state")).toHaveText("开始输入后自动保存");
  await page.getByLabel("标题").fill(title);
  const body = await focusEndOfBody(page);
  await page.keyboard.type("6月20日，昌平区科协举办科普讲座。");
  await expectSaved(page);
  await expect(page).toHaveURL(/\/items\/\d+$/);
  const url = page.url();

  // The connection drops while typing: the page says so, and keeps the text in the browser.
  await context.setOffline(true);
  await focusEndOfBody(page);
  await page.keyboard.type("断网后写的这一句也要留住。");
  await expect(page.getByTestId("save-state")).toContainText("网络断开");
  await expect(body).toContainText("断网后写的这一句也要留住。");
  await page.close();

  // Back online, the next visit offers the text the server never got.
  await context.setOffline(false);
  const again = await context.newPage();
  await openForm(again, url);
  await expect(again.getByRole("textbox", { name: "正文" })).not.toContainText("断网后写的这一句");
  const banner = again.getByTestId("restore-banner");
  await expect(banner).toContainText("本机保存有一份");
  await banner.getByRole("button", { name: "恢复本机内容" }).click();
  await expect(again.getByRole("textbox", { name: "正文" })).toContainText("断网后写的这一句也要留住。");
  await expectSaved(again);
  await again.reload();
  await expect(again.getByRole("textbox", { name: "正文" })).toContainText("断网后写的这一句也要留住。");
  await expect(again.getByTestId("restore-banner")).toHaveCount(0);
  await context.close();
});

test("two windows on one draft: the second gets a conflict with both versions, never a silent overwrite", async ({ browser }) => {
  const title = `两个窗口的稿件${Date.now() % 100000}`;
  // Two browsers (say, office PC and laptop) logged in as the same person.
  const one = await (await browser.newContext({ storageState: stateFile("changping") })).newPage();
  await openForm(one);
  await one.getByLabel("标题").fill(title);
  await focusEndOfBody(one);
  await one.keyboard.type("第一段。");
  await expectSaved(one);
  const url = one.url();

  const two = await (await browser.newContext({ storageState: stateFile("changping") })).newPage();
  await openForm(two, url);
  await expect(two.getByLabel("标题")).toHaveValue(title);

  await focusEndOfBody(one);
  await one.keyboard.type("增加了参会人数。");
  await expectSaved(one);

  await focusEndOfBody(two);
  await two.keyboard.type("补充了活动成效。");
  const dialog = two.getByRole("alertdialog", { name: "这篇稿件已在别处修改" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("刘明");
  // What is saved elsewhere struck through, what is here underlined.
  await expect(dialog.getByTestId("text-diff").locator("del", { hasText: "参会人数" })).toBeVisible();
  await expect(dialog.getByTestId("text-diff").locator("ins", { hasText: "活动成效" })).toBeVisible();
  await expect(two.getByTestId("save-state")).toContainText("已在别处修改");

  // Choosing the saved version keeps this window's text in the browser, offered back.
  await dialog.getByRole("button", { name: /改用已保存的版本/ }).click();
  await expect(two.getByRole("textbox", { name: "正文" })).toContainText("增加了参会人数。");
  await expect(two.getByRole("textbox", { name: "正文" })).not.toContainText("补充了活动成效。");
  await expect(two.getByTestId("restore-banner")).toBeVisible();

  // Window one saves again; window two, now out of date, keeps its own version on purpose.
  await focusEndOfBody(one);
  await one.keyboard.type("再补一句。");
  await expectSaved(one);
  await focusEndOfBody(two);
  await two.keyboard.type("窗口二又改了。");
  const again = two.getByRole("alertdialog", { name: "这篇稿件已在别处修改" });
  await expect(again).toBeVisible();
  await again.getByRole("button", { name: "保留我的版本" }).click();
  await expectSaved(two);
  await one.reload();
  await expect(one.getByRole("textbox", { name: "正文" })).toContainText("窗口二又改了。");
});

test("the title limit is clear, and the form says what is missing before submitting", async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: stateFile("changping") })).newPage();
  await openForm(page);
  await page.getByRole("button", { name: "报送", exact: true }).click();
  await expect(page.getByTestId("form-message")).toContainText("还有必填项没有填好");
  await expect(page.getByText("请填写标题。")).toBeVisible();
  await expect(page.getByText("请填写正文。")).toBeVisible();
  await page.getByLabel("标题").fill("科".repeat(85));
  await expect(page.getByTestId("title-count")).toHaveText("85 / 80 字，超出 5 字");
  await expect(page.getByTestId("save-state")).toContainText("标题超过 80 字");
  await page.getByLabel("标题").fill("科".repeat(80));
  await expect(page.getByTestId("title-count")).toHaveText("80 / 80 字");
  await expectSaved(page);
});

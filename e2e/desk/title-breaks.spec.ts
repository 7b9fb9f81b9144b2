import { expect, test } from "@playwright/test";
import { stateFile } from "../users";
import { acceptAllSubmitted, createIssue, editorPage, listed, step } from "./helpers";

const LONG = "中国制冷学会、北京制冷学会与北京市科学技术协会联合举办制冷空调行业科技成果对接会";

test("the editor breaks a long title by hand; the print view and the text export follow it", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await editorPage(browser);
  await acceptAllSubmitted(page);
  const issueId = await createIssue(page, { year: 2025, number: 47, total: 447, date: "2025-12-05" });

  // One item in 【基层动态】 (the board's keyboard path).
  const itemId = (await listed(page.getByTestId("pool-list")))[0];
  await page.getByRole("checkbox", { name: "列入目录提要" }).first().uncheck();
  await page.getByTestId("pool-select").selectOption(String(itemId));
  await page.getByTestId("section-select").selectOption("基层动态");
  await step(page, () => page.getByRole("button", { name: "编入", exact: true }).click());

  // The editor gives the item a long title.
  await page.goto(`/desk/items/${itemId}`);
  const form = page.getByTestId("item-edit");
  await form.getByLabel("标题").fill(LONG);
  await form.getByRole("button", { name: "保存修改" }).click();
  await expect(form.getByRole("status")).toBeVisible();

  // Automatic breaks: words whole, lines balanced.
  const card = page.getByTestId("title-breaks");
  const preview = card.getByTestId("title-breaks-preview");
  await expect(preview.locator("span")).toHaveText(["中国制冷学会、北京制冷学会与北京市科学技术协会", "联合举办制冷空调行业科技成果对接会"]);

  // No toggle inside a short compound (对接|会): only places the line breaker itself would take.
  await expect(card.getByRole("button", { name: "在“科技成果对接”后换行" })).toHaveCount(0);
  await expect(card.getByRole("button", { name: "在“行业科技成果”后换行" })).toHaveCount(1);

  // By hand: break after 北京制冷学会 (a keyboard press on the toggle).
  const place = card.getByRole("button", { name: "在“北京制冷学会”后换行" });
  await expect(place).toHaveAttribute("aria-pressed", "false");
  await place.focus();
  await page.keyboard.press("Enter");
  await expect(place).toHaveAttribute("aria-pressed", "true");
  await expect(preview.locator("span").first()).toHaveText("中国制冷学会、北京制冷学会");
  await card.screenshot({ path: test.info().outputPath("title-break-editor.png") });
  await card.getByRole("button", { name: "保存换行" }).click();
  await expect(card.getByRole("status")).toHaveText("换行已保存。");

  // The print view sets the lines as saved; the text export breaks the title there too.
  await page.goto(`/api/issues/${issueId}/export?format=html`);
  const lines = page.locator(`#item-${itemId} .item-title .title-line`);
  await expect(lines.first()).toHaveText("中国制冷学会、北京制冷学会");
  expect((await lines.allTextContents()).join("")).toBe(LONG);
  const text = await (await page.request.get(`/api/issues/${issueId}/export?format=txt`)).text();
  expect(text).toContain("\n\n中国制冷学会、北京制冷学会\n与北京市科学技术协会");

  // Back to automatic: the text export has the title on one line again.
  await page.goto(`/desk/items/${itemId}`);
  await page.getByTestId("title-breaks").getByRole("button", { name: "恢复自动换行" }).click();
  await expect(page.getByTestId("title-breaks").getByRole("status")).toHaveText("换行已保存。");
  const again = await (await page.request.get(`/api/issues/${issueId}/export?format=txt`)).text();
  expect(again).toContain(`\n\n${LONG}\n\n`);
});

test("the desk's title field shows a long title whole at 1024 px; Enter adds no line, a pasted break is joined", async ({ browser }) => {
  const context = await browser.newContext({ storageState: stateFile("editor"), viewport: { width: 1024, height: 900 } });
  const page = await context.newPage();
  await page.goto("/desk/inbox?status=all");
  const href = await page.getByTestId("inbox").locator("tbody tr a").first().getAttribute("href");
  const id = Number(/\/desk\/items\/(\d+)/.exec(href ?? "")?.[1]);
  expect(id).toBeGreaterThan(0);
  await page.goto(`/desk/items/${id}`);
  const title = page.getByTestId("item-edit").getByLabel("标题", { exact: true });
  const long = "中国制冷学会、北京制冷学会与昌平区科协联合举办2026年冷链物流绿色低碳技术成果对接会暨院士专家工作站揭牌仪式及首都科技工作者座谈交流会";
  expect([...long].length).toBeGreaterThan(60);
  await title.fill(long);
  await title.press("End");
  await title.press("Enter");
  await expect(title).toHaveValue(long);
  const fits = await title.evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight + 1 && el.clientHeight > 40);
  expect(fits).toBe(true); // two lines, nothing scrolled out of sight
  await title.evaluate((el, text) => {
    const t = el as HTMLTextAreaElement;
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!.call(t, text);
    t.dispatchEvent(new Event("input", { bubbles: true }));
  }, "昌平区科协\n召开科普工作会");
  await expect(title).toHaveValue("昌平区科协召开科普工作会");
  await context.close();
});

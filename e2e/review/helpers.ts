import { readFileSync } from "node:fs";
import { type Browser, expect, type Locator, type Page } from "@playwright/test";
import { stateFile, type UserKey } from "../users";

export async function as(browser: Browser, user: UserKey): Promise<Page> {
  const context = await browser.newContext({ storageState: stateFile(user) });
  return context.newPage();
}

const idOf = (href: string | null) => Number(href?.split("/").pop());

/**
 * 昌平区科协 submits `count` fresh items through the form, so the spec never depends on what other
 * specs left in the inbox (the desk's spec accepts every waiting item).
 */
async function submitFreshItems(editor: Page, count: number): Promise<string[]> {
  const browser = editor.context().browser();
  if (!browser) throw new Error("no browser behind the editor's page");
  const unit = await as(browser, "changping");
  const titles: string[] = [];
  for (let i = 0; i < count; i++) {
    const title = `昌平区科协举办应急科普讲座${Date.now() % 1_000_000}-${i + 1}`;
    await unit.goto("/items/new");
    await unit.getByLabel("标题").fill(title);
    await unit.getByRole("textbox", { name: "正文" }).click();
    await unit.keyboard.type("11月20日，昌平区科协在回龙观社区举办应急科普讲座，邀请专家讲解避险知识。");
    await unit.keyboard.press("Enter");
    await unit.keyboard.type("讲座结束后，居民们纷纷表示收获很大。");
    await unit.getByRole("button", { name: "报送", exact: true }).click();
    await expect(unit.getByText("已报送，等待编辑处理。")).toBeVisible();
    titles.push(title);
  }
  await unit.context().close();
  return titles;
}

/** Has 昌平区科协 submit `count` items, accepts them from the inbox, and returns their ids and titles. */
export async function acceptItems(editor: Page, count: number): Promise<{ id: number; title: string }[]> {
  const out = [];
  for (const title of await submitFreshItems(editor, count)) {
    await editor.goto("/desk/inbox?status=submitted");
    await editor.getByTestId("inbox").getByRole("link", { name: title }).click();
    await expect(editor.getByRole("heading", { level: 1 })).toHaveText(title);
    const id = idOf(editor.url());
    await editor.getByRole("button", { name: "采用", exact: true }).click();
    await expect(editor).toHaveURL(/\/desk\/inbox/);
    out.push({ id, title });
  }
  return out;
}

/** Creates the next issue with the proposed numbers; returns its id and its 第N期 label. */
export async function createIssue(editor: Page): Promise<{ id: number; number: string }> {
  await editor.goto("/desk/issues");
  const number = await editor.getByLabel("期号（第N期）").inputValue();
  await editor.getByRole("button", { name: "创建" }).click();
  await expect(editor).toHaveURL(/\/desk\/issues\/\d+$/);
  return { id: idOf(editor.url()), number };
}

export async function placeItem(editor: Page, itemId: number, section: string, inToc: boolean) {
  const form = editor.locator("form").filter({ has: editor.getByTestId("pool-select") });
  await form.getByTestId("pool-select").selectOption(String(itemId));
  await form.getByTestId("section-select").selectOption({ label: `【${section}】` });
  await form.getByRole("checkbox", { name: "列入目录提要" }).setChecked(inToc);
  await form.getByRole("button", { name: "编入", exact: true }).click();
  await expect(editor.getByTestId(`placement-${itemId}`)).toBeVisible();
}

export const issueStatus = (page: Page) => page.locator(".title-row .status");

/** Downloads the text export from the export links on the page (or in one part of it). */
export async function downloadText(page: Page, scope: Page | Locator = page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), scope.getByTestId("export-txt").first().click()]);
  return readFileSync(await download.path(), "utf8");
}

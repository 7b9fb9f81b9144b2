import { readFileSync } from "node:fs";
import { type Browser, expect, type Locator, type Page } from "@playwright/test";
import { stateFile, type UserKey } from "../users";

export async function as(browser: Browser, user: UserKey): Promise<Page> {
  const context = await browser.newContext({ storageState: stateFile(user) });
  return context.newPage();
}

const idOf = (href: string | null) => Number(href?.split("/").pop());

/** Accepts `count` submitted items from the inbox (the last ones listed) and returns their ids and titles. */
export async function acceptItems(editor: Page, count: number): Promise<{ id: number; title: string }[]> {
  await editor.goto("/desk/inbox?status=submitted");
  const hrefs = await editor.getByTestId("inbox").getByRole("link").evaluateAll((ls) => ls.map((l) => l.getAttribute("href")));
  const ids = hrefs.slice(-count).map(idOf);
  expect(ids).toHaveLength(count);
  const out = [];
  for (const id of ids) {
    await editor.goto(`/desk/items/${id}`);
    const title = ((await editor.getByRole("heading", { level: 1 }).textContent()) ?? "").trim();
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

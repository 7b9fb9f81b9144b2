import { type Browser, expect, type Locator, type Page } from "@playwright/test";
import { stateFile } from "../users";

/** An editor session of its own (its own browser context, the editor's saved login). */
export async function editorPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: stateFile("editor"), viewport: { width: 1500, height: 6000 } });
  return context.newPage();
}

/** Accepts every submitted item in the inbox at once (bulk accept), if there is any. */
export async function acceptAllSubmitted(page: Page) {
  await page.goto("/desk/inbox?status=submitted");
  const all = page.getByRole("checkbox", { name: "全选待处理稿件" });
  if (!(await all.count())) return;
  await all.check();
  await page.getByRole("button", { name: "采用所选", exact: true }).click();
  await expect(page.getByRole("status")).toContainText(/已采用 \d+ 篇/);
}

/** Fills the new-issue form with the given numbers and presses 创建 (whether or not it is refused). */
export async function submitNewIssue(page: Page, n: { year: number; number: number; total: number; date: string }) {
  await page.goto("/desk/issues");
  await page.getByLabel("年份").fill(String(n.year));
  await page.getByLabel("期号（第N期）").fill(String(n.number));
  await page.getByLabel("总期号（总第M期）").fill(String(n.total));
  await page.getByLabel("出刊日期").fill(n.date);
  await page.getByRole("button", { name: "创建" }).click();
}

/** Creates an issue with the given numbers. */
export async function createIssue(page: Page, n: { year: number; number: number; total: number; date: string }) {
  await submitNewIssue(page, n);
  await expect(page.getByRole("heading", { name: `编排 ${n.year}年第${n.number}期（总第${n.total}期）` })).toBeVisible();
  return Number(page.url().split("/").pop());
}

export const board = (page: Page) => page.getByTestId("arrange");

export async function version(page: Page): Promise<number> {
  return Number(await board(page).getAttribute("data-version"));
}

/** Runs a board change and waits until the server has answered with the next version. */
export async function step(page: Page, action: () => Promise<void>) {
  const before = await version(page);
  await action();
  await expect(board(page)).toHaveAttribute("data-version", String(before + 1));
  await expect(board(page)).toHaveAttribute("aria-busy", "false");
}

/** A real pointer drag: press on the handle, move in steps (dnd-kit starts after 5 px), release over the target. */
export async function drag(page: Page, handle: Locator, target: Locator, where: "center" | "upper" | "lower" = "center") {
  await handle.hover(); // waits until the handle stands still (rows settle after the last drop)
  const from = await handle.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error("drag source or target not visible");
  // The whole board fits the (tall) window, so nothing scrolls while dragging.
  const height = page.viewportSize()!.height;
  if (from.y + from.height > height || to.y + to.height > height) throw new Error("drag source or target below the window");
  const x0 = from.x + from.width / 2;
  const y0 = from.y + from.height / 2;
  const y = where === "upper" ? to.y + to.height * 0.25 : where === "lower" ? to.y + to.height * 0.8 : to.y + to.height / 2;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  await page.mouse.move(x0 + 8, y0 + 8, { steps: 4 });
  await expect(handle).toHaveAttribute("aria-pressed", "true"); // the drag has started
  await page.mouse.move(to.x + to.width / 2, y, { steps: 20 });
  await page.mouse.move(to.x + to.width / 2, y + 1, { steps: 2 });
  await page.mouse.up();
}

/** The section ids in board order. */
export async function sectionIds(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const s of await page.locator('[data-testid^="section-"]').all()) {
    const id = (await s.getAttribute("data-testid"))!.replace("section-", "");
    if (!/^\d+$/.test(id)) continue;
    out[(await s.getAttribute("data-title")) ?? ""] = Number(id);
  }
  return out;
}

/** Item ids as listed in one section (or the pool). */
export async function listed(list: Locator): Promise<number[]> {
  const ids: number[] = [];
  for (const li of await list.locator(':scope > li[data-testid]').all()) ids.push(Number((await li.getAttribute("data-testid"))!.replace(/^\D+-/, "")));
  return ids;
}

import { type Browser, expect, type Page, test } from "@playwright/test";
import { callAction } from "./actions";
import { stateFile, type UserKey } from "./users";

async function as(browser: Browser, user: UserKey): Promise<Page> {
  const context = await browser.newContext({ storageState: stateFile(user) });
  return context.newPage();
}

const FORBIDDEN = "您没有权限执行此操作。";
const NOT_FOUND = "找不到该内容，或您无权查看。";

test("a contributor opening desk, review, office or admin pages is refused", async ({ browser }) => {
  const unit = await as(browser, "changping");
  for (const path of ["/desk/inbox", "/desk/issues", "/desk/items/1", "/desk/issues/1", "/review", "/review/issues/1", "/office", "/office/archive", "/admin"]) {
    await unit.goto(path);
    await expect(unit.getByTestId("forbidden"), path).toBeVisible();
    await expect(unit.getByRole("heading", { name: "无权访问" })).toBeVisible();
  }
  const res = await unit.request.get("/api/issues/1/export?format=txt");
  expect(res.status()).toBe(403);
  expect((await res.json()).error).toBe(FORBIDDEN);
});

test("a visitor who is not logged in is sent to the login page", async ({ page }) => {
  for (const path of ["/items", "/desk/inbox", "/review", "/office"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login$/);
  }
  const res = await page.request.get("/api/issues/1/export?format=txt");
  expect(res.status()).toBe(401);
});

test("a contributor calling the editor's and reviewer's actions is refused and nothing changes", async ({ browser }) => {
  const editor = await as(browser, "editor");
  await editor.goto("/desk/inbox?status=submitted");
  const first = editor.getByTestId("inbox").getByRole("link").first();
  const title = await first.textContent();
  const itemId = Number((await first.getAttribute("href"))?.split("/").pop());

  const unit = await as(browser, "changping");
  expect(await callAction(unit, "decideItemAction", { id: itemId, version: 2, decision: "accept", note: "" })).toContain(FORBIDDEN);
  expect(await callAction(unit, "decideItemAction", { id: itemId, version: 2, decision: "decline", note: "" })).toContain(FORBIDDEN);
  expect(await callAction(unit, "createIssueAction", { year: 2026, number: 90, totalNumber: 990, date: "2026-11-30" })).toContain(FORBIDDEN);
  expect(await callAction(unit, "approveIssueAction", { issueId: 1, version: 1 })).toContain(FORBIDDEN);
  expect(await callAction(unit, "distributeIssueAction", { issueId: 1, version: 1, date: "2026-11-30", distribution: ["x"] })).toContain(FORBIDDEN);

  // The editor still sees the item as submitted, and no issue 第90期 exists.
  await editor.goto(`/desk/items/${itemId}`);
  await expect(editor.getByRole("heading", { name: title ?? "" })).toBeVisible();
  await expect(editor.getByText("已报送")).toBeVisible();
  await editor.goto("/desk/issues");
  await expect(editor.getByText("第90期")).toHaveCount(0);

  // An editor cannot approve either; only the reviewer can.
  expect(await callAction(editor, "approveIssueAction", { issueId: 1, version: 1 })).toContain(FORBIDDEN);
});

test("contributor A cannot read or change unit B's item by id", async ({ browser }) => {
  const b = await as(browser, "dongcheng");
  await b.goto("/items");
  const link = b.getByRole("table").getByRole("link").first();
  const title = (await link.textContent()) ?? "";
  const href = (await link.getAttribute("href")) ?? "";
  const id = Number(href.split("/").pop());
  expect(id).toBeGreaterThan(0);

  const a = await as(browser, "changping");
  await a.goto(href);
  await expect(a.getByTestId("not-found")).toBeVisible();
  await expect(a.getByText(title)).toHaveCount(0);
  await a.goto("/items");
  await expect(a.getByRole("link", { name: title })).toHaveCount(0);

  const fields = { title: "改掉别人的标题", body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x" }] }] }, source: null, suggestedSectionId: null, eventDate: null, contactName: "", contactPhone: "", noteToEditor: "" };
  expect(await callAction(a, "updateItemAction", { ...fields, id, version: 2 })).toContain(NOT_FOUND);
  expect(await callAction(a, "withdrawItemAction", { id, version: 2 })).toContain(NOT_FOUND);
  expect(await callAction(a, "submitItemAction", { id, version: 2 })).toContain(NOT_FOUND);

  await b.goto(href);
  await expect(b.getByRole("heading", { name: title })).toBeVisible();
  await expect(b.getByText("已报送")).toBeVisible();
});

test.describe("login throttling", () => {
  // An address of its own, so the slowed-down address is not the one the other tests log in from.
  test.use({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.7" } });

  test("wrong password is refused in Chinese, and repeated failures are slowed down", async ({ page }) => {
    await page.goto("/login");
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("用户名").fill("admin");
      await page.getByLabel("密码").fill(`wrong-${i}`);
      await page.getByRole("button", { name: "登录" }).click();
      await expect(page.locator("form").getByRole("alert")).toHaveText("用户名或密码错误。");
    }
    await page.getByLabel("密码").fill("wrong-again");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.locator("form").getByRole("alert")).toContainText("登录失败次数过多");
    // Even the right password waits now.
    await page.getByLabel("密码").fill("jianbao2026");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.locator("form").getByRole("alert")).toContainText("登录失败次数过多");
  });
});

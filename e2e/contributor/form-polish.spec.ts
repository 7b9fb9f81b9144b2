import { expect, test } from "@playwright/test";
import { callAction } from "../actions";
import { as, editorEditsBody, expectSaved, focusEndOfBody, openForm, submitNewItem } from "./helpers";

// Issue 16 §3: the form and the unit's list, polished. Screenshots go to SHOTS when it is set.
const SHOTS = process.env.FORM_SHOTS;
const shot = async (page: import("@playwright/test").Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};

const LONG_TITLE = "中国制冷学会、北京制冷学会与昌平区科协联合举办2026年冷链物流绿色低碳技术成果对接会暨院士专家工作站揭牌";

test("a long title is seen whole; Enter adds no line, pasted line breaks go and the unit is told; 字数 is one count", async ({ browser }) => {
  expect([...LONG_TITLE].length).toBeGreaterThanOrEqual(49);
  const page = await as(browser, "changping");
  await page.setViewportSize({ width: 1280, height: 900 });
  await openForm(page);
  const title = page.getByLabel("标题");
  await title.fill(LONG_TITLE);
  await title.press("End");
  await title.press("Enter");
  await expect(title).toHaveValue(LONG_TITLE);
  await expect(page.getByRole("textbox", { name: "正文" })).toBeFocused();
  // Every character shows: the field grew to its text (no hidden overflow, no scrolling inside).
  const fits = await title.evaluate((el) => {
    const t = el as HTMLTextAreaElement;
    return { tag: t.tagName, scroll: t.scrollHeight, client: t.clientHeight, rows: Math.round(t.clientHeight / parseFloat(getComputedStyle(t).lineHeight)) };
  });
  expect(fits.tag).toBe("TEXTAREA");
  expect(fits.scroll).toBeLessThanOrEqual(fits.client + 1);

  // Pasted with line breaks (as copied from a Word title on two lines): one line, and a notice.
  await title.fill("");
  await title.evaluate((el) => {
    const t = el as HTMLTextAreaElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!;
    setter.call(t, "区科协召开\n科普工作会议");
    t.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await expect(title).toHaveValue("区科协召开科普工作会议");
  await expect(page.getByTestId("title-joined")).toContainText("换行和制表符已去掉");

  // 字数: spaces (full-width too) and empty paragraphs are not counted, by the editor and the page alike.
  await title.fill(LONG_TITLE);
  await focusEndOfBody(page);
  await page.keyboard.type("　　6月20日 上午，昌平区科协举办 AI 科普讲座。");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await page.keyboard.type("共 120 人参加。");
  const expected = [..."6月20日上午，昌平区科协举办AI科普讲座。共120人参加。"].length;
  await expect(page.getByTestId("char-count")).toHaveText(`${expected} 字`);
  await expectSaved(page);
  await shot(page, "form-long-title-desktop");
  await page.reload();
  await expect(page.locator('[data-testid="copy-check"][data-ready="true"]')).toBeVisible();
  await expect(page.getByTestId("char-count")).toHaveText(`${expected} 字`);
  await expect(page.getByLabel("标题")).toHaveValue(LONG_TITLE);
  await page.context().close();
});

test("a never-submitted draft can be deleted after a confirmation; a submitted one cannot, another unit cannot", async ({ browser }) => {
  const title = `要删除的草稿${Date.now() % 100000}`;
  const unit = await as(browser, "changping");
  await openForm(unit);
  await unit.getByLabel("标题").fill(title);
  await focusEndOfBody(unit);
  await unit.keyboard.type("这篇草稿写错了，要删掉。");
  await expectSaved(unit);
  await expect(unit).toHaveURL(/\/items\/\d+$/);
  const id = Number(new URL(unit.url()).pathname.split("/").pop());
  // The button shows as soon as the draft is stored, and on the draft's own page.
  await expect(unit.getByRole("button", { name: "删除草稿" })).toBeVisible();
  await unit.reload();
  await unit.getByRole("button", { name: "删除草稿" }).click();
  const confirm = unit.getByRole("alertdialog", { name: "确认删除草稿" });
  await expect(confirm).toContainText(`删除草稿「${title}」`);
  await shot(unit, "form-delete-confirm");
  await confirm.getByRole("button", { name: "取消" }).click();
  await expect(unit.getByRole("alertdialog")).toHaveCount(0);

  // Another unit is refused in Chinese, and the draft stays.
  const other = await as(browser, "dongcheng");
  await other.goto("/items");
  const refused = await callAction(other, "deleteDraftAction", { id, version: 1 });
  expect(refused).toMatch(/找不到|不存在|没有权限/);

  await unit.getByRole("button", { name: "删除草稿" }).click();
  await unit.getByRole("alertdialog", { name: "确认删除草稿" }).getByRole("button", { name: "确定删除" }).click();
  await expect(unit).toHaveURL(/\/items\?deleted=1/);
  await expect(unit.getByRole("status").filter({ hasText: "草稿已删除。" })).toBeVisible();
  await expect(unit.getByRole("link", { name: title })).toHaveCount(0);
  expect((await unit.goto(`/items/${id}`))?.status()).toBe(404);

  // A submitted item (even withdrawn) is never deleted: no button, and the action refuses in Chinese.
  const kept = `报送过的稿件${Date.now() % 100000}`;
  const keptId = await submitNewItem(unit, kept, "报送过就保留。");
  await unit.getByRole("button", { name: "撤回稿件" }).click();
  await unit.getByRole("alertdialog", { name: "确认撤回" }).getByRole("button", { name: "确定撤回" }).click();
  await expect(unit.getByLabel("标题")).toHaveValue(kept);
  await expect(unit.getByRole("button", { name: "删除草稿" })).toHaveCount(0);
  const latest = await callAction(unit, "latestItemAction", { id: keptId });
  const version = Number(/"version":(\d+)/.exec(latest)?.[1]);
  expect(await callAction(unit, "deleteDraftAction", { id: keptId, version })).toContain("只有本单位从未报送过的草稿可以删除");
  await unit.context().close();
  await other.context().close();
});

test("withdrawing after the editor edited says so, and the draft page shows the editor's changes against the original", async ({ browser }) => {
  const title = `昌平区科协召开科普工作会${Date.now() % 100000}`;
  const unit = await as(browser, "changping");
  const id = await submitNewItem(unit, title, "7月3日，昌平区科协召开科普工作会，部署下半年重点任务。");
  const editor = await as(browser, "editor");
  await editor.goto("/desk/inbox");
  const edited = await editorEditsBody(unit, editor, id, title, "7月3日，昌平区科协召开2026年科普工作会，部署下半年重点工作。");
  expect(edited).toContain(`"id":${id}`);

  await unit.goto(`/items/${id}`);
  await unit.getByRole("button", { name: "撤回稿件" }).click();
  const confirm = unit.getByRole("alertdialog", { name: "确认撤回" });
  await expect(confirm).toContainText("编辑已经修改过这篇稿件");
  await expect(confirm).toContainText("本单位报送的原稿会保留");
  await shot(unit, "withdraw-after-edit-confirm");
  await confirm.getByRole("button", { name: "确定撤回" }).click();
  const panel = unit.getByTestId("withdrawn-desk-edits");
  await expect(panel.getByRole("heading", { name: "撤回前编辑做过的修改" })).toBeVisible();
  await expect(panel).toContainText("您撤回这篇稿件之前，编辑修改过它");
  await expect(panel.locator("ins")).toHaveText(["2026年", "工作"]);
  await expect(panel.locator("del")).toHaveText(["任务"]);
  await panel.getByText("查看本单位报送的原稿").click();
  await expect(panel).toContainText("部署下半年重点任务。");
  await expect(unit.getByRole("textbox", { name: "正文" })).toContainText("2026年科普工作会");
  await expect(unit.getByRole("button", { name: "删除草稿" })).toHaveCount(0);
  await shot(unit, "withdrawn-desk-edits");
  await unit.context().close();
  await editor.context().close();
});

test("the unit's list fits a 390-px phone, titles stay readable, dates are in Chinese", async ({ browser }) => {
  const unit = await as(browser, "changping");
  await openForm(unit);
  await unit.getByLabel("标题").fill(LONG_TITLE);
  await focusEndOfBody(unit);
  await unit.keyboard.type("手机上看列表。");
  await expectSaved(unit);
  await unit.setViewportSize({ width: 390, height: 844 });
  await unit.goto("/items");
  const table = unit.getByTestId("my-items");
  await expect(table).toBeVisible();
  const width = await unit.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  // A title is laid out across the width, not one character a line.
  const link = table.getByRole("link", { name: LONG_TITLE }).first();
  const box = (await link.boundingBox())!;
  expect(box.width).toBeGreaterThan(250);
  // Dates: 11月30日 14:05 (this year) or 2026年11月30日, never ISO.
  const text = (await table.innerText()).replace(/\s+/g, " ");
  expect(text).toMatch(/\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  await shot(unit, "list-390px");
  await unit.setViewportSize({ width: 1280, height: 900 });
  await unit.reload();
  expect(await unit.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(1280);
  await shot(unit, "list-desktop");
  // The unit's statistics name their period in Chinese dates too.
  await unit.goto("/items/stats");
  await expect(unit.getByText(/统计区间：.*（\d{4}年\d{1,2}月\d{1,2}日至\d{4}年\d{1,2}月\d{1,2}日）/)).toBeVisible();
  await shot(unit, "stats-period-dates");
  await unit.context().close();
});

test("写稿件 fits a 390-px phone when an open call has a long topic (its option must not widen the page)", async ({ browser }) => {
  // A call's option reads 「topic（截止 …）」: a select is as wide as its longest option, which
  // forced the one-column grid to 401 px and more (tester 18, F5).
  const topic = `关于报送2026年全国科普日暨科技活动周重点活动开展情况和典型经验做法的约稿 ${Date.now().toString(36)}`.slice(0, 60);
  const editor = await as(browser, "editor");
  await editor.goto("/desk/calls");
  await editor.getByLabel("主题").fill(topic);
  await editor.getByLabel("要求", { exact: true }).fill("请报送重点活动开展情况。");
  await editor.getByLabel("选定单位").check();
  await editor.getByRole("group", { name: "单位" }).getByLabel("东城区科协", { exact: true }).check();
  await editor.getByRole("button", { name: "发布", exact: true }).click();
  await expect(editor.getByText("约稿已发布，相关单位已收到通知。")).toBeVisible();
  await editor.context().close();

  const unit = await as(browser, "dongcheng");
  await unit.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/items/new", "/items"]) {
    await unit.goto(path);
    if (path === "/items/new") {
      await expect(unit.getByLabel("回应约稿").locator("option", { hasText: topic })).toHaveCount(1);
      const title = (await unit.getByLabel("标题").boundingBox())!;
      expect(title.x + title.width).toBeLessThanOrEqual(390);
    }
    await shot(unit, path === "/items" ? "list-390px-long-call" : "new-390px-long-call");
    expect(await unit.evaluate(() => document.scrollingElement!.scrollWidth), path).toBeLessThanOrEqual(390);
  }
  await unit.context().close();
});

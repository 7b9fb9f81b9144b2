// The desk as a new editor meets it: the inbox opens on what waits, placing follows the item's
// suggested section, a section moves by keyboard next to a taller one, a clash of 总期号 names it,
// and the board links the print PDF and the print view.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { callAction } from "../actions";
import { stateFile } from "../users";
import { acceptAllSubmitted, createIssue, editorPage, listed, sectionIds, step, submitNewIssue } from "./helpers";

/** 昌平区科协 sends items of its own (through the form's actions), so the spec needs nothing left by others. */
async function submitItems(browser: Browser, titles: string[], suggestedSectionId: number | null): Promise<number[]> {
  const context = await browser.newContext({ storageState: stateFile("changping") });
  const unit = await context.newPage();
  const ids: number[] = [];
  for (const title of titles) {
    const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "11月20日，昌平区科协在回龙观社区举办应急科普讲座，邀请专家讲解避险知识。" }] }] };
    const created = await callAction(unit, "createItemAction", { title, body, source: "昌平区科协", suggestedSectionId, eventDate: null, contactName: "刘明", contactPhone: "", noteToEditor: "" });
    const id = Number(/"id":(\d+)/.exec(created)?.[1]);
    const version = Number(/"version":(\d+)/.exec(created)?.[1]);
    expect(id, created).toBeGreaterThan(0);
    expect(await callAction(unit, "submitItemAction", { id, version })).toContain('"status":"submitted"');
    ids.push(id);
  }
  await context.close();
  return ids;
}

/** The id of a catalogue section, from the inbox's section filter. */
async function sectionId(page: Page, title: string): Promise<number> {
  await page.goto("/desk/inbox");
  return Number(await page.locator("#inbox-section option", { hasText: title }).getAttribute("value"));
}

test("the inbox opens on waiting items, newest first; 全部状态 and the sort still override", async ({ browser }) => {
  const page = await editorPage(browser);
  const stamp = Date.now() % 1_000_000;
  const [older, newer] = await submitItems(browser, [`昌平区科协应急科普讲座${stamp}-1`, `昌平区科协应急科普讲座${stamp}-2`], null);
  await page.goto("/desk/inbox");
  const tabs = page.getByRole("navigation", { name: "状态" });
  await expect(tabs.getByRole("link", { name: /^已报送/ })).toHaveAttribute("aria-current", "page");
  await expect(page.getByLabel("排序")).toHaveValue("submitted_desc");
  const rows = page.getByTestId("inbox").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  const statuses = await rows.locator("td .status").allInnerTexts();
  expect(new Set(statuses)).toEqual(new Set(["已报送"]));
  // Newest first: the two just sent head the list, the later one first.
  await expect(rows.nth(0)).toHaveAttribute("data-testid", `inbox-row-${newer}`);
  await expect(rows.nth(1)).toHaveAttribute("data-testid", `inbox-row-${older}`);
  await tabs.getByRole("link", { name: /^全部状态/ }).click();
  await expect(page).toHaveURL(/status=all/);
  await expect(tabs.getByRole("link", { name: /^全部状态/ })).toHaveAttribute("aria-current", "page");

  // The search box says what it searches (署名 too) and that several words must all occur:
  // a word of the body and one of the title list only the item that has both.
  const search = page.getByLabel("搜索标题、正文和署名");
  await expect(search).toHaveAccessibleDescription("多个词用空格隔开，列出同时含有每个词的稿件。");
  await search.fill(`回龙观 ${stamp}-2`);
  await search.press("Enter");
  await expect(page).toHaveURL(/q=/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-testid", `inbox-row-${newer}`);
});

test("placing defaults to the item's section; Space, ↓, Space moves a short section below a taller one and saves it", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await editorPage(browser);
  const stamp = Date.now() % 1_000_000;
  const suggested = await submitItems(browser, [1, 2, 3].map((i) => `昌平区科协基层科普活动${stamp}-${i}`), await sectionId(page, "基层动态"));
  await acceptAllSubmitted(page);

  // 总第73期 is the archive's 2023年第20期. The issue itself is 2023年第24期 / 总第77期, a gap of the
  // first-start archive that no other spec uses.
  await submitNewIssue(page, { year: 2023, number: 26, total: 73, date: "2023-09-08" });
  // The clash names the running number, not only the other issue's 第N期.
  await expect(page.getByText("总第73期已被2023年第20期使用，总期号不能重复。").first()).toBeVisible();
  const issueId = await createIssue(page, { year: 2023, number: 24, total: 77, date: "2023-08-25" });

  // The print PDF and the print view are linked from the board.
  await expect(page.getByTestId("export-pdf")).toBeVisible();
  await expect(page.getByTestId("print-view-link")).toHaveAttribute("href", `/api/issues/${issueId}/export?format=html`);

  // A short empty section first.
  await page.getByTestId("add-section-select").selectOption({ label: "【科创工作】" });
  await step(page, () => page.getByRole("group", { name: "添加栏目" }).getByRole("button", { name: "添加", exact: true }).click());

  // Three items suggested for 基层动态: the form offers that section for each (not the catalogue's
  // first, 主题教育), and places them there.
  const form = page.locator("form").filter({ has: page.getByTestId("pool-select") });
  for (const id of suggested) {
    await form.getByTestId("pool-select").selectOption(String(id));
    await expect(form.getByTestId("section-select")).toHaveValue("基层动态");
    await step(page, () => form.getByRole("button", { name: "编入", exact: true }).click());
  }
  const S = await sectionIds(page);
  expect(Object.keys(S)).toEqual(["科创工作", "基层动态"]);
  expect(await listed(page.getByTestId(`list-${S["基层动态"]}`))).toEqual(suggested);
  const short = await page.getByTestId(`section-${S["科创工作"]}`).boundingBox();
  const tall = await page.getByTestId(`section-${S["基层动态"]}`).boundingBox();
  expect(tall!.height).toBeGreaterThan(3 * short!.height); // the shape that kept the section in place

  // Keyboard drag of the section: pick up, one down, drop.
  const handle = page.getByRole("button", { name: "拖动栏目：科创工作" });
  await handle.focus();
  await step(page, async () => {
    await page.keyboard.press("Space");
    await expect(handle).toHaveAttribute("aria-pressed", "true");
    // dnd-kit's keyboard sensor listens for arrows from a zero-delay timer after pick-up.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    await page.keyboard.press("ArrowDown");
    await expect(page.getByText("移到：基层动态")).toBeAttached();
    await page.keyboard.press("Space");
  });
  expect(Object.keys(await sectionIds(page))).toEqual(["基层动态", "科创工作"]);
  // Saved: a fresh load shows the new order.
  await page.reload();
  expect(Object.keys(await sectionIds(page))).toEqual(["基层动态", "科创工作"]);
  // The audit log names the section that moved and both places, not only where it went.
  await page.goto(`/audit?entity=issue&entityId=${issueId}`);
  await expect(page.getByText("把栏目【科创工作】从第 1 位移到第 2 位")).toBeVisible();

  // The reviewer's page links the same, and shows the issue at full width and as tall as it is.
  const context = await browser.newContext({ storageState: stateFile("reviewer"), viewport: { width: 1400, height: 900 } });
  const reviewer = await context.newPage();
  await reviewer.goto(`/review/issues/${issueId}`);
  await expect(reviewer.getByTestId("export-pdf")).toBeVisible();
  await expect(reviewer.getByTestId("print-view-link")).toHaveAttribute("href", `/api/issues/${issueId}/export?format=html`);
  const frame = reviewer.getByTestId("print-frame");
  const size = () => frame.evaluate((el) => ({ width: el.getBoundingClientRect().width, height: el.getBoundingClientRect().height, doc: (el as HTMLIFrameElement).contentDocument?.documentElement.scrollHeight ?? 0 }));
  await expect.poll(async () => (await size()).height).toBeGreaterThan(900);
  await expect
    .poll(async () => {
      const m = await size();
      return Math.abs(m.height - m.doc);
    })
    .toBeLessThan(5);
  expect((await size()).width).toBeGreaterThan(1000); // was 820 px at zoom 0.6 = 492 px
  await context.close();
});

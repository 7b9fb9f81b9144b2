import { expect, test } from "@playwright/test";
import { acceptAllSubmitted, board, createIssue, editorPage, listed, sectionIds, step } from "./helpers";

test("two editors move items in the same issue: the stale change is refused with a message and the board shows the true order", async ({ browser }) => {
  test.setTimeout(120_000);
  const a = await editorPage(browser);
  const b = await editorPage(browser);
  await acceptAllSubmitted(a);
  const issueId = await createIssue(a, { year: 2023, number: 22, total: 75, date: "2023-08-11" });

  const addSelect = a.getByTestId("add-section-select");
  const addButton = a.getByRole("group", { name: "添加栏目" }).getByRole("button", { name: "添加", exact: true });
  for (const t of ["科普工作", "学术交流"]) {
    await addSelect.selectOption({ label: `【${t}】` });
    await step(a, () => addButton.click());
  }
  const [x, y] = (await listed(a.getByTestId("pool-list"))).slice(0, 2);
  for (const id of [x, y]) {
    await a.getByTestId("pool-select").selectOption(String(id));
    await a.getByTestId("section-select").selectOption("科普工作");
    await step(a, () => a.getByRole("button", { name: "编入", exact: true }).click());
  }
  const S = await sectionIds(a);
  const xTitle = (await a.getByTestId(`placement-${x}`).locator(".placement-title").textContent())!.trim();
  const yTitle = (await a.getByTestId(`placement-${y}`).locator(".placement-title").textContent())!.trim();

  // B opens the same issue: X, Y in 科普工作.
  await b.goto(`/desk/issues/${issueId}`);
  expect(await listed(b.getByTestId(`list-${S["科普工作"]}`))).toEqual([x, y]);
  const stale = await board(b).getAttribute("data-version");

  // A moves Y to 学术交流.
  await a.getByRole("button", { name: `移到所选栏目：${yTitle}` }).click();
  await expect(a.getByTestId(`list-${S["学术交流"]}`).getByTestId(`placement-${y}`)).toBeVisible();
  await expect(board(a)).toHaveAttribute("aria-busy", "false");

  // B, still on the old version, moves X down: refused, rolled back, and refreshed to the true order.
  expect(await board(b).getAttribute("data-version")).toBe(stale);
  await b.getByRole("button", { name: `下移：${xTitle}` }).click();
  await expect(b.getByTestId("board-error")).toHaveText("本期编排已被他人修改，您的这次改动没有保存。编排已刷新为最新状态，请在此基础上重新操作。");
  await expect(b.getByTestId(`list-${S["学术交流"]}`).getByTestId(`placement-${y}`)).toBeVisible();
  await expect(board(b)).toHaveAttribute("data-version", (await board(a).getAttribute("data-version"))!);
  expect(await listed(b.getByTestId(`list-${S["科普工作"]}`))).toEqual([x]);
  expect(await listed(b.getByTestId(`list-${S["学术交流"]}`))).toEqual([y]);

  // Nothing was lost or overwritten: a fresh load shows A's arrangement, and B can now work from it.
  await a.reload();
  expect(await listed(a.getByTestId(`list-${S["科普工作"]}`))).toEqual([x]);
  expect(await listed(a.getByTestId(`list-${S["学术交流"]}`))).toEqual([y]);
  await step(b, () => b.getByRole("button", { name: `移到所选栏目：${xTitle}` }).click());
  expect(await listed(b.getByTestId(`list-${S["学术交流"]}`))).toEqual([y, x]);
});

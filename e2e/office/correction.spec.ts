import { expect, test } from "@playwright/test";
import { as } from "../review/helpers";

const SHOTS = process.env.SIGNOFF_SHOTS;

test("勘误: the office corrects a past issue as a new revision; the first stays exportable as it was", async ({ browser }) => {
  const office = await as(browser, "office");
  await office.goto("/office/archive");
  // The imported 2023年第21期 (the demo archive): final, not a draft.
  const item = office.locator("li").filter({ hasText: "2023年第21期" });
  const exportLink = await item.locator('a[href*="/api/issues/"]').first().getAttribute("href");
  const issueId = Number(/\/api\/issues\/(\d+)\//.exec(exportLink ?? "")?.[1]);
  const original = await (await office.request.get(`/api/issues/${issueId}/export?format=txt`)).text();
  expect(original).not.toContain("草稿");

  await item.getByRole("link", { name: "勘误…" }).click();
  await expect(office).toHaveURL(new RegExp(`/office/issues/${issueId}/correct$`));
  const form = office.getByRole("form", { name: "勘误" });
  const title = await form.getByLabel("标题").inputValue();
  await form.getByLabel("标题").fill(`${title}（勘误）`);
  await form.getByRole("button", { name: "保存勘误" }).click();
  await expect(form.getByRole("alert")).toBeVisible(); // the reason is required
  await form.getByLabel("勘误原因").fill("第1篇标题漏字");
  await form.getByRole("button", { name: "保存勘误" }).click();
  await expect(office).toHaveURL(/\/office\/archive$/);

  const editions = office.getByTestId(`editions-${issueId}`);
  await expect(editions).toContainText("第1版 · 导入");
  await expect(editions).toContainText("第2版 · 勘误：第1篇标题漏字");
  if (SHOTS) await editions.screenshot({ path: `${SHOTS}/correction-revisions.png` });
  const latest = await (await office.request.get(`/api/issues/${issueId}/export?format=txt`)).text();
  expect(latest).toContain(`${title}（勘误）`);
  expect(await (await office.request.get(`/api/issues/${issueId}/export?format=txt&revision=1`)).text()).toBe(original);
});

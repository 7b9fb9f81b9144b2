import { expect, test } from "@playwright/test";
import { as, expectSaved } from "../contributor/helpers";

test("the editor publishes a call to three units; two answer from their list, the desk sees who answered and who has not, and reminds the third", async ({ browser }) => {
  test.setTimeout(180_000);
  const topic = `科技工作者日约稿 ${Date.now().toString(36)}`;
  const editor = await as(browser, "editor");
  await editor.goto("/desk/calls");
  await editor.getByLabel("主题").fill(topic);
  await editor.getByLabel("要求", { exact: true }).fill("请报送本单位科技工作者日活动情况。");
  await editor.getByLabel("选定单位").check();
  const units = editor.getByRole("group", { name: "单位" });
  for (const name of ["昌平区科协", "东城区科协", "石景山区科协"]) await units.getByLabel(name, { exact: true }).check();
  await editor.getByRole("button", { name: "发布", exact: true }).click();
  await expect(editor.getByText("约稿已发布，相关单位已收到通知。")).toBeVisible();
  await editor.getByRole("link", { name: topic }).click();
  const rows = editor.getByTestId("call-units").locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(editor.getByTestId("call-units").locator('tr[data-status="pending"]')).toHaveCount(3);
  const callUrl = editor.url();

  // Two units answer from the call at the top of their list.
  for (const [user, unitName] of [
    ["changping", "昌平区科协"],
    ["dongcheng", "东城区科协"],
  ] as const) {
    const unit = await as(browser, user);
    await unit.goto("/items");
    const open = unit.getByTestId("open-calls");
    await expect(open).toContainText(topic);
    await open.locator("li", { hasText: topic }).getByRole("link", { name: "按此约稿写稿" }).click();
    await expect(unit.getByTestId("guidance-panel")).toContainText(topic);
    await expect(unit.getByLabel("回应约稿")).toHaveValue(/\d+/);
    await unit.getByLabel("标题").fill(`${unitName}举办科技工作者日座谈会`);
    await unit.getByRole("textbox", { name: "正文" }).click();
    await unit.keyboard.type(`${unitName}举办座谈会，科技工作者代表交流科研经历。`);
    await expectSaved(unit);
    await unit.getByRole("button", { name: "报送", exact: true }).click();
    await expect(unit.getByText("已报送，等待编辑处理。")).toBeVisible();
    await unit.goto("/items");
    await expect(unit.getByTestId("open-calls").locator("li", { hasText: topic })).toContainText("已报送");
    await unit.context().close();
  }

  await editor.goto(callUrl);
  await expect(editor.getByTestId("call-units").locator('tr[data-status="answered"]')).toHaveCount(2);
  await expect(editor.getByTestId("call-units").locator('tr[data-status="pending"]')).toContainText("石景山区科协");
  await editor.getByTestId("remind-now").click();
  await expect(editor.getByText("已催报 1 个单位。")).toBeVisible();
  await expect(editor.getByTestId("call-reminders")).toContainText("编辑催报");
});

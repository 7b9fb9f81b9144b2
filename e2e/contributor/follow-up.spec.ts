import { expect, test } from "@playwright/test";
import { callAction } from "../actions";
import { as, editorEditsBody, submitNewItem } from "./helpers";

test("a submitted item can be withdrawn until accepted; then the unit sees the editor's changes as a diff", async ({ browser }) => {
  const title = `昌平区科协召开科普工作会${Date.now() % 100000}`;
  const unit = await as(browser, "changping");
  const id = await submitNewItem(unit, title, "7月3日，昌平区科协召开科普工作会，部署下半年重点任务。");

  // Withdraw, after saying what it means.
  await unit.getByRole("button", { name: "撤回稿件" }).click();
  const confirm = unit.getByRole("alertdialog", { name: "确认撤回" });
  await expect(confirm).toContainText("编辑将看不到这篇稿件");
  await confirm.getByRole("button", { name: "确定撤回" }).click();
  await expect(unit.getByRole("heading", { name: "修改稿件" })).toBeVisible();
  await expect(unit.getByLabel("标题")).toHaveValue(title);
  await expect(unit.getByTestId("timeline").locator('li[data-action="withdraw"]')).toContainText("撤回为草稿");

  // The editor no longer sees it; submitted again, it is back.
  const editor = await as(browser, "editor");
  await editor.goto("/desk/inbox");
  await expect(editor.getByRole("link", { name: title })).toHaveCount(0);
  await unit.getByRole("button", { name: "报送", exact: true }).click();
  await expect(unit.getByText("已报送，等待编辑处理。")).toBeVisible();

  // The editor accepts it and edits the text; the unit can no longer withdraw it.
  await editor.goto("/desk/inbox");
  await editor.getByRole("link", { name: title }).click();
  await editor.getByRole("button", { name: "采用", exact: true }).click();
  await expect(editor).toHaveURL(/\/desk\/inbox/);
  const edited = await editorEditsBody(unit, editor, id, title, "7月3日，昌平区科协召开2023年科普工作会，部署下半年重点工作。");
  expect(edited).toContain(`"id":${id}`);
  const editedVersion = Number(/"version":(\d+)/.exec(edited)?.[1]);

  await unit.goto(`/items/${id}`);
  await expect(unit.getByRole("button", { name: "撤回稿件" })).toHaveCount(0);
  expect(await callAction(unit, "withdrawItemAction", { id, version: editedVersion })).toContain("当前状态下不能执行此操作。");
  await expect(unit.getByTestId("final-text")).toContainText("召开2023年科普工作会");
  const changes = unit.getByTestId("desk-changes");
  await expect(changes.getByRole("heading", { name: "编辑做了哪些修改" })).toBeVisible();
  await expect(changes.locator("ins")).toHaveText(["2023年", "工作"]);
  await expect(changes.locator("del")).toHaveText(["任务"]);
  await changes.getByText("查看本单位报送的原稿").click();
  await expect(changes).toContainText("部署下半年重点任务。");
  await expect(unit.getByTestId("timeline").locator('li[data-action="edit"]').last()).toContainText("张红波 修改");

  // Accepted: the unit was told.
  await unit.goto("/notifications");
  await expect(unit.getByRole("link", { name: new RegExp(`稿件已采用：${title}`) })).toBeVisible();
});

test("the audit log says what the editor's edit changed: the title from → to and the body's length", async ({ browser }) => {
  const title = `延庆区科协召开科普工作会${Date.now() % 100000}`;
  const unit = await as(browser, "changping");
  const id = await submitNewItem(unit, title, "7月3日，延庆区科协召开科普工作会。");
  const editor = await as(browser, "editor");
  await editor.goto("/desk/inbox");
  expect(await editorEditsBody(unit, editor, id, `${title}（改）`, "7月3日，延庆区科协召开2023年科普工作会。")).toContain(`"id":${id}`);
  await editor.goto(`/audit?entity=item&entityId=${id}`);
  const edit = editor.getByTestId("audit").locator('tr[data-action="edit"] td.detail').first();
  await expect(edit).toContainText(`标题：${title} → ${title}（改）`);
  await expect(edit).toContainText(/正文修改，字数 (\d+) → (\d+)/);
  await unit.context().close();
  await editor.context().close();
});

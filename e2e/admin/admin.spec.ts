import { type Browser, expect, type Page, test } from "@playwright/test";
import { callAction } from "../actions";
import { stateFile, type UserKey } from "../users";

const FORBIDDEN = "您没有权限执行此操作。";
const UNAUTHENTICATED = "请先登录。";

async function as(browser: Browser, user: UserKey): Promise<Page> {
  const context = await browser.newContext({ storageState: stateFile(user) });
  return context.newPage();
}

async function logIn(page: Page, username: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

test("the admin adds a unit and its contributor, who logs in and writes; once the unit is deactivated they can no longer submit", async ({ browser }) => {
  const stamp = Date.now();
  const unitName = `测试区科协${stamp}`;
  const username = `tester${stamp}`;
  const password = "ceshi-2026";
  const newPassword = "wode-mima-2026";

  const admin = await as(browser, "admin");
  await admin.goto("/admin");
  await expect(admin.getByRole("heading", { name: "系统管理" })).toBeVisible();
  const unitForm = admin.getByRole("form", { name: "新增单位" });
  // An empty name is refused next to the field.
  await unitForm.getByRole("button", { name: "新增单位" }).click();
  await expect(unitForm.getByText("请填写单位名称。")).toBeVisible();
  await unitForm.getByLabel("单位名称").fill(unitName);
  await unitForm.getByLabel("类别").selectOption({ label: "区科协" });
  await unitForm.getByRole("button", { name: "新增单位" }).click();
  const unitRow = admin.getByTestId("units").getByRole("row").filter({ hasText: unitName });
  await expect(unitRow).toContainText("区科协");
  await expect(unitRow).toContainText("启用");

  await admin.getByRole("navigation", { name: "系统管理" }).getByRole("link", { name: "用户", exact: true }).click();
  const userForm = admin.getByRole("form", { name: "新增用户" });
  await userForm.getByLabel("用户名").fill(username);
  await userForm.getByLabel("姓名").fill("测试报送员");
  await userForm.getByLabel("初始密码").fill("short");
  await userForm.getByRole("button", { name: "新增用户" }).click();
  // Too short a password, and a contributor without a unit, are refused by the server.
  await expect(userForm.getByText("密码至少 8 个字符。")).toBeVisible();
  await userForm.getByLabel("初始密码").fill(password);
  await userForm.getByRole("button", { name: "新增用户" }).click();
  await expect(userForm.getByText("报送员必须选择所属单位。")).toBeVisible();
  await userForm.getByLabel("单位").selectOption({ label: unitName });
  await userForm.getByRole("button", { name: "新增用户" }).click();
  const userRow = admin.getByTestId(`user-${username}`);
  await expect(userRow).toContainText("测试报送员");
  await expect(userRow).toContainText(unitName);
  await expect(userRow).toContainText("报送员");

  // The new contributor logs in from a browser of their own, must first choose their own password
  // (which ends the session), then logs in with it and gets the item form.
  const unit = await (await browser.newContext()).newPage();
  await logIn(unit, username, password);
  await expect(unit).toHaveURL(/\/account\/password$/);
  await unit.goto("/items/new");
  await expect(unit).toHaveURL(/\/account\/password$/);
  await unit.getByLabel("当前密码").fill(password);
  await unit.getByLabel("新密码", { exact: true }).fill(newPassword);
  await unit.getByLabel("再次输入新密码").fill(newPassword);
  await unit.getByRole("button", { name: "修改密码" }).click();
  await expect(unit.getByText("密码已修改，请用新密码重新登录。")).toBeVisible();
  await logIn(unit, username, newPassword);
  await expect(unit.getByRole("link", { name: "退出登录" })).toBeVisible();
  await unit.goto("/items/new");
  await expect(unit.getByRole("heading", { name: "写稿件" })).toBeVisible();
  await expect(unit.getByLabel("来源署名")).toHaveValue(unitName);

  // The admin deactivates the unit.
  await admin.goto("/admin");
  await admin.getByRole("button", { name: `停用 ${unitName}` }).click();
  await expect(unitRow).toContainText("已停用");

  // The contributor's session no longer acts for the unit: no form, no submitting, no new login.
  await unit.goto("/items/new");
  await expect(unit).toHaveURL(/\/login$/);
  expect(await callAction(unit, "submitItemAction", { id: 1, version: 1 })).toContain(UNAUTHENTICATED);
  const fresh = await (await browser.newContext()).newPage();
  await logIn(fresh, username, newPassword);
  await expect(fresh.getByText("用户名或密码错误。")).toBeVisible();

  // Reactivated, the unit's contributor can log in again.
  await admin.getByRole("button", { name: `启用 ${unitName}` }).click();
  await expect(unitRow).not.toContainText("已停用");
  await logIn(fresh, username, newPassword);
  await expect(fresh.getByRole("link", { name: "退出登录" })).toBeVisible();
});

test("a non-admin gets the forbidden page and the admin actions are refused, changing nothing", async ({ browser }) => {
  const editor = await as(browser, "editor");
  for (const path of ["/admin", "/admin/users", "/admin/settings"]) {
    await editor.goto(path);
    await expect(editor.getByTestId("forbidden"), path).toBeVisible();
  }
  const stamp = Date.now();
  expect(await callAction(editor, "createUnitAction", { name: `越权单位${stamp}`, kind: "district" })).toContain(FORBIDDEN);
  expect(await callAction(editor, "createUserAction", { username: `evil${stamp}`, displayName: "x", password: "12345678", roles: ["admin"], unitId: null })).toContain(FORBIDDEN);
  expect(await callAction(editor, "updatePublicationAction", { title: "被改的刊名", office: "x", mailbox: "", defaultEditorName: "", defaultReviewerName: "", distribution: [] })).toContain(FORBIDDEN);
  expect(await callAction(editor, "setUnitActiveAction", { id: 1, active: false })).toContain(FORBIDDEN);

  const admin = await as(browser, "admin");
  await admin.goto("/admin");
  await expect(admin.getByTestId("units")).toBeVisible();
  await expect(admin.getByText(`越权单位${stamp}`)).toHaveCount(0);
  await admin.goto("/admin/users");
  await expect(admin.getByTestId("users")).toBeVisible();
  await expect(admin.getByText(`evil${stamp}`)).toHaveCount(0);
  await admin.goto("/admin/settings");
  await expect(admin.getByLabel("刊物名称")).not.toHaveValue("被改的刊名");
});

test("the admin cannot remove their own admin role", async ({ browser }) => {
  const admin = await as(browser, "admin");
  await admin.goto("/admin/users");
  const row = admin.getByTestId("user-admin");
  await expect(row.getByRole("button", { name: "停用 admin" })).toHaveCount(0);
  await row.getByRole("button", { name: "修改 admin" }).click();
  await row.getByLabel("管理员", { exact: true }).uncheck();
  await row.getByLabel("编辑", { exact: true }).check();
  await row.getByRole("button", { name: "保存" }).click();
  await expect(row.getByText("不能取消自己的管理员角色或停用自己的账号。")).toBeVisible();
  await row.getByRole("button", { name: "取消" }).click();
  await expect(row).toContainText("管理员");
  await expect(row).not.toContainText("编辑");
});

test("the admin keeps the section catalogue and refuses a bad mailbox next to the field", async ({ browser }) => {
  const admin = await as(browser, "admin");
  await admin.goto("/admin/settings");
  const mailbox = admin.getByLabel("信息报送邮箱");
  const saved = await mailbox.inputValue();
  await mailbox.fill("不是邮箱");
  await admin.getByRole("button", { name: "保存" }).click();
  await expect(admin.getByText("请填写有效的邮箱地址，如 xxbs@example.cn。")).toBeVisible();
  await admin.reload();
  await expect(admin.getByLabel("信息报送邮箱")).toHaveValue(saved);

  const title = `栏目${Date.now() % 1_000_000}`;
  const sections = admin.getByTestId("sections");
  await admin.getByLabel("栏目名称").fill(`【${title}】`);
  await admin.getByRole("button", { name: "新增栏目" }).click();
  await expect(admin.getByText("栏目名称不用加【】。")).toBeVisible();
  await admin.getByLabel("栏目名称").fill(title);
  await admin.getByRole("button", { name: "新增栏目" }).click();
  await expect(sections.getByRole("listitem").last()).toContainText(`【${title}】`);
  await admin.getByRole("button", { name: `上移 ${title}` }).click();
  await expect(sections.getByRole("listitem").last()).not.toContainText(title);
  await expect(sections.getByRole("listitem").nth(-2)).toContainText(title);
  await sections.getByRole("listitem").filter({ hasText: title }).getByRole("button", { name: "删除" }).click();
  await expect(sections.getByText(title)).toHaveCount(0);
  // A section the demo issues use can only be deactivated.
  const used = sections.getByRole("listitem").filter({ hasText: "【基层动态】" });
  await expect(used.getByRole("button", { name: "删除" })).toHaveCount(0);
  await expect(used.getByRole("button", { name: "停用" })).toBeVisible();
});

import { expect, test as setup } from "@playwright/test";
import { PASSWORD, stateFile, USERS, type UserKey } from "./users";

for (const user of Object.keys(USERS) as UserKey[]) {
  setup(`log in as ${user}`, async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("用户名").fill(USERS[user]);
    await page.getByLabel("密码").fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("link", { name: "退出登录" })).toBeVisible();
    await page.context().storageState({ path: stateFile(user) });
  });
}

import { expect, test } from "@playwright/test";
import { callAction } from "../actions";
import { PASSWORD } from "../users";
import { acceptItems, as, createIssue, downloadText, issueStatus, placeItem } from "./helpers";

const SELF = "您送审了本期，或在上一轮之后改动过印出的内容，不能批准本期";
const SHOTS = process.env.SIGNOFF_SHOTS;

/** The publication's sign-off levels, set by the admin on the settings page. */
async function setLevels(admin: import("@playwright/test").Page, label: string) {
  await admin.goto("/admin/settings");
  await admin.getByLabel("签发级数").selectOption({ label });
  await admin.getByRole("button", { name: "保存", exact: true }).first().click();
  await expect(admin.getByText("已保存。")).toBeVisible();
}

test("two-level sign-off: the sender holding every role is refused at both levels, 审核 then 签发 by others, and the 版记 names both", async ({ browser }) => {
  test.setTimeout(240_000);
  const admin = await as(browser, "admin");
  await setLevels(admin, "两级：审核后，再由签发人签发");
  try {
    // One person who is 编辑, 审核 and 签发人 at once.
    const username = `duozhi${Date.now() % 1_000_000}`;
    expect(await callAction(admin, "createUserAction", { username, displayName: "多职编辑", password: PASSWORD, roles: ["editor", "reviewer", "signer"], unitId: null })).not.toContain("error");
    const multi = await (await browser.newContext()).newPage();
    const logIn = async (password: string) => {
      await multi.goto("/login");
      await multi.getByLabel("用户名").fill(username);
      await multi.getByLabel("密码").fill(password);
      await multi.getByRole("button", { name: "登录" }).click();
    };
    // A new account chooses its own password first (which ends that session), then logs in again.
    await logIn(PASSWORD);
    await expect(multi).toHaveURL(/\/account\/password$/);
    const own = `${PASSWORD}-own`;
    await multi.getByLabel("当前密码").fill(PASSWORD);
    await multi.getByLabel("新密码", { exact: true }).fill(own);
    await multi.getByLabel("再次输入新密码").fill(own);
    await multi.getByRole("button", { name: "修改密码" }).click();
    await expect(multi.getByText("密码已修改，请用新密码重新登录。")).toBeVisible();
    await logIn(own);
    await expect(multi.getByRole("link", { name: "退出登录" })).toBeVisible();

    // They build the issue and send it to review.
    const [item] = await acceptItems(multi, 1);
    const issue = await createIssue(multi);
    await placeItem(multi, item.id, "基层动态", true);
    await multi.getByRole("button", { name: "送审" }).click();
    await multi.getByRole("alertdialog").getByRole("button", { name: "送审" }).click();
    await expect(issueStatus(multi)).toHaveText("审核中");

    // 审核 of their own issue: refused, with the reason, and nothing recorded.
    await multi.goto(`/review/issues/${issue.id}`);
    await expect(multi.getByTestId("signoff-stage")).toContainText("待审核");
    // The page says why before anything is pressed, and 审核通过 is off (the action refuses it too: lib/data/signoff.test.ts).
    await expect(multi.getByTestId("self-approval")).toContainText(SELF);
    await expect(multi.getByRole("button", { name: "审核通过" })).toBeDisabled();
    if (SHOTS) await multi.screenshot({ path: `${SHOTS}/self-approval-refused.png`, fullPage: false });
    await multi.reload();
    await expect(multi.getByTestId("signoff-stage")).toContainText("待审核");

    // 李金涛 reviews it: still in review, now waiting for 签发.
    const reviewer = await as(browser, "reviewer");
    await reviewer.goto(`/review/issues/${issue.id}`);
    await reviewer.getByRole("button", { name: "审核通过" }).click();
    await reviewer.getByRole("alertdialog").getByRole("button", { name: "审核通过" }).click();
    await expect(reviewer.getByTestId("signoff-stage")).toContainText("李金涛 已审核通过，待签发人签发");
    await expect(issueStatus(reviewer)).toHaveText("审核中");

    // The sender, though a 签发人, cannot sign it either.
    await multi.reload();
    await expect(multi.getByTestId("self-approval")).toContainText(SELF);
    await expect(multi.getByRole("button", { name: "签发", exact: true })).toBeDisabled();

    // The 签发人 finds it in the queue, reads it and signs it off.
    const signer = await as(browser, "signer");
    await signer.goto("/review");
    await signer.locator(`a[href="/review/issues/${issue.id}"]`).click();
    await signer.getByRole("button", { name: "签发", exact: true }).click();
    await signer.getByRole("alertdialog").getByRole("button", { name: "签发", exact: true }).click();
    await expect(issueStatus(signer)).toHaveText("已批准");

    // The office's text export prints who actually approved, at both levels.
    const office = await as(browser, "office");
    await office.goto("/office");
    const text = await downloadText(office, office.getByTestId(`office-issue-${issue.id}`));
    expect(text).not.toContain("草稿");
    expect(text).toContain("审核：李金涛\n\n签发：周建国");
  } finally {
    await setLevels(admin, "一级：审核后即可印发");
  }
});

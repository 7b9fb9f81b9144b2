import { expect, test } from "@playwright/test";
import { callAction } from "../actions";
import { editorEditsBody } from "../contributor/helpers";
import { acceptItems, as, createIssue, issueStatus, placeItem } from "./helpers";

const FORBIDDEN = "您没有权限执行此操作。";
const NOT_NOW = "当前状态下不能执行此操作。";
const ANY_FINGERPRINT = "0".repeat(64);

test("a contributor and an editor cannot approve; a reviewer cannot approve an issue that is not in review", async ({ browser }) => {
  test.setTimeout(120_000);
  const editor = await as(browser, "editor");
  const reviewer = await as(browser, "reviewer");
  const unit = await as(browser, "changping");

  // One issue in review, one still being drafted.
  const [item] = await acceptItems(editor, 1);
  // Its title names a law in 《》: quoted in 《》 on the reviewer page, the inner pair becomes 〈〉 (GB/T 15834-2011).
  const nested = `学习贯彻《中华人民共和国科学技术普及法》座谈会${Date.now() % 100000}`;
  expect(await editorEditsBody(unit, editor, item.id, nested, "11月20日，昌平区科协召开座谈会。")).toContain(`"id":${item.id}`);
  const drafting = await createIssue(editor);
  const inReview = await createIssue(editor);
  await placeItem(editor, item.id, "科普工作", true);
  await editor.getByRole("button", { name: "送审" }).click();
  await editor.getByRole("alertdialog").getByRole("button", { name: "送审" }).click();
  await expect(issueStatus(editor)).toHaveText("审核中");

  // Contributor: no review page, and the action called directly is refused.
  await unit.goto(`/review/issues/${inReview.id}`);
  await expect(unit.getByTestId("forbidden")).toBeVisible();
  expect(await callAction(unit, "approveIssueAction", { issueId: inReview.id, version: 3, fingerprint: ANY_FINGERPRINT })).toContain(FORBIDDEN);

  // Editor: no review page, no approve button on the desk, and the action called directly is refused.
  await editor.goto(`/review/issues/${inReview.id}`);
  await expect(editor.getByTestId("forbidden")).toBeVisible();
  await editor.goto(`/desk/issues/${inReview.id}`);
  await expect(editor.getByRole("button", { name: "批准印发" })).toHaveCount(0);
  for (let version = 1; version <= 4; version++)
    expect(await callAction(editor, "approveIssueAction", { issueId: inReview.id, version, fingerprint: ANY_FINGERPRINT })).toContain(FORBIDDEN);

  // Reviewer on an issue still being drafted: no approve button, and the action called directly is refused.
  await reviewer.goto(`/review/issues/${drafting.id}`);
  await expect(issueStatus(reviewer)).toHaveText("编排中");
  await expect(reviewer.getByRole("button", { name: "批准印发" })).toHaveCount(0);
  expect(await callAction(reviewer, "approveIssueAction", { issueId: drafting.id, version: 1, fingerprint: ANY_FINGERPRINT })).toContain(NOT_NOW);
  await reviewer.reload();
  await expect(issueStatus(reviewer)).toHaveText("编排中");
  await expect(reviewer.getByTestId("approval")).toHaveCount(0);

  // Nothing was approved: the issue in review is still in review, with no approval recorded.
  await reviewer.goto(`/review/issues/${inReview.id}`);
  await expect(issueStatus(reviewer)).toHaveText("审核中");
  await expect(reviewer.getByTestId(`anchor-item-${item.id}`)).toContainText(nested.replace("学习贯彻《中华人民共和国科学技术普及法》", "《学习贯彻〈中华人民共和国科学技术普及法〉"));
  await expect(reviewer.getByTestId("approval")).toHaveCount(0);
  await reviewer.goto(`/audit?entity=issue&entityId=${inReview.id}`);
  await expect(reviewer.getByTestId("audit").locator('tr[data-action="approve"]')).toHaveCount(0);
  await reviewer.goto(`/audit?entity=issue&entityId=${drafting.id}`);
  await expect(reviewer.getByTestId("audit").locator('tr[data-action="approve"]')).toHaveCount(0);
});

test("a failed login is in the audit log; nobody can edit the log", async ({ browser, page }) => {
  await page.goto("/login");
  await page.getByLabel("用户名").fill("reviewer");
  await page.getByLabel("密码").fill("wrong-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByText("用户名或密码错误。")).toBeVisible();

  const admin = await as(browser, "admin");
  await admin.goto("/audit?entity=auth");
  const failed = admin.getByTestId("audit").locator('tr[data-action="login_failed"]').first();
  await expect(failed).toContainText("登录失败");
  await expect(failed).toContainText("reviewer");
  // The page offers no way to change a row, and a contributor cannot read it at all.
  await expect(admin.getByTestId("audit").getByRole("button")).toHaveCount(0);
  const unit = await as(browser, "changping");
  await unit.goto("/audit");
  await expect(unit.getByTestId("forbidden")).toBeVisible();
});

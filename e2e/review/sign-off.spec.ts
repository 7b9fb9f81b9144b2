import { expect, type Page, test } from "@playwright/test";
import { callAction } from "../actions";
import { acceptItems, as, createIssue, downloadText, issueStatus, placeItem } from "./helpers";

const NOT_NOW = "当前状态下不能执行此操作。";

/** The audit table's rows, oldest first, as "who|what". */
async function auditRows(page: Page): Promise<string[]> {
  const rows = await page
    .getByTestId("audit")
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => `${tr.children[1]?.textContent?.trim()}|${tr.children[2]?.textContent?.trim()}`));
  return rows.reverse();
}

/** `expected` appears in `rows` in this order (other rows may come between). */
function inOrder(rows: string[], expected: string[]): string[] {
  const missing: string[] = [];
  let at = 0;
  for (const e of expected) {
    const i = rows.findIndex((r, k) => k >= at && r.startsWith(e));
    if (i < 0) missing.push(e);
    else at = i + 1;
  }
  return missing;
}

test("two rounds of review, an approval that holds, is reopened and given again — all in the log", async ({ browser }) => {
  test.setTimeout(240_000);
  const editor = await as(browser, "editor");
  const reviewer = await as(browser, "reviewer");

  // 编辑: three accepted items; X goes in 科普工作 (in the TOC), A then B in 基层动态.
  const [x, a, b] = await acceptItems(editor, 3);
  const issue = await createIssue(editor);
  const label = `2026年第${issue.number}期`;
  await placeItem(editor, x.id, "科普工作", true);
  await placeItem(editor, a.id, "基层动态", false);
  await placeItem(editor, b.id, "基层动态", false);
  await editor.goto(`/desk/items/${x.id}`);
  const firstParagraph = ((await editor.locator(".rich-view p").first().textContent()) ?? "").trim();
  const quote = firstParagraph.slice(0, 8);
  await editor.goto(`/desk/issues/${issue.id}`);
  // 送审 asks first, naming the issue; Escape takes it back (focus on 送审 again), Enter confirms.
  await editor.getByRole("button", { name: "送审" }).click();
  await expect(editor.getByRole("alertdialog")).toContainText(`把 ${label} 送审？送审后本期交审核人审阅`);
  await editor.getByRole("alertdialog").screenshot({ path: test.info().outputPath("send-to-review-confirm.png") });
  await expect(editor.getByRole("alertdialog").getByRole("button", { name: "送审" })).toBeFocused();
  // A real modal: the page behind is inert, and Tab cycles inside the dialog (from 取消, the last
  // button, back to 送审; Shift+Tab from 送审 to 取消).
  expect(await editor.getByRole("alertdialog").evaluate((d) => d.matches("dialog:modal"))).toBe(true);
  await editor.keyboard.press("Tab");
  await expect(editor.getByRole("alertdialog").getByRole("button", { name: "取消" })).toBeFocused();
  await editor.keyboard.press("Tab");
  await expect(editor.getByRole("alertdialog").getByRole("button", { name: "送审" })).toBeFocused();
  await editor.keyboard.press("Shift+Tab");
  await expect(editor.getByRole("alertdialog").getByRole("button", { name: "取消" })).toBeFocused();
  await editor.keyboard.press("Shift+Tab");
  await expect(editor.getByRole("alertdialog").getByRole("button", { name: "送审" })).toBeFocused();
  await editor.keyboard.press("Escape");
  await expect(editor.getByRole("alertdialog")).toHaveCount(0);
  await expect(editor.getByRole("button", { name: "送审" })).toBeFocused();
  await expect(issueStatus(editor)).not.toHaveText("审核中");
  await editor.keyboard.press("Enter");
  await expect(editor.getByRole("alertdialog").getByRole("button", { name: "送审" })).toBeFocused();
  await editor.keyboard.press("Enter");
  await expect(issueStatus(editor)).toHaveText("审核中");
  // Read-only while in review: no move buttons, and the server refuses a move sent anyway.
  await expect(editor.getByTestId(`placement-${b.id}`).getByRole("button", { name: "上移" })).toHaveCount(0);
  expect(await callAction(editor, "arrangeAction", { issueId: issue.id, version: 99, change: { op: "move", itemId: b.id, sectionId: 1, index: 0 } })).toContain(NOT_NOW);

  // 审核: notified; the queue lists it; the print view shows it.
  await reviewer.goto("/notifications");
  await expect(reviewer.getByTestId("notifications")).toContainText(`有期刊待审：${label}`);
  await reviewer.goto("/review");
  await reviewer.locator(`a[href="/review/issues/${issue.id}"]`).click();
  await expect(reviewer.getByTestId("review-round")).toHaveText("第1轮");
  await expect
    .poll(async () => ((await reviewer.frameLocator('[data-testid="print-frame"]').locator("body").innerText()) ?? "").replace(/\s/g, ""))
    .toContain(x.title.replace(/\s/g, ""));

  // Round 1: a comment anchored to a passage of X, and a general one.
  await reviewer.getByTestId(`anchor-item-${x.id}`).getByRole("button", { name: "对此篇提意见" }).click();
  const onX = reviewer.getByTestId("new-comment");
  await onX.getByLabel("引用原文（可选）").fill("这句话不在稿件里");
  await onX.getByLabel("意见内容").fill("开头请补充信息来源。");
  await onX.getByRole("button", { name: "提交意见" }).click();
  await expect(onX.getByRole("alert")).toHaveText("引用的原文在这篇稿件中找不到，请从稿件中复制原文。");
  await onX.getByLabel("引用原文（可选）").fill(quote);
  await onX.getByRole("button", { name: "提交意见" }).click();
  await expect(reviewer.getByTestId(`anchor-item-${x.id}`).locator("blockquote")).toHaveText(quote);
  await reviewer.getByTestId("comment-general").click();
  await reviewer.getByTestId("new-comment").getByRole("button", { name: "提交意见" }).click();
  await expect(reviewer.getByTestId("new-comment").getByRole("alert")).toHaveText("请填写意见内容。");
  await reviewer.getByTestId("new-comment").getByLabel("意见内容").fill("基层动态两篇顺序请对调。");
  await reviewer.getByTestId("new-comment").getByRole("button", { name: "提交意见" }).click();
  await expect(reviewer.getByTestId("comment-threads")).toContainText("基层动态两篇顺序请对调。");

  // Return: a comment is required; without one nothing happens.
  const decide = reviewer.getByRole("group", { name: "待审期刊" });
  await decide.getByRole("button", { name: "退回编辑" }).click();
  await expect(decide.getByText("退回时请填写审核意见。")).toBeVisible();
  await expect(issueStatus(reviewer)).toHaveText("审核中");
  await decide.getByRole("textbox").fill("请按意见修改后再送审。");
  await decide.getByRole("button", { name: "退回编辑" }).click();
  await expect(issueStatus(reviewer)).toHaveText("编排中");

  // 编辑: changes X's text, moves B above A, answers and resolves every thread.
  await editor.goto("/notifications");
  await expect(editor.getByTestId("notifications")).toContainText(`期刊被退回：${label}`);
  await editor.goto(`/desk/items/${x.id}`);
  const body = editor.getByTestId("item-edit").getByTestId("body-editor");
  await body.click();
  await editor.keyboard.press("Control+Home");
  await editor.keyboard.type("据悉，");
  await editor.getByRole("button", { name: "保存修改" }).click();
  await expect(editor.locator(".rich-view p").first()).toContainText(`据悉，${quote}`);

  await editor.goto(`/desk/issues/${issue.id}`);
  // The reviewer's reason heads the desk board.
  await expect(editor.getByTestId("returned-reason")).toContainText("请按意见修改后再送审。");
  await editor.getByTestId(`placement-${b.id}`).getByRole("button", { name: "上移" }).click();
  await expect
    .poll(async () => {
      const order = await editor.locator('[data-testid^="placement-"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));
      return order.indexOf(`placement-${b.id}`) < order.indexOf(`placement-${a.id}`);
    })
    .toBe(true);
  const threads = editor.getByTestId("desk-threads").locator('[data-testid^="thread-"]');
  await expect(threads).toHaveCount(3); // the passage, the general comment, the return comment
  const xThread = threads.filter({ hasText: "开头请补充信息来源。" });
  await xThread.getByPlaceholder("回复").fill("已补充“据悉”。");
  await xThread.getByRole("button", { name: "发送" }).click();
  await expect(xThread).toContainText("张红波：已补充“据悉”。");
  for (let i = 0; i < 3; i++) {
    const open = editor.getByTestId("desk-threads").locator('[data-testid^="thread-"][data-resolved="false"]').first();
    await open.getByRole("button", { name: "标为已解决" }).click();
    await expect(editor.getByTestId("desk-threads").locator('[data-resolved="false"]')).toHaveCount(2 - i);
  }
  // Sent before: sending again asks first, saying earlier sign-offs no longer count.
  await editor.getByRole("button", { name: "送审" }).click();
  await expect(editor.getByRole("alertdialog")).toContainText("此前的审核、签发记录作废");
  await editor.getByRole("alertdialog").getByRole("button", { name: "送审" }).click();
  await expect(issueStatus(editor)).toHaveText("审核中");

  // Round 2 shows exactly those differences: X's text (character diff) and B moved; nothing else.
  await reviewer.goto(`/review/issues/${issue.id}`);
  await expect(reviewer.getByTestId("review-round")).toHaveText("第2轮");
  const changes = reviewer.getByTestId("round-changes");
  await expect(changes.locator("li")).toHaveCount(2);
  const changed = changes.locator('li[data-kind="changed"]');
  await expect(changed).toContainText(x.title);
  await expect(changed.locator("ins")).toHaveText(["据悉，"]);
  await expect(changed.locator("del")).toHaveCount(0);
  const moved = changes.locator('li[data-kind="moved"]');
  await expect(moved).toContainText(b.title);
  await expect(moved).toContainText("原在基层动态第2篇 → 现在基层动态第1篇");
  await expect(changes).not.toContainText("目录提要");
  await expect(changes).not.toContainText("版记");
  await expect(changes).not.toContainText("报头");
  await expect(reviewer.getByTestId("comment-threads").getByText("已解决", { exact: true })).toHaveCount(3);

  // Approve, confirming: name, time and the fingerprint the confirmation showed are recorded.
  await reviewer.getByRole("button", { name: "批准印发" }).click();
  const shown = await reviewer.getByRole("alertdialog").locator("code").getAttribute("title");
  expect(shown).toMatch(/^[0-9a-f]{64}$/);
  await reviewer.getByRole("alertdialog").getByRole("button", { name: "批准印发" }).click();
  await expect(reviewer.getByTestId("approval")).toContainText("李金涛");
  await expect(reviewer.getByTestId("approval").locator("code")).toHaveText(/^[0-9a-f]{16}$/);
  const fingerprint = await reviewer.getByTestId("approval").locator("code").getAttribute("title");
  expect(fingerprint).toBe(shown);
  // Approving again what is already approved is refused.
  expect(await callAction(reviewer, "approveIssueAction", { issueId: issue.id, version: 99, fingerprint })).toContain(NOT_NOW);

  // An edit attempt on the approved issue is refused: the page says so, the server refuses it, nothing changes.
  await editor.goto(`/desk/items/${x.id}`);
  await expect(editor.getByTestId("item-locked")).toBeVisible();
  await expect(editor.getByRole("button", { name: "保存修改" })).toHaveCount(0);
  const doc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "批准后偷偷改掉的正文。" }] }] };
  const fields = { title: "批准后改的标题", body: doc, source: null, suggestedSectionId: null, eventDate: null, contactName: "", contactPhone: "", noteToEditor: "" };
  expect(await callAction(editor, "updateItemAction", { ...fields, id: x.id, version: 99 })).toContain(NOT_NOW);
  expect(await callAction(editor, "arrangeAction", { issueId: issue.id, version: 99, change: { op: "move", itemId: a.id, sectionId: 1, index: 0 } })).toContain(NOT_NOW);
  await editor.goto(`/desk/issues/${issue.id}`);
  await expect(issueStatus(editor)).toHaveText("已批准");
  await expect(editor.getByTestId("approval").locator("code")).toHaveAttribute("title", fingerprint ?? "");
  const finalText = await downloadText(editor);
  expect(finalText).not.toContain("草稿");
  expect(finalText).not.toContain("批准后偷偷改掉的正文");

  // Reopen voids the approval: shown on the desk and to the reviewer, who is notified; exports are 草稿.
  // Reopening asks first; cancelling changes nothing.
  await editor.getByRole("button", { name: "重新打开（撤销批准）" }).click();
  await expect(editor.getByRole("alertdialog")).toContainText("重新打开将作废本期的审核和签发");
  await editor.getByRole("alertdialog").getByRole("button", { name: "取消" }).click();
  await expect(issueStatus(editor)).toHaveText("已批准");
  await editor.getByRole("button", { name: "重新打开（撤销批准）" }).click();
  await editor.getByRole("alertdialog").getByRole("button", { name: "重新打开（撤销批准）" }).click();
  await expect(issueStatus(editor)).toHaveText("编排中");
  await expect(editor.getByTestId("approval-void")).toContainText("张红波");
  await expect(editor.getByTestId("approval-void")).toContainText("李金涛 的批准已作废");
  expect(await downloadText(editor)).toContain("草稿");
  await reviewer.goto("/notifications");
  await expect(reviewer.getByTestId("notifications")).toContainText(`期刊已重新打开，批准失效：${label}`);
  await reviewer.goto(`/review/issues/${issue.id}`);
  await expect(reviewer.getByTestId("approval-void")).toBeVisible();
  await expect(reviewer.getByRole("button", { name: "批准印发" })).toHaveCount(0);

  // Sent again and approved again.
  await editor.getByRole("button", { name: "送审" }).click();
  await editor.getByRole("alertdialog").getByRole("button", { name: "送审" }).click();
  await expect(issueStatus(editor)).toHaveText("审核中");
  await reviewer.goto(`/review/issues/${issue.id}`);
  await expect(reviewer.getByTestId("review-round")).toHaveText("第3轮");
  await reviewer.getByRole("button", { name: "批准印发" }).click();
  await reviewer.getByRole("alertdialog").getByRole("button", { name: "批准印发" }).click();
  await expect(reviewer.getByTestId("approval")).toContainText("李金涛");
  await expect(reviewer.getByTestId("approval-void")).toHaveCount(0);

  // 办公室: the approval still matches, so the issue prints as final and is distributed.
  const office = await as(browser, "office");
  await office.goto("/office");
  const card = office.getByTestId(`office-issue-${issue.id}`);
  expect(await downloadText(office, card)).not.toContain("草稿");
  await card.getByRole("button", { name: "登记印发" }).click();
  await expect(card.getByRole("alertdialog")).toContainText(`登记 ${label} 已于`);
  await office.screenshot({ path: test.info().outputPath("distribute-confirm.png") });
  await card.getByRole("alertdialog").getByRole("button", { name: "登记印发" }).click();
  await expect(card).toHaveCount(0);

  // The audit log lists every step with names, in order.
  await reviewer.goto(`/audit?entity=issue&entityId=${issue.id}`);
  const rows = await auditRows(reviewer);
  console.log(`--- audit log of issue ${issue.id} ---\n${rows.join("\n")}\n--- end ---`);
  const steps = [
    "张红波|创建",
    "张红波|编入稿件",
    "张红波|编入稿件",
    "张红波|编入稿件",
    "张红波|送审",
    "李金涛|审核意见",
    "李金涛|审核意见",
    "李金涛|退回",
    "张红波|修改稿件文字",
    "张红波|调整稿件顺序",
    "张红波|回复意见",
    "张红波|意见已解决",
    "张红波|意见已解决",
    "张红波|意见已解决",
    "张红波|送审",
    "李金涛|批准",
    "张红波|导出",
    "张红波|重新打开",
    "张红波|导出",
    "张红波|送审",
    "李金涛|批准",
    "王晓燕|导出",
    "王晓燕|印发",
  ];
  expect(inOrder(rows, steps)).toEqual([]);
  // Per item: B's log shows its move by the editor among its own steps.
  await reviewer.goto(`/audit?entity=item&entityId=${b.id}`);
  const itemRows = await auditRows(reviewer);
  expect(inOrder(itemRows, ["张红波|采用", "张红波|编入期刊", "张红波|调整稿件顺序"])).toEqual([]);
});

import { expect, test } from "@playwright/test";
import { DOCX_TYPE, WORD_HTML, as, expectSaved, focusEndOfBody, openForm, pasteHtml, unitDocx } from "./helpers";

test("a unit imports Word, pastes from Word, fixes a copy finding and submits; returned with a note, it revises and resubmits", async ({ browser }) => {
  const title = `昌平区科协举办应急科普讲座${Date.now() % 100000}`;
  const unit = await as(browser, "changping");
  await openForm(unit);
  await expect(unit.getByRole("heading", { name: "写稿件" })).toBeVisible();
  await expect(unit.getByLabel("来源署名")).toHaveValue("昌平区科协");
  const file = unit.getByTestId("docx-input");

  // Wrong files get a message in Chinese and change nothing.
  await file.setInputFiles({ name: "稿件.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 …") });
  await expect(unit.getByTestId("docx-error")).toHaveText("只能导入 Word 的 .docx 文件。");
  await file.setInputFiles({ name: "稿件.docx", mimeType: DOCX_TYPE, buffer: Buffer.from("这不是 Word 文件，只是改了扩展名。") });
  await expect(unit.getByTestId("docx-error")).toHaveText("文件已损坏或不是有效的 Word 文档，无法读取。");
  await file.setInputFiles({ name: "旧稿件.doc", mimeType: "application/msword", buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) });
  await expect(unit.getByTestId("docx-error")).toContainText("另存为 .docx");
  await expect(unit.getByLabel("标题")).toHaveValue("");
  await expect(unit.getByTestId("char-count")).toHaveText("0 字");

  // A real .docx: preview first, then fill the form.
  await file.setInputFiles({ name: "应急科普讲座.docx", mimeType: DOCX_TYPE, buffer: await unitDocx(title) });
  const preview = unit.getByRole("dialog", { name: /导入预览/ });
  await expect(preview).toBeVisible();
  await expect(preview.getByTestId("docx-preview-title")).toHaveText(title);
  await expect(preview).toContainText("1 张图片不会导入");
  await expect(preview).toContainText("刘明 010-69741234");
  await expect(unit.getByLabel("标题")).toHaveValue(""); // nothing changes before the unit says so
  await preview.getByRole("button", { name: "填入表单" }).click();
  await expect(unit.getByLabel("标题")).toHaveValue(title);
  const body = unit.getByRole("textbox", { name: "正文" });
  await expect(body.locator("p")).toHaveCount(2);
  await expect(body.locator("p").first()).toHaveText("6 月 20 日上午，昌平区科协在回龙观社区举办科普讲座，邀请专家讲解应急避险知识。");
  await expect(body.locator("strong")).toHaveText("科普讲座");
  await expect(body.locator("em")).toHaveText("应急避险");
  await expect(unit.getByLabel("联系电话")).toHaveValue("010-69741234");

  // Paste from Word at the end: paragraphs, bold and italic stay; fonts, colours, the table and the picture do not.
  // (Once the imported text is saved: a save answered while the caret moves must not move it back.)
  await expectSaved(unit);
  await focusEndOfBody(unit);
  await unit.keyboard.press("Enter");
  await pasteHtml(body, WORD_HTML, "会上，区科协部署了下半年重点工作。");
  const notice = unit.getByTestId("paste-notice");
  await expect(notice).toContainText("保留了分段、加粗和倾斜");
  await expect(notice).toContainText("字体、字号、颜色等格式已去除");
  await expect(notice).toContainText("1 张图片没有粘贴进来");
  await expect(notice).toContainText("1 个表格已转为段落");
  await expect(body.locator("p")).toHaveCount(4);
  await expect(body.locator("p").nth(2)).toHaveText("会上，区科协部署了下半年重点工作，要求各街道统筹资源，加强协作。");
  await expect(body.locator("strong", { hasText: "重点工作" })).toBeVisible();
  await expect(body.locator("em", { hasText: "统筹" })).toBeVisible();
  await expect(body.locator("p").nth(3)).toHaveText("主讲专家　北京大学");
  await expect(body.locator("img, table, td, span[style], font, [class*='Mso']")).toHaveCount(0);
  const html = await body.innerHTML();
  expect(html).not.toMatch(/仿宋|黑体|color|font-family|o:p|clip_image/);

  // Copy check: 「6 月 20 日」 is found in place and fixed with one click.
  const dateFinding = unit.getByTestId("body-findings").locator('[data-rule="space_date"]');
  await expect(dateFinding).toContainText("日期中不加空格");
  await expect(body.locator("[data-finding]").first()).toBeVisible(); // underlined in the editor
  await dateFinding.getByRole("button", { name: /^改为“6月20日”/ }).click();
  await expect(body.locator("p").first()).toHaveText("6月20日上午，昌平区科协在回龙观社区举办科普讲座，邀请专家讲解应急避险知识。");
  await expect(dateFinding).toHaveCount(0);
  await expect(body.locator("strong")).toHaveText(["科普讲座", "重点工作"]); // the fix kept the formatting

  // Saved on its own; the draft has its address now.
  await expectSaved(unit);
  await expect(unit).toHaveURL(/\/items\/\d+$/);
  const itemUrl = new URL(unit.url()).pathname;
  await unit.getByLabel("建议栏目").selectOption({ label: "科普工作" });
  await unit.getByRole("button", { name: "报送", exact: true }).click();
  await expect(unit.getByText("已报送，等待编辑处理。")).toBeVisible();
  await expect(unit.getByTestId("final-text")).toContainText("6月20日上午");

  // The editor returns it with a note.
  const editor = await as(browser, "editor");
  await editor.goto("/desk/inbox");
  await editor.getByRole("link", { name: title }).click();
  await expect(editor.getByRole("heading", { name: title })).toBeVisible();
  await editor.getByLabel(/处理意见/).fill("请补充参加人数。");
  await editor.getByRole("button", { name: /退回/ }).click();
  await expect(editor).toHaveURL(/\/desk\/inbox/);

  // The unit is told: the count in the header, the notice, the list with the note.
  await unit.goto("/items");
  await expect(unit.getByTestId("unread-count")).toBeVisible();
  const row = unit.getByTestId("my-items").getByRole("row", { name: new RegExp(title) });
  await expect(row).toContainText("已退回");
  await expect(row).toContainText("请补充参加人数。");
  await unit.goto("/notifications");
  await unit.getByRole("link", { name: new RegExp(`稿件被退回修改：${title}`) }).click();
  await expect(unit).toHaveURL(new RegExp(`${itemUrl}$`));
  await expect(unit.getByTestId("editor-note")).toContainText("请补充参加人数。");

  // Revise and resubmit.
  await expect(unit.getByRole("heading", { name: "修改退回的稿件" })).toBeVisible();
  await focusEndOfBody(unit);
  await unit.keyboard.press("Enter");
  await unit.keyboard.type("活动共吸引300余名居民参加。");
  await expectSaved(unit);
  await unit.getByRole("button", { name: "重新报送" }).click();
  await expect(unit.getByText("已报送，等待编辑处理。")).toBeVisible();
  await expect(unit.getByTestId("final-text")).toContainText("活动共吸引300余名居民参加。");

  // The timeline shows all of it.
  const timeline = unit.getByTestId("timeline");
  await expect(timeline.locator('li[data-action="create"]')).toContainText("刘明 创建");
  await expect(timeline.locator('li[data-action="edit"]').first()).toContainText("修改");
  await expect(timeline.locator('li[data-action="submit"]')).toHaveText([/刘明 报送$/, /刘明 重新报送$/]);
  await expect(timeline.locator('li[data-action="return"]')).toHaveText(/张红波 退回：请补充参加人数。$/);
  const lines = timeline.locator("li");
  await expect(lines.last()).toContainText("重新报送");

  // And the editor has it back in the inbox.
  await editor.goto("/desk/inbox?status=submitted");
  await expect(editor.getByRole("link", { name: title })).toBeVisible();
});

import { expect, test } from "@playwright/test";
import { as, expectSaved, focusEndOfBody, openForm, pasteHtml, submitNewItem } from "./helpers";

// The text rule's invisible and look-alike characters (lib/text/invisible.ts): the title field and
// the body editor remove / replace what arrives by paste and say so; what still reaches the server
// is refused with a message naming the character and where it is. The title counter counts
// user-perceived characters, as the server's limit does.

/** Sets the title as a paste or drop does (one input event with the whole text). */
async function pasteTitle(page: import("@playwright/test").Page, text: string) {
  await page.getByLabel("标题").evaluate((el, text) => {
    const t = el as HTMLTextAreaElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!;
    setter.call(t, text);
    t.dispatchEvent(new Event("input", { bubbles: true }));
  }, text);
}

test("title: invisible characters and odd spaces are cleaned with a notice naming them; emoji count once", async ({ browser }) => {
  const page = await as(browser, "changping");
  await openForm(page);
  const title = page.getByLabel("标题");
  await pasteTitle(page, "昌平区\u200b科协召开\u00a0科普\u00ad工作会议");
  await expect(title).toHaveValue("昌平区科协召开 科普工作会议");
  const notice = page.getByTestId("title-cleaned");
  await expect(notice).toContainText("零宽空格（U+200B）1 个");
  await expect(notice).toContainText("软连字符（U+00AD）1 个");
  await expect(notice).toContainText("不间断空格（U+00A0）1 个");
  // The field points at the notice for screen readers.
  await expect(title).toHaveAttribute("aria-describedby", /title-cleaned/);
  await page.screenshot({ path: test.info().outputPath("title-cleaned.png") });

  // 15 visible characters, 29 UTF-16 units: the counter says 15, and an emoji family stays whole.
  const emoji = "👨‍👩‍👧科普日活动圆满成功！👨‍👩‍👧家庭好";
  expect(emoji.length).toBe(29);
  await title.fill(emoji);
  await expect(page.getByTestId("title-count")).toHaveText("15 / 80 字");
  await expect(title).toHaveValue(emoji);
  await page.getByTestId("title-count").screenshot({ path: test.info().outputPath("title-count-emoji.png") });
  await page.context().close();
});

test("body: a paste is cleaned and the notice says what; a no-break space or zero-width space typed in is cleaned at once and said, and the text saves", async ({ browser }) => {
  const page = await as(browser, "changping");
  await openForm(page);
  await page.getByLabel("标题").fill(`不可见字符${Date.now() % 100000}`);
  const body = await focusEndOfBody(page);
  await pasteHtml(body, "<p>区科协\u200b召开全委会。</p><p>家庭科普日👨‍👩‍👧圆满举办。</p>", "区科协\u200b召开全委会。");
  await expect(page.getByTestId("paste-notice-item")).toContainText("已删除 1 个看不见的字符：零宽空格（U+200B）1 个");
  await expect(body).toContainText("区科协召开全委会。");
  await expect(body).toContainText("家庭科普日👨‍👩‍👧圆满举办。");

  // A plain-text paste (no HTML on the clipboard) says so too.
  await body.evaluate((el) => {
    const data = new DataTransfer();
    data.setData("text/plain", "科普\u00a0大会\u2009开幕");
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByTestId("paste-notice-item").last()).toContainText("已把 2 个特殊空格换成普通空格：不间断空格（U+00A0）1 个、窄空格（U+2009）1 个");

  // Typed (not pasted) — Option+Space, an input method — a no-break space becomes an ordinary one at
  // once, the editor says so, and the text saves (the server would refuse it, naming the place: the
  // hostile spec sends such requests by hand).
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.insertText("会议要求\u00a0各单位\u200b落实");
  await expect(page.getByTestId("invisible-notice")).toContainText("已把 1 个特殊空格换成普通空格：不间断空格（U+00A0）1 个");
  await expect(page.getByTestId("invisible-notice")).toContainText("已删除 1 个看不见的字符：零宽空格（U+200B）1 个");
  await expect(body).toContainText("会议要求 各单位落实");
  await expectSaved(page);
  await page.screenshot({ path: test.info().outputPath("body-typed-cleaned.png"), fullPage: true });
  await page.context().close();
});

test("the desk's item editor cleans its title too, with a notice, and the edit saves", async ({ browser }) => {
  const unit = await as(browser, "changping");
  const id = await submitNewItem(unit, `标题清理${Date.now() % 100000}`, "7月3日，昌平区科协召开科普工作会。");
  const editor = await as(browser, "editor");
  await editor.goto(`/desk/items/${id}`);
  const title = editor.getByLabel("标题", { exact: true });
  await title.fill("");
  await title.pressSequentially("昌平区科协");
  await editor.keyboard.insertText("\u200b召开\u00a0科普工作会");
  await expect(title).toHaveValue("昌平区科协召开 科普工作会");
  const notice = editor.getByTestId("desk-title-cleaned");
  await expect(notice).toContainText("零宽空格（U+200B）1 个");
  await expect(notice).toContainText("不间断空格（U+00A0）1 个");
  await notice.getByRole("button", { name: "知道了" }).click();
  await expect(notice).toHaveCount(0);
  await editor.getByRole("button", { name: "保存修改" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "已保存" }).first()).toBeVisible();
  await editor.reload();
  await expect(editor.getByLabel("标题", { exact: true })).toHaveValue("昌平区科协召开 科普工作会");
  await unit.context().close();
  await editor.context().close();
});

test("a notice goes by itself once its text is gone: the title replaced or emptied, the body's input undone; it stays while that text is edited", async ({ browser }) => {
  const page = await as(browser, "changping");
  await openForm(page);
  const title = page.getByLabel("标题");
  const notice = page.getByTestId("title-cleaned");
  await title.pressSequentially("键入\u200b标题\u00a0测试");
  await expect(notice).toContainText("零宽空格（U+200B）1 个");
  await title.press("End");
  await title.pressSequentially("一下");
  await expect(notice).toBeVisible(); // still the cleaned text, edited on
  await title.fill("已换成干净的标题");
  await expect(notice).toHaveCount(0);
  await pasteTitle(page, "又有\u200b一个");
  await expect(notice).toBeVisible();
  await title.fill("");
  await expect(notice).toHaveCount(0);

  await title.fill(`撤销后提示消失${Date.now() % 100000}`);
  const body = await focusEndOfBody(page);
  await page.keyboard.type("会议要求。");
  await expectSaved(page);
  await page.keyboard.insertText("各单位\u200b落实\u00a0到位");
  await expect(page.getByTestId("invisible-notice")).toContainText("零宽空格（U+200B）1 个");
  await expect(body).toContainText("会议要求。各单位落实 到位");
  await page.keyboard.press("ControlOrMeta+z");
  await expect(body).not.toContainText("各单位");
  await expect(page.getByTestId("invisible-notice")).toHaveCount(0);
  await page.context().close();
});

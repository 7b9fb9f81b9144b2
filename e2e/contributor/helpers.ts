import { AlignmentType, Document, ImageRun, Packer, Paragraph, TextRun } from "docx";
import { type Browser, expect, type Locator, type Page } from "@playwright/test";
import { callAction } from "../actions";
import { stateFile, type UserKey } from "../users";

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export async function as(browser: Browser, user: UserKey): Promise<Page> {
  const context = await browser.newContext({ storageState: stateFile(user) });
  return context.newPage();
}

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

/** A unit's Word file as units write them: centred bold title, body in 仿宋 with bold and italic, a photo, a contact line. */
export async function unitDocx(title: string): Promise<Buffer> {
  const body = (text: string, opts: { bold?: boolean; italics?: boolean; color?: string } = {}) => new TextRun({ text, font: "仿宋_GB2312", size: 32, ...opts });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: title, bold: true, font: "方正小标宋简体", size: 44 })] }),
          new Paragraph({
            children: [body("　　6 月 20 日上午，昌平区科协在回龙观社区举办"), body("科普讲座", { bold: true, color: "C00000" }), body("，邀请专家讲解"), body("应急避险", { italics: true }), body("知识。")],
          }),
          new Paragraph({ children: [new ImageRun({ type: "png", data: PNG, transformation: { width: 40, height: 30 } })] }),
          new Paragraph({ children: [body("　　讲座结束后，居民们纷纷表示收获很大。")] }),
          new Paragraph({ children: [body("联系人：刘明　　电话：010-69741234")] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** What Word puts on the clipboard: Office namespaces, MsoNormal classes, fonts, colours, a table, a picture. */
export const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><style><!-- p.MsoNormal {font-family:仿宋; font-size:16.0pt} --></style></head>
<body lang=ZH-CN><!--StartFragment-->
<p class=MsoNormal style="text-indent:32.0pt;font-family:仿宋;mso-bidi-font-family:仿宋"><span style="font-size:16.0pt;font-family:仿宋">会上，区科协部署了下半年<b>重点工作</b>，要求各街道<i>统筹</i>资源，<span style="color:red;font-family:黑体">加强</span>协作。<o:p></o:p></span></p>
<table class=MsoTableGrid border=1 cellspacing=0 style="border-collapse:collapse"><tr><td width=200 style="background:#D9E2F3"><p class=MsoNormal><span style="font-family:仿宋">主讲专家</span></p></td><td width=200><p class=MsoNormal><span style="font-family:仿宋">北京大学</span></p></td></tr></table>
<p class=MsoNormal><span style="mso-no-proof:yes"><img width=200 height=120 src="file:///C:/Users/liu/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg" v:shapes="图片_x0020_1"></span></p>
<!--EndFragment--></body></html>`;

/** Dispatches a real paste event carrying HTML, as the browser does when someone presses Ctrl+V. */
export async function pasteHtml(target: Locator, html: string, text = "") {
  await target.evaluate(
    (el, { html, text }) => {
      const data = new DataTransfer();
      data.setData("text/html", html);
      data.setData("text/plain", text);
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { html, text },
  );
}

/** Opens the submission form and waits until it is live (hydrated, copy checks loaded). */
export async function openForm(page: Page, path = "/items/new") {
  await page.goto(path);
  await expect(page.locator('[data-testid="copy-check"][data-ready="true"]')).toBeVisible();
}

/** The body editor, and the end of its text. */
export async function focusEndOfBody(page: Page): Promise<Locator> {
  const body = page.getByRole("textbox", { name: "正文" });
  await body.click();
  // ProseMirror takes the caret from the page a moment after focus (and may put its own back, a
  // timer 20 ms after focus); on a busy machine a key pressed before then lands where the editor
  // thought the caret was. Press Ctrl+End until the editor's own selection is at the end.
  await expect(async () => {
    await page.keyboard.press("Control+End");
    const atEnd = await body.evaluate((el) => {
      const editor = (el as HTMLElement & { editor?: { state: { selection: { empty: boolean; from: number }; doc: { content: { size: number } } } } }).editor;
      if (!editor) return false;
      const { selection, doc } = editor.state;
      return selection.empty && selection.from === doc.content.size - 1;
    });
    expect(atEnd).toBe(true);
  }).toPass({ timeout: 10_000, intervals: [50, 100, 250] });
  return body;
}

export async function expectSaved(page: Page) {
  await expect(page.getByTestId("save-state")).toContainText("已保存");
}

/**
 * The editor changes a submitted item's body to `text` (as the desk's edit does), through the action;
 * the version is read as the unit. Returns the action's answer.
 */
export async function editorEditsBody(unit: Page, editor: Page, id: number, title: string, text: string): Promise<string> {
  const latest = await callAction(unit, "latestItemAction", { id });
  const version = Number(/"version":(\d+)/.exec(latest)?.[1]);
  return callAction(editor, "updateItemAction", {
    id,
    version,
    title,
    body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] },
    source: "昌平区科协",
    suggestedSectionId: null,
    eventDate: null,
    contactName: "",
    contactPhone: "",
    noteToEditor: "",
  });
}

/** A new item typed into the form (title, one paragraph) and submitted; returns its id. */
export async function submitNewItem(unit: Page, title: string, text: string): Promise<number> {
  await openForm(unit);
  await unit.getByLabel("标题").fill(title);
  await focusEndOfBody(unit);
  await unit.keyboard.type(text);
  await expectSaved(unit);
  await unit.getByRole("button", { name: "报送", exact: true }).click();
  await expect(unit.getByText("已报送，等待编辑处理。")).toBeVisible();
  return Number(new URL(unit.url()).pathname.split("/").pop());
}

import { expect, type Page, test } from "@playwright/test";
import { callAction } from "../actions";
import { as, DOCX_TYPE, unitDocx } from "./helpers";

const NOT_FOUND = "找不到该内容，或您无权查看。";
const INVALID = "填写有误，请按提示修改。";

const fields = (title: string, text = "6月20日，昌平区科协举办科普讲座。") => ({
  title,
  body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] },
  source: "昌平区科协",
  suggestedSectionId: null,
  eventDate: "2026-06-20",
  contactName: "刘明",
  contactPhone: "010-69741234",
  noteToEditor: "",
});

/** Creates a draft through the action the form uses, and reads back the item reference it answers with. */
async function save(page: Page, input: object): Promise<{ id: number; version: number }> {
  return refOf(await callAction(page, "createItemAction", input));
}

async function refOf(text: string): Promise<{ id: number; version: number }> {
  const m = /"id":(\d+),"version":(\d+)/.exec(text);
  if (!m) throw new Error(`no item in: ${text.slice(0, 300)}`);
  return { id: Number(m[1]), version: Number(m[2]) };
}

test("unit B cannot list, open, edit, withdraw or resubmit unit A's items, by URL or by calling the actions", async ({ browser }) => {
  const stamp = Date.now() % 100000;
  const a = await as(browser, "changping");
  const b = await as(browser, "dongcheng");
  const editor = await as(browser, "editor");
  await a.goto("/items");
  await b.goto("/items");

  // Unit A: a draft, a submitted item, and a returned item.
  const draftTitle = `甲单位草稿${stamp}`;
  const sentTitle = `甲单位已报送${stamp}`;
  const returnedTitle = `甲单位被退回${stamp}`;
  const draft = await save(a, fields(draftTitle));
  const sentDraft = await save(a, fields(sentTitle));
  const sent = await refOf(await callAction(a, "submitItemAction", sentDraft));
  const retDraft = await save(a, fields(returnedTitle));
  const retSent = await refOf(await callAction(a, "submitItemAction", retDraft));
  const returned = await refOf(await callAction(editor, "decideItemAction", { ...retSent, decision: "return", note: "请补充。" }));

  // B's list shows none of them; B's URLs for them are not found.
  await b.goto("/items");
  for (const t of [draftTitle, sentTitle, returnedTitle]) await expect(b.getByText(t)).toHaveCount(0);
  for (const s of ["draft", "submitted", "returned"]) {
    await b.goto(`/items?status=${s}`);
    for (const t of [draftTitle, sentTitle, returnedTitle]) await expect(b.getByText(t)).toHaveCount(0);
  }
  for (const { id } of [draft, sent, returned]) {
    await b.goto(`/items/${id}`);
    await expect(b.getByTestId("not-found")).toBeVisible();
    await expect(b.getByText(new RegExp(`甲单位.*${stamp}`))).toHaveCount(0);
  }

  // B calls every contributor action on A's items directly: each is refused as not found.
  const hijack = fields(`乙单位篡改${stamp}`, "篡改的正文。");
  const attempts: [string, unknown][] = [
    ["updateItemAction", { ...hijack, ...draft }],
    ["updateItemAction", { ...hijack, ...returned }],
    ["autosaveItemAction", { ...hijack, ...draft }],
    ["autosaveItemAction", { ...hijack, ...returned }],
    ["latestItemAction", { id: draft.id }],
    ["submitItemAction", draft],
    ["submitItemAction", returned], // resubmitting A's returned item
    ["withdrawItemAction", sent],
  ];
  for (const [action, input] of attempts) expect(await callAction(b, action, input), action).toContain(NOT_FOUND);

  // Nor can B slip its item into A's unit, or set a state.
  expect(await callAction(b, "createItemAction", { ...hijack, unitId: 1 })).toContain(INVALID);
  expect(await callAction(b, "autosaveItemAction", { ...hijack, status: "published" })).toContain(INVALID);

  // B cannot open A's notifications either (A was told about the return).
  await a.goto("/notifications");
  const noticeHref = await a.getByRole("link", { name: new RegExp(returnedTitle) }).getAttribute("href");
  expect(noticeHref).toMatch(/^\/notifications\/\d+$/);
  await b.goto(noticeHref ?? "");
  await expect(b).toHaveURL(/\/notifications$/);
  await expect(b.getByText(returnedTitle)).toHaveCount(0);
  await a.goto("/notifications");
  await expect(a.locator('[data-kind="item_return"]').filter({ hasText: returnedTitle })).toHaveClass(/unread/);

  // A's items are exactly as A left them.
  await a.goto(`/items/${draft.id}`);
  await expect(a.getByLabel("标题")).toHaveValue(draftTitle);
  await a.goto(`/items/${sent.id}`);
  await expect(a.getByRole("heading", { name: sentTitle })).toBeVisible();
  await expect(a.getByTestId("final-text")).not.toContainText("篡改");
  await expect(a.getByText("已报送", { exact: true }).first()).toBeVisible();
  await a.goto(`/items/${returned.id}`);
  await expect(a.getByLabel("标题")).toHaveValue(returnedTitle);
  await expect(a.getByTestId("editor-note")).toContainText("请补充。");
  await a.goto("/items");
  for (const t of [draftTitle, sentTitle, returnedTitle]) await expect(a.getByRole("link", { name: t })).toBeVisible();
  await expect(a.getByText(`乙单位篡改${stamp}`)).toHaveCount(0);
  await b.goto("/items");
  await expect(b.getByText(`乙单位篡改${stamp}`)).toHaveCount(0);

  // A's timeline has no step by B.
  await a.goto(`/items/${returned.id}`);
  await expect(a.getByTestId("timeline")).not.toContainText("陈静");
});

test("the Word import is for logged-in contributors only", async ({ browser, request }) => {
  const anon = await request.post("/api/items/import-docx", { multipart: { file: { name: "a.docx", mimeType: DOCX_TYPE, buffer: await unitDocx("标题") } } });
  expect(anon.status()).toBe(401);
  const editor = await as(browser, "editor");
  const res = await editor.request.post("/api/items/import-docx", { multipart: { file: { name: "a.docx", mimeType: DOCX_TYPE, buffer: await unitDocx("标题") } } });
  expect(res.status()).toBe(403);
  expect((await res.json()).error).toBe("您没有权限执行此操作。");
});

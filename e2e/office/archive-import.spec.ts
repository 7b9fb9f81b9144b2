import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { parseBulletinText } from "../../lib/bulletin/parse-text";
import { callAction } from "../actions";
import { as } from "../contributor/helpers";

// A past issue the app has never seen: a year with no issues yet, sections and units not in the
// samples, one title that the office wants worded differently, and a number to correct.
const PAST_ISSUE = [
  "科协每周动态",
  "2022年 第5期",
  "（总第40期）",
  "北京市科协办公室",
  "2022年3月4日",
  "目录提要",
  "- 海淀区科协举办青年科技论坛",
  "【学术交流】",
  "海淀区科协举办青年科技论坛",
  "3月1日，海淀区科协在中关村举办青年科技论坛，来自高校和企业的120余名青年科技工作者参加。",
  "论坛围绕人工智能与城市治理开展研讨。（海淀区科协）",
  "【青少年科技教育】",
  "顺义区中小学科技节开幕",
  "3月2日，顺义区第十届中小学科技节开幕，全区45所学校参加。（顺义区青少年科技教育协会）",
  "信息报送邮箱：skxxxbs@bast.net.cn",
  "编辑：张红波",
  "审核：李金涛",
  "分送：市科协驻会领导",
  "机关各部门及事业单位",
].join("\n\n");

test("the office uploads a past issue, corrects it beside the source, imports it, and the archive exports it again", async ({ browser }) => {
  const office = await as(browser, "office");

  // The first start imported the three sample issues, so the archive is not empty.
  await office.goto("/office/archive");
  await expect(office.getByText("2023年第20期（总第73期）")).toBeVisible();
  await expect(office.getByText("2023年第21期（总第74期）")).toBeVisible();
  await expect(office.getByText("2023年第25期（总第78期）")).toBeVisible();

  await office.goto("/office/import");
  const file = office.getByLabel("选择文件");

  // Bad files get a message and nothing to import.
  await file.setInputFiles({ name: "scan.txt", mimeType: "text/plain", buffer: Buffer.from([0x00, 0xff, 0x10, 0x80, 0x00, 0x7f]) });
  await expect(office.getByRole("main").getByRole("alert")).toContainText("无法读取");
  await expect(office.getByRole("button", { name: "导入归档" })).toHaveCount(0);
  // A UTF-8 file with one damaged byte is told which line, not 「不是文本文件」.
  const good = Buffer.from("科协每周动态\n2023年第20期\n区科协表彰优秀科技工作者\n", "utf8");
  const at = good.indexOf(Buffer.from("区科协"));
  await file.setInputFiles({ name: "damaged.txt", mimeType: "text/plain", buffer: Buffer.concat([good.subarray(0, at), Buffer.from([0xfe]), good.subarray(at)]) });
  await expect(office.getByRole("main").getByRole("alert")).toContainText("第 3 行有 1 处损坏的字节");
  await expect(office.getByRole("button", { name: "导入归档" })).toHaveCount(0);
  await file.setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: Buffer.from("not really a png") });
  await expect(office.getByRole("main").getByRole("alert")).toContainText("只支持 .txt 和 .docx 文件");

  // A real past issue: the parse is shown beside the source.
  await file.setInputFiles({ name: "2022-05.txt", mimeType: "text/plain", buffer: Buffer.from(PAST_ISSUE) });
  const parsed = office.getByRole("region", { name: "识别结果" });
  await expect(office.getByRole("region", { name: "原文" })).toContainText("顺义区中小学科技节开幕");
  await expect(parsed.getByLabel("期号", { exact: true })).toHaveValue("5");
  await expect(parsed.getByLabel("总期号")).toHaveValue("40");
  await expect(parsed.getByLabel("日期")).toHaveValue("2022-03-04");
  await expect(parsed.getByRole("heading", { name: "【青少年科技教育】" })).toBeVisible();
  await expect(parsed.getByLabel("来源署名").nth(1)).toHaveValue("顺义区青少年科技教育协会");

  // The office corrects the number and rewords a title before importing.
  await parsed.getByLabel("期号", { exact: true }).fill("6");
  await parsed.getByLabel("总期号").fill("41");
  await parsed.getByLabel("标题", { exact: true }).nth(1).fill("顺义区第十届中小学科技节开幕");
  await office.getByRole("button", { name: "导入归档" }).click();
  const report = office.getByTestId("import-report");
  await expect(report).toContainText("已导入 2022年第6期，共 2 篇。");
  await expect(report).toContainText("新建单位（待管理员核对）：顺义区青少年科技教育协会。");

  // The same number again is refused, and nothing is written twice.
  await file.setInputFiles({ name: "2022-05-again.txt", mimeType: "text/plain", buffer: Buffer.from(PAST_ISSUE.replace("第5期", "第6期").replace("总第40期", "总第41期")) });
  await office.getByRole("button", { name: "导入归档" }).click();
  await expect(office.getByRole("main").getByRole("alert")).toContainText("已");
  await expect(office.getByTestId("import-report")).toHaveCount(0);

  // The archive lists it under its year with every export; the text export reads back to what was imported.
  await office.goto("/office/archive");
  await expect(office.getByRole("heading", { name: "2022" })).toBeVisible();
  const row = office.getByRole("listitem").filter({ hasText: "2022年第6期（总第41期）" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("2 篇稿件");
  const [download] = await Promise.all([office.waitForEvent("download"), row.getByTestId("export-txt").click()]);
  const back = parseBulletinText(readFileSync(await download.path(), "utf8"));
  expect(back.masthead).toMatchObject({ year: 2022, number: 6, totalNumber: 41, date: "2022-03-04" });
  expect(back.toc).toEqual(["海淀区科协举办青年科技论坛"]);
  expect(back.sections.map((s) => [s.title, s.items.map((i) => [i.title, i.source])])).toEqual([
    ["学术交流", [["海淀区科协举办青年科技论坛", "海淀区科协"]]],
    ["青少年科技教育", [["顺义区第十届中小学科技节开幕", "顺义区青少年科技教育协会"]]],
  ]);
  expect(back.footer.distribution).toEqual(["市科协驻会领导", "机关各部门及事业单位"]);
});

test("only the office and the admin may import: the page and the action refuse everyone else", async ({ browser }) => {
  const doc = {
    masthead: { title: "科协每周动态", year: 2021, number: 9, totalNumber: 30, office: "北京市科协办公室", date: "2021-05-07" },
    toc: [],
    sections: [{ title: "科普工作", items: [{ title: "越权导入的稿件", paragraphs: [[{ text: "不应入库。" }]], source: "昌平区科协" }] }],
    footer: { mailbox: "", editor: "", reviewer: "", distribution: [] },
    draft: false,
  };
  for (const user of ["changping", "editor", "reviewer"] as const) {
    const page = await as(browser, user);
    await page.goto("/office/import");
    await expect(page.getByTestId("forbidden"), user).toBeVisible();
    expect(await callAction(page, "importArchiveAction", { doc, fileName: "x.txt" }), user).toContain("您没有权限执行此操作。");
  }
  const office = await as(browser, "office");
  await office.goto("/office/archive");
  await expect(office.getByText("2021年第9期")).toHaveCount(0);
});

test("another publication's masthead is filed only once the office confirms it is the same publication", async ({ browser }) => {
  const office = await as(browser, "office");
  await office.goto("/office/import");
  const renamed = PAST_ISSUE.replace("科协每周动态", "科协工作简报").replace("2022年 第5期", "2022年 第7期").replace("（总第40期）", "（总第42期）");
  await office.getByLabel("选择文件").setInputFiles({ name: "2022-07-old-title.txt", mimeType: "text/plain", buffer: Buffer.from(renamed) });
  await expect(office.getByRole("region", { name: "识别结果" }).getByLabel("期号", { exact: true })).toHaveValue("7");
  await office.getByRole("button", { name: "导入归档" }).click();
  await expect(office.getByRole("main").getByRole("alert")).toContainText("报头刊名「科协工作简报」与本刊「科协每周动态」不同");
  await expect(office.getByTestId("import-report")).toHaveCount(0);
  await office.getByRole("button", { name: "确认是同一刊物，仍然导入" }).click();
  await expect(office.getByTestId("import-report")).toContainText("已导入 2022年第7期");
});

test("an uploaded past issue with invisible characters and odd spaces: removed and replaced, and the office is told what", async ({ browser }) => {
  const office = await as(browser, "office");
  await office.goto("/office/import");
  const text = PAST_ISSUE.replace("【学术交流】", "【学术\u200b交流】").replace("来自高校和企业", "来自高校\u00a0和企业").replace("顺义区第十届", "顺义区\ufeff第十届");
  await office.getByLabel("选择文件").setInputFiles({ name: "2022-05.txt", mimeType: "text/plain", buffer: Buffer.from(text) });
  const notices = office.getByTestId("read-notice");
  await expect(notices.filter({ hasText: "已删除 2 个看不见的字符：零宽空格（U+200B）1 个、零宽不换行空格（BOM）（U+FEFF）1 个" })).toBeVisible();
  await expect(notices.filter({ hasText: "已把 1 个特殊空格换成普通空格：不间断空格（U+00A0）1 个" })).toBeVisible();
  await expect(office.getByRole("region", { name: "识别结果" }).getByRole("heading", { name: "【学术交流】" })).toBeVisible();
  await office.context().close();
});

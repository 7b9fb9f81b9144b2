import { mkdirSync, writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { zipSync } from "fflate";
import { as } from "../contributor/helpers";
import { editorPage } from "./helpers";

// Where the exports land for a person to look at (the PDF pages are turned into PNGs afterwards).
const OUT = process.env.ISSUE_KINDS_OUT ?? "data/issue-kinds-out";

test("the desk makes a 合刊 and a 增刊; their mastheads print in the text and PDF exports; the next issue skips both numbers", async ({ browser }) => {
  mkdirSync(OUT, { recursive: true });
  const page = await editorPage(browser);
  await page.goto("/desk/issues");
  // The seeded archive ends in 2023: the form says how far behind it is.
  await expect(page.getByTestId("stale-archive")).toContainText(/最近一期为2023年第25期，距今\d+天/);

  // A 合刊: two numbers, two running numbers.
  await page.getByLabel("期的类型").selectOption("double");
  await page.getByLabel("年份").fill("2026");
  await page.getByLabel("期号（第N期）").fill("3");
  await page.getByLabel("总期号（总第M期）").fill("120");
  await page.getByLabel("出刊日期").fill("2026-02-27");
  await expect(page.getByText("合刊占第3-4期、总第120-121期，下一期从第5期（总第122期）起。")).toBeVisible();
  await page.getByRole("button", { name: "创建" }).click();
  await expect(page.getByRole("heading", { name: "编排 2026年第3-4期合刊（总第120-121期）" })).toBeVisible();
  const doubleId = Number(page.url().split("/").pop());

  // A 增刊: outside the sequence, no running number.
  await page.goto("/desk/issues");
  await page.getByLabel("期的类型").selectOption("supplement");
  await page.getByLabel("名称").selectOption("增刊");
  await page.getByLabel("增刊期号（0 表示不编号）").fill("1");
  await page.getByLabel("年份").fill("2026");
  await page.getByLabel("出刊日期").fill("2026-03-10");
  await expect(page.getByLabel("总期号（总第M期）")).toHaveCount(0);
  await page.getByRole("button", { name: "创建" }).click();
  await expect(page.getByRole("heading", { name: "编排 2026年增刊第1期" })).toBeVisible();
  const supplementId = Number(page.url().split("/").pop());
  // Its numbers and date save on the board: no 总期号 to fill (it has none), and the check is
  // against other 增刊 only.
  await page.getByText("期号、日期与截稿时间").click();
  const meta = page.getByRole("form", { name: "期号、日期与截稿时间" });
  await expect(meta.getByLabel("总期号（总第M期）")).toHaveCount(0);
  await meta.getByLabel("截稿时间（可不填）").fill("2026-03-09T17:00");
  await meta.getByRole("button", { name: "保存期号与日期" }).click();
  // Saved: the page reads the issue again (the audit line), and the form stays open and says 已保存。
  // with the new deadline (it used to remount closed, so 已保存 was never seen).
  await expect(page.getByText("修改期号、日期与截稿时间").first()).toBeVisible();
  await expect(meta.getByRole("status")).toHaveText("已保存。");
  await expect(meta).toBeVisible();
  await expect(meta.getByLabel("截稿时间（可不填）")).toHaveValue("2026-03-09T17:00");
  await page.reload();
  await page.getByText("期号、日期与截稿时间", { exact: true }).click();
  await expect(meta.getByLabel("截稿时间（可不填）")).toHaveValue("2026-03-09T17:00");

  // The list names both by kind; the next regular issue proposed skips both numbers of the 合刊.
  await page.goto("/desk/issues");
  await expect(page.getByRole("link", { name: "2026年第3-4期合刊（总第120-121期）" })).toBeVisible();
  await expect(page.getByRole("link", { name: "2026年增刊第1期" })).toBeVisible();
  await page.getByLabel("期的类型").selectOption("regular");
  await expect(page.getByLabel("期号（第N期）")).toHaveValue("5");
  await expect(page.getByLabel("总期号（总第M期）")).toHaveValue("122");

  // Another year proposes that year's next number (总期号 runs on); back again, this year's.
  await page.getByLabel("年份").fill("2031");
  await expect(page.getByLabel("期号（第N期）")).toHaveValue("1");
  await expect(page.getByLabel("总期号（总第M期）")).toHaveValue("122");
  await page.getByLabel("年份").fill("2026");
  await expect(page.getByLabel("期号（第N期）")).toHaveValue("5");
  // A number the editor typed stays when the year changes; a used-looking one is pointed out.
  await page.getByLabel("期号（第N期）").fill("4");
  await expect(page.getByTestId("number-note")).toHaveText("第4期已被2026年第3-4期合刊使用，期号不能重复；按顺序下一期是第5期。");
  await page.getByRole("form", { name: "新建一期" }).screenshot({ path: test.info().outputPath("new-issue-typed-number.png") });
  await page.getByLabel("年份").fill("2031");
  await expect(page.getByLabel("期号（第N期）")).toHaveValue("4");
  await expect(page.getByTestId("number-note")).toHaveCount(0);

  // 增刊 and 专刊 count on their own: after 增刊第1期 the next 增刊 is 第2期, the first 专刊 第1期.
  await page.getByLabel("年份").fill("2026");
  await page.getByLabel("期的类型").selectOption("supplement");
  await expect(page.getByLabel("增刊期号（0 表示不编号）")).toHaveValue("2");
  await page.getByLabel("名称").selectOption("专刊");
  await expect(page.getByLabel("专刊期号（0 表示不编号）")).toHaveValue("1");
  await page.getByRole("form", { name: "新建一期" }).screenshot({ path: test.info().outputPath("new-issue-special-1.png") });
  await page.getByLabel("出刊日期").fill("2026-03-11");
  await page.getByRole("button", { name: "创建" }).click();
  await expect(page.getByRole("heading", { name: "编排 2026年专刊第1期" })).toBeVisible();
  const specialId = Number(page.url().split("/").pop());
  await page.goto("/desk/issues");
  await expect(page.getByRole("link", { name: "2026年专刊第1期" })).toBeVisible();

  // The audit log names each new issue as it is named: 增刊第1期 / 专刊第1期 without 总期号, a 合刊 by both numbers.
  for (const [id, line] of [
    [supplementId, "2026年增刊第1期，"],
    [specialId, "2026年专刊第1期，2026年3月11日"],
    [doubleId, "2026年第3-4期合刊（总第 120-121 期）"],
  ] as const) {
    await page.goto(`/audit?entity=issue&entityId=${id}`);
    const created = page.getByTestId("audit").locator('tr[data-action="create"] td.detail');
    await expect(created).toHaveText(new RegExp(`^${line}`));
    await expect(created).not.toContainText("第 1 期（总第 0 期）");
  }

  for (const [id, name, issueLine, total] of [
    [doubleId, "double", "2026年 第3-4期（合刊）", "(总第120-121期)"],
    [supplementId, "supplement", "2026年 增刊第1期", null],
  ] as const) {
    const txt = await page.request.get(`/api/issues/${id}/export?format=txt`);
    expect(txt.ok()).toBe(true);
    const text = await txt.text();
    expect(text).toContain(`\n\n${issueLine}\n\n`);
    if (total) expect(text).toContain(total);
    else expect(text).not.toContain("总第");
    writeFileSync(`${OUT}/${name}.txt`, text);
    const pdf = await page.request.get(`/api/issues/${id}/export?format=pdf`);
    expect(pdf.ok()).toBe(true);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    writeFileSync(`${OUT}/${name}.pdf`, await pdf.body());
  }
});

test("the office imports several past issues at once from a .zip and reads the report per file", async ({ browser }) => {
  const office = await as(browser, "office");
  const issue = (n: string, total: number, date: string) =>
    `科协每周动态\n\n〔2021〕第${n}期\n\n（总第${total}期）\n\n北京市科协办公室编　${date}\n\n区科协召开全委会\n\n1月5日，区科协召开全委会。（通讯员 张三）\n\n编辑：张红波\n`;
  const zip = zipSync({
    "2021-1.txt": new TextEncoder().encode(issue("一", 3501, "2021.1.8")),
    "2021-3.txt": new TextEncoder().encode(issue("三", 3503, "2021.1.22")),
    "2021-3-again.txt": new TextEncoder().encode(issue("三", 3503, "2021.1.22")),
  });
  await office.goto("/office/import");
  await office.getByLabel("多个文件或 .zip 压缩包").setInputFiles([{ name: "2021.zip", mimeType: "application/zip", buffer: Buffer.from(zip) }]);
  await office.getByRole("button", { name: "导入 1 个文件" }).click();
  const report = office.getByTestId("batch-report");
  await expect(report).toContainText("共 3 个文件：导入 2 个，未导入 1 个。");
  await expect(report.locator('tr[data-status="imported"]')).toHaveCount(2);
  await expect(report).toContainText("2021年第3期已存在，期号不能重复");
  await expect(report).toContainText("期号缺口：2021年缺第2期；总期号缺第3502期");
});

test("the admin keeps unit aliases and the numbering style; the exports follow the style", async ({ browser }) => {
  const admin = await as(browser, "admin");
  await admin.goto("/admin");
  const aliases = admin.getByRole("region", { name: "单位别名" });
  await aliases.getByLabel("别名").fill("市 老科协");
  await aliases.getByLabel("对应单位").selectOption({ label: "昌平区科协" });
  await aliases.getByRole("button", { name: "添加别名" }).click();
  await expect(aliases.getByTestId("unit-aliases")).toContainText("市老科协");
  // The same alias again is refused next to the field.
  await aliases.getByLabel("别名").fill("市老科协");
  await aliases.getByRole("button", { name: "添加别名" }).click();
  await expect(aliases.getByText("该名称已存在。")).toBeVisible();

  await admin.goto("/admin/settings");
  const numbering = admin.getByRole("form", { name: "期号样式与最近一期" });
  await numbering.getByLabel("期号数字").selectOption("chinese");
  await numbering.getByLabel("年份加六角括号（〔2024〕第21期）").check();
  await expect(numbering.getByText("样式示例：〔2024〕第二十一期")).toBeVisible();
  await numbering.getByRole("button", { name: "应用期号样式" }).click();
  await expect(numbering.getByRole("status")).toHaveText("已保存。");

  // The archive's 合刊 from the first test prints in the new style; then the style goes back.
  const editor = await editorPage(browser);
  await editor.goto("/desk/issues");
  const href = await editor.getByRole("link", { name: "2026年第3-4期合刊（总第120-121期）" }).getAttribute("href");
  const text = await (await editor.request.get(`/api/issues/${href?.split("/").pop()}/export?format=txt`)).text();
  expect(text).toContain("\n\n〔2026〕第三-四期（合刊）\n\n");
  writeFileSync(`${OUT}/double-chinese-numerals.txt`, text);
  await numbering.getByLabel("期号数字").selectOption("arabic");
  await numbering.getByLabel("年份加六角括号（〔2024〕第21期）").uncheck();
  await numbering.getByRole("button", { name: "应用期号样式" }).click();
  await expect(numbering.getByRole("status")).toHaveText("已保存。");
});

import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { as } from "../contributor/helpers";

// The assessment loop on the demo archive (the sample issues of 2023): the office records a leader's
// instruction on an archived item, the 采用统计 page counts it, the table exports, the unit sees its
// own figures and the notice; the admin versions the scoring rules.
test("the office records a 批示, reads the year's statistics and exports them; the unit sees its own figures", async ({ browser }) => {
  const office = await as(browser, "office");
  await office.goto("/office/items?q=两新组织");
  await office.getByRole("link", { name: "东城区科协邀请两新组织党员参加七一主题党日" }).click();
  await expect(office.getByRole("heading", { name: "批示与转报" })).toBeVisible();

  const form = office.getByRole("form", { name: "登记批示" });
  // Bad input: a clear message, nothing recorded.
  await form.getByLabel("批示日期").fill("2023-07-10");
  await form.getByRole("button", { name: "登记批示" }).click();
  await expect(form.getByRole("alert")).toBeVisible();
  await expect(office.getByTestId("recognition").getByRole("listitem")).toHaveCount(0);

  await form.getByLabel("批示领导").fill("市科协党组书记");
  await form.getByLabel("级别").selectOption("bureau");
  await form.getByLabel("批示内容").fill("东城区科协的做法很好，请在全市推广。");
  await form.getByRole("button", { name: "登记批示" }).click();
  await expect(office.getByTestId("recognition")).toContainText("市科协党组书记（厅局级）");
  // The log names the level in words, not its code (bureau).
  const desk = await as(browser, "editor");
  await desk.goto("/audit");
  await expect(desk.getByTestId("audit")).toContainText("批示：市科协党组书记（厅局级）");

  await office.goto("/stats?period=year&year=2023");
  await expect(office.getByTestId("stats-period")).toContainText("2023年");
  const row = office.getByTestId("stats-table").getByRole("row").filter({ hasText: "东城区科协" });
  // 东城区科协 in 2023: one item in the contents highlights (1 + 5) and now a bureau-level instruction (10).
  await expect(row).toContainText("16");
  await expect(row.getByRole("cell").first()).toHaveText("1");
  await expect(office.locator(".recharts-surface").first()).toBeVisible();

  const download = office.waitForEvent("download");
  await office.getByRole("link", { name: "下载 Excel 表" }).click();
  const file = await (await download).path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const first = (wb.worksheets[0].getRow(3).values as unknown[]).slice(1);
  expect(first.slice(0, 2)).toEqual([1, "东城区科协"]);

  const report = await office.request.get("/api/stats/export?period=year&year=2023&format=html");
  expect(await report.text()).toContain("关于2023年各单位信息报送采用情况的通报");

  // The unit: its own figures and rank, the notice; not the office's page.
  const unit = await as(browser, "dongcheng");
  await unit.goto("/items/stats?period=year&year=2023");
  await expect(unit.getByTestId("my-stats")).toContainText("东城区科协");
  await expect(unit.getByTestId("my-stats")).toContainText("总排名：第 1 名");
  await unit.goto("/notifications");
  await unit.getByText(/获市科协党组书记批示/).click();
  // The notice leads to the unit's own item page, which shows the instruction.
  await expect(unit.getByTestId("recognition")).toContainText("东城区科协的做法很好，请在全市推广。");
  // The desk sees it on the item too.
  const editor = await as(browser, "editor");
  await editor.goto(unit.url().replace(/\/items\//, "/desk/items/").replace(/^https?:\/\/[^/]+/, ""));
  await expect(editor.getByTestId("recognition")).toContainText("市科协党组书记");
  await unit.goto("/stats");
  await expect(unit.getByTestId("forbidden")).toBeVisible();
  expect((await unit.request.get("/api/stats/export?format=xlsx")).status()).toBe(403);
});

test("the admin saves a new version of the scoring rules", async ({ browser }) => {
  const admin = await as(browser, "admin");
  await admin.goto("/admin/scoring");
  const form = admin.getByRole("form", { name: "计分办法（信息工作考核办法）" });
  await form.getByLabel("生效日期").fill("2026-01-01");
  await form.getByLabel("刊发头条（分）").fill("-3");
  await form.getByRole("button", { name: "保存为新版本" }).click();
  await expect(form.locator(".field-error")).toBeVisible();
  await form.getByLabel("刊发头条（分）").fill("12");
  await form.getByRole("button", { name: "保存为新版本" }).click();
  await expect(form.getByText("已保存。")).toBeVisible();
  await expect(admin.getByTestId("rule-versions").getByRole("row").filter({ hasText: "2026-01-01" })).toContainText("12");
});

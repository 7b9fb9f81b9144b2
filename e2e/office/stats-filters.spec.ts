import { expect, test } from "@playwright/test";
import { as } from "../contributor/helpers";

const SHOTS = process.env.FIXA_SHOTS ?? "";

// A bad statistics filter is named beside the filters (which one, what is wrong), the field is
// marked, and the page says it shows this month instead; periods read in Chinese dates; a range is
// named once (page and 通报); the count axis ticks in whole numbers.
test("the statistics pages name a bad filter beside the filters and say what they show instead", async ({ browser }) => {
  const office = await as(browser, "office");
  const problem = office.getByTestId("stats-problem");

  await office.goto("/stats?period=range&from=2023-09-01&to=2023-01-01");
  await expect(problem).toHaveText(/^结束日期（2023年1月1日）早于开始日期（2023年9月1日）：请把结束日期改为开始日期当天或之后。因此下面显示的是本月（\d{4}年\d{1,2}月）的统计，不是所选的区间。$/);
  const filters = office.getByRole("form", { name: "筛选" });
  for (const label of ["开始日期", "结束日期"]) {
    await expect(filters.getByLabel(label)).toHaveAttribute("aria-invalid", "true");
    await expect(filters.getByLabel(label)).toHaveAttribute("aria-describedby", "stats-filter-problem");
  }
  // The fields keep what was sent, to be corrected.
  await expect(filters.getByLabel("开始日期")).toHaveValue("2023-09-01");
  await expect(filters.getByLabel("统计周期")).toHaveValue("range");
  await expect(office.getByTestId("stats-period")).toHaveText(/^统计区间：\d{4}年\d{1,2}月（\d{4}年\d{1,2}月1日至\d{4}年\d{1,2}月\d{1,2}日）$/);
  if (SHOTS) await office.screenshot({ path: `${SHOTS}/stats-bad-range.png`, fullPage: false });

  // Only the chosen period kind's fields show, and they follow the select without a reload.
  await office.goto("/stats?period=year&year=2023");
  await expect(filters.getByLabel("年份")).toBeVisible();
  // By name: a label's accessible name holds its control's value or options (年份 2023, 月度季度…).
  const NAMES: Record<string, string> = { 年份: "year", 月份: "month", 季度: "quarter", 开始日期: "from", 结束日期: "to" };
  const field = (label: string) => filters.locator(`[name="${NAMES[label]}"]`);
  for (const label of Object.keys(NAMES)) await expect(field(label)).toHaveCount(1);
  for (const label of ["月份", "季度", "开始日期", "结束日期"]) await expect(field(label)).toBeHidden();
  await filters.getByLabel("统计周期").selectOption("range");
  for (const label of ["开始日期", "结束日期"]) await expect(field(label)).toBeVisible();
  for (const label of ["年份", "月份", "季度"]) await expect(field(label)).toBeHidden();
  await filters.getByLabel("统计周期").selectOption("month");
  for (const label of ["年份", "月份"]) await expect(field(label)).toBeVisible();
  await expect(field("季度")).toBeHidden();

  await office.goto("/stats?period=month&year=abc");
  await expect(problem).toContainText("年份「abc」不正确：请填写 2000 至 2100 之间的四位年份。因此下面显示的是本月");
  await expect(filters.getByLabel("年份")).toHaveAttribute("aria-invalid", "true");
  await expect(filters.getByLabel("开始日期")).not.toHaveAttribute("aria-invalid", "true");
  await office.goto("/stats?period=zzz");
  await expect(problem).toContainText("统计周期「zzz」不正确");
  await office.goto("/stats?period=month&year=2026&month=13");
  await expect(problem).toContainText("月份「13」不正确：应为 1 至 12 月。");
  // Only the unit kind is wrong: the chosen period is kept, every kind shown, and the page says so.
  await office.goto("/stats?period=year&year=2023&kind=zzz");
  await expect(problem).toContainText("因此下面显示的是所选区间内所有类别单位的统计。");
  await expect(office.getByTestId("stats-period")).toContainText("2023年");

  // Periods in Chinese dates; a range that is only dates is named once.
  await office.goto("/stats?period=month&year=2026&month=11");
  await expect(problem).toHaveCount(0);
  await expect(office.getByTestId("stats-period")).toHaveText("统计区间：2026年11月（2026年11月1日至2026年11月30日）");
  await office.goto("/stats?period=range&from=2023-07-01&to=2023-08-31");
  await expect(office.getByTestId("stats-period")).toHaveText("统计区间：2023年7月1日至2023年8月31日");
  const report = await (await office.request.get("/api/stats/export?period=range&from=2023-07-01&to=2023-08-31&format=html")).text();
  expect(report).toContain("2023年7月1日至2023年8月31日，共有");
  expect(report).not.toContain("（2023年7月1日至2023年8月31日）");

  // The count axis of the units chart: whole numbers only.
  await office.goto("/stats?period=year&year=2023");
  const ticks = office.locator(".recharts-surface").first().locator(".recharts-cartesian-axis-tick-value");
  await expect(ticks.first()).toBeVisible();
  const values = (await ticks.allTextContents()).map((s) => s.trim()).filter((s) => /^[\d.]+$/.test(s));
  expect(values.length).toBeGreaterThan(1);
  expect(values.every((v) => /^\d+$/.test(v)), values.join(" ")).toBe(true);
  if (SHOTS) await office.locator(".stats-charts").screenshot({ path: `${SHOTS}/stats-chart-2023.png` });
  await office.context().close();

  // The unit's own page: the same naming.
  const unit = await as(browser, "dongcheng");
  await unit.goto("/items/stats?period=range&from=2023-09-01");
  await expect(unit.getByTestId("stats-problem")).toContainText("统计周期为“自定义”时，请填写结束日期。因此下面显示的是本月");
  await expect(unit.getByRole("form", { name: "筛选" }).getByLabel("结束日期")).toHaveAttribute("aria-invalid", "true");
  await unit.goto("/items/stats?period=range&from=2023-09-01&to=2023-01-01");
  await expect(unit.getByTestId("stats-problem")).toContainText("结束日期（2023年1月1日）早于开始日期（2023年9月1日）");
  if (SHOTS) await unit.screenshot({ path: `${SHOTS}/my-stats-bad-range.png` });
  await unit.context().close();
});

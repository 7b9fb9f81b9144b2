import { expect, test } from "@playwright/test";
import { editorPage } from "./helpers";

const SHOTS = process.env.FIXA_SHOTS ?? "";

// The new-issue form points out, beside the field, a number another issue holds (naming it) and a
// 出刊日期 outside the chosen year (with a date to take instead). Nothing is created here.
test("the new-issue form names the issue holding a 期号 or 总期号, and points out a date in another year", async ({ browser }) => {
  const page = await editorPage(browser);
  await page.goto("/desk/issues");
  const form = page.getByRole("form", { name: "新建一期" });
  await page.getByLabel("期的类型").selectOption("regular");
  const today = await page.getByLabel("出刊日期").inputValue();
  const thisYear = Number(today.slice(0, 4));
  const [, mm, dd] = today.split("-").map(Number);
  const zh = (y: number, m: number, d: number) => `${y}年${m}月${d}日`;

  // The seeded archive holds 2023年第25期, 总第78期.
  await page.getByLabel("年份").fill("2023");
  await page.getByLabel("期号（第N期）").fill("25");
  await expect(page.getByTestId("number-note")).toHaveText(/^第25期已被2023年第25期使用，期号不能重复；按顺序下一期是第\d+期。$/);
  await page.getByLabel("总期号（总第M期）").fill("78");
  await expect(page.getByTestId("total-note")).toHaveText(/^总第78期已被2023年第25期使用，总期号不能重复；按顺序下一期是总第\d+期。$/);
  await expect(page.getByLabel("总期号（总第M期）")).toHaveAttribute("aria-describedby", /total/);

  // The year changed, the date did not: said beside the date, proposing the same day in 2023.
  const note = page.getByTestId("date-note");
  await expect(note).toContainText(`出刊日期${zh(thisYear, mm, dd)}不在2023年。建议改为2023年的同月同日：${zh(2023, mm, dd)}。`);
  await expect(page.getByLabel("出刊日期")).toHaveAttribute("aria-invalid", "true");
  if (SHOTS) await form.screenshot({ path: `${SHOTS}/new-issue-notes.png` });
  // 创建 anyway: the form goes to the date and sends nothing (the server would refuse it too, naming both).
  await page.getByRole("button", { name: "创建" }).click();
  await expect(page.getByLabel("出刊日期")).toBeFocused();
  await expect(note).toBeVisible();
  await expect(page).toHaveURL(/\/desk\/issues$/);

  // This year with a date of last year: the proposal is today, and says so; the button takes it.
  await page.getByLabel("年份").fill(String(thisYear));
  await page.getByLabel("出刊日期").fill(`${thisYear - 1}-05-08`);
  await expect(note).toContainText(`出刊日期${zh(thisYear - 1, 5, 8)}不在${thisYear}年。${thisYear}年是今年，建议改为今天：${zh(thisYear, mm, dd)}。`);
  await note.getByRole("button", { name: `改用${zh(thisYear, mm, dd)}` }).click();
  await expect(page.getByLabel("出刊日期")).toHaveValue(today);
  await expect(note).toHaveCount(0);
  await page.context().close();
});

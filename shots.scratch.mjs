import { chromium } from "playwright-core";
const base = "http://localhost:3165";
const out = "/work/artifacts/calls";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
async function as(user, fn) {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: "zh-CN" });
  const page = await ctx.newPage();
  await page.goto(base + "/login");
  await page.getByLabel("用户名").fill(user);
  await page.getByLabel("密码").fill("jianbao2026");
  await page.getByRole("button", { name: "登录" }).click();
  await page.getByRole("link", { name: "退出登录" }).waitFor();
  await fn(page);
  await ctx.close();
}
const shot = (page, name) => page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
const step = process.argv[2] ?? "all";
if (step === "all" || step === "search") {
  await as("editor", async (page) => {
    for (const [q, name] of [["科普", "search-kepu"], ["科技工作者", "search-kejigongzuozhe"]]) {
      await page.goto(`${base}/search?q=${encodeURIComponent(q)}`);
      await page.getByTestId("search-summary").waitFor();
      console.log(q, await page.getByTestId("search-summary").innerText(), "marks:", await page.locator("mark").count());
      await shot(page, name);
    }
    await page.goto(`${base}/desk/calls`);
    await shot(page, "desk-calls");
    await page.getByRole("link", { name: "全国科技工作者日活动情况" }).click();
    await page.getByTestId("call-units").waitFor();
    await shot(page, "desk-call-detail");
  });
  await as("dongcheng", async (page) => {
    await page.goto(`${base}/notifications`);
    await shot(page, "notifications-dongcheng");
    await page.goto(`${base}/items/new`);
    await page.getByTestId("guidance-panel").waitFor();
    await shot(page, "item-form-guidance");
  });
  await as("shijingshan", async (page) => {
    await page.goto(`${base}/notifications`);
    await shot(page, "notifications-shijingshan");
    await page.goto(`${base}/items`);
    await shot(page, "items-open-calls-shijingshan");
  });
  await as("changping", async (page) => {
    await page.goto(`${base}/notifications`);
    await shot(page, "notifications-changping");
    await page.goto(`${base}/search?q=${encodeURIComponent("科普")}`);
    await shot(page, "search-kepu-contributor");
  });
}
if (step === "all" || step === "register") {
  await as("office", async (page) => {
    await page.goto(`${base}/office/register`);
    await page.getByTestId("register").waitFor();
    await shot(page, "register-page");
    const dl = page.waitForEvent("download");
    await page.getByRole("link", { name: "导出 Excel" }).click();
    const d = await dl;
    await d.saveAs(`${out}/register-2026.xlsx`);
    await page.goto(`${base}/office/archive`);
    await shot(page, "archive");
  });
  await as("editor", async (page) => {
    const id = await page.goto(`${base}/search?q=${encodeURIComponent("科技工作者")}`).then(() => page.locator('a[href^="/office/archive/"]').first().getAttribute("href"));
    console.log("read link", id);
    if (id) {
      await page.goto(base + id);
      await page.getByTestId("read-frame").waitFor();
      console.log(await page.getByTestId("read-hits").innerText());
      await page.waitForTimeout(1500);
      await shot(page, "archive-read-highlighted");
    }
  });
}
await browser.close();

import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { as } from "../contributor/helpers";

// Issue 15 §4: when several PDF exports are queued, the office sees its place in the queue and a
// progress indicator while it waits, then gets the file; a job's status is its starter's only.
test("a PDF export behind a burst shows its place in the queue, then downloads; nobody else reads the job", async ({ browser }) => {
  test.setTimeout(180_000);
  const office = await as(browser, "office");
  await office.goto("/office/archive");
  const exports = office.locator('[data-testid^="exports-"]').first();
  const issueId = Number((await exports.getAttribute("data-testid"))?.replace("exports-", ""));
  expect(issueId).toBeGreaterThan(0);

  // Eight exports already asked for (three pages render at once): ours waits behind five.
  const started = await Promise.all(Array.from({ length: 8 }, () => office.request.post(`/api/pdf-jobs?issue=${issueId}`)));
  expect(started.map((r) => r.status())).toEqual(Array(8).fill(202));
  const firstJob = ((await started[7].json()) as { id: string; state: string; ahead: number; message: string });
  expect(firstJob.state).toBe("queued");
  expect(firstJob.message).toMatch(/^排队中，前面还有 \d+ 个$|^排队中，下一个就轮到您$/);

  const download = office.waitForEvent("download", { timeout: 120_000 });
  await exports.getByTestId("export-pdf").click();
  const status = exports.getByTestId("export-pdf-status");
  await expect(status).toHaveAttribute("role", "status");
  await expect(status).toContainText(/排队中，前面还有 \d+ 个|排队中，下一个就轮到您/);
  await expect(status.getByRole("progressbar", { name: "PDF 导出进度" })).toBeVisible();
  await exports.screenshot({ path: test.info().outputPath("pdf-queue-waiting.png") });
  await expect(status).toContainText("正在生成 PDF…", { timeout: 120_000 });
  await exports.screenshot({ path: test.info().outputPath("pdf-queue-rendering.png") });
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/^科协每周动态-.*\.pdf$/);
  expect(execFileSync("pdftotext", [await pdf.path(), "-"], { encoding: "utf8" })).toContain("科协每周动态");
  await expect(status).toContainText("PDF 已生成");

  // The job is the office's: the editor (who may export the issue) gets 404, a unit 403, a visitor 401.
  const editor = await as(browser, "editor");
  expect((await editor.request.get(`/api/pdf-jobs/${firstJob.id}`)).status()).toBe(404);
  expect((await editor.request.get(`/api/pdf-jobs/${firstJob.id}?file=1`)).status()).toBe(404);
  const unit = await as(browser, "changping");
  expect((await unit.request.get(`/api/pdf-jobs/${firstJob.id}`)).status()).toBe(403);
  expect((await unit.request.post(`/api/pdf-jobs?issue=${issueId}`)).status()).toBe(403);
  const visitor = await browser.newContext();
  const anon = await visitor.request.get(`/api/pdf-jobs/${firstJob.id}`, { maxRedirects: 0 });
  expect(anon.status() === 401 || /\/login/.test(anon.headers()["location"] ?? "")).toBe(true);
  // The office itself reads it, and the file once done.
  await expect.poll(async () => ((await (await office.request.get(`/api/pdf-jobs/${firstJob.id}`)).json()) as { state: string }).state, { timeout: 120_000 }).toBe("done");
  const file = await office.request.get(`/api/pdf-jobs/${firstJob.id}?file=1`);
  expect(file.headers()["content-type"]).toBe("application/pdf");
  expect((await file.body()).subarray(0, 5).toString()).toBe("%PDF-");
});

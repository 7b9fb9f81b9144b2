import { expect, test } from "@playwright/test";
import { as } from "../contributor/helpers";

// A route handler's bad query parameter is named in the answer — the one that is wrong, in Chinese
// — and nothing is started (lib/api/query.ts).
test("a bad query parameter is named in Chinese with a 400, for each parameter of each export route", async ({ browser }) => {
  const office = await as(browser, "office");
  await office.goto("/office/archive");
  const issueId = Number((await office.locator('[data-testid^="exports-"]').first().getAttribute("data-testid"))?.replace("exports-", ""));
  expect(issueId).toBeGreaterThan(0);
  const answer = async (res: import("@playwright/test").APIResponse) => ({ status: res.status(), body: (await res.json()) as { error: string; fieldErrors?: Record<string, string> } });

  const cases: [string, "post" | "get", string, string][] = [
    [`/api/pdf-jobs?issue=${issueId}&revision=-1`, "post", "revision", "请求参数 revision（版次）的值「-1」不正确。"],
    [`/api/pdf-jobs?issue=${issueId}&revision=abc`, "post", "revision", "请求参数 revision（版次）的值「abc」不正确。"],
    [`/api/pdf-jobs?issue=abc`, "post", "issue", "请求参数 issue（期的编号）的值「abc」不正确。"],
    [`/api/pdf-jobs`, "post", "issue", "请求参数 issue（期的编号）的值「（未填写）」不正确。"],
    [`/api/issues/${issueId}/export?format=docx&revision=0`, "get", "revision", "请求参数 revision（版次）的值「0」不正确。"],
    [`/api/issues/${issueId}/export?format=exe`, "get", "format", "请求参数 format（导出格式）的值「exe」不正确。"],
    [`/api/stats/export?format=exe`, "get", "format", "请求参数 format（导出格式）的值「exe」不正确。"],
    [`/api/register/20x6`, "get", "year", "请求参数 year（年份）的值「20x6」不正确。"],
    [`/api/register/2026?format=zzz`, "get", "format", "请求参数 format（导出格式）的值「zzz」不正确。"],
    // The statistics filters, each named with its value; an end before the start names both.
    [`/api/stats/export?format=xlsx&period=month&year=abc`, "get", "year", "请求参数 year（年份）的值「abc」不正确。"],
    [`/api/stats/export?format=xlsx&period=zzz`, "get", "period", "请求参数 period（统计周期）的值「zzz」不正确。"],
    [`/api/stats/export?format=xlsx&period=month&month=13`, "get", "month", "请求参数 month（月份）的值「13」不正确。"],
    [`/api/stats/export?format=xlsx&period=range&from=2026-13-01&to=2026-12-31`, "get", "from", "请求参数 from（开始日期）的值「2026-13-01」不正确。"],
    [`/api/stats/export?format=xlsx&period=range&from=2023-09-01`, "get", "to", "请求参数 to（结束日期）的值「（未填写）」不正确。"],
    [`/api/stats/export?format=xlsx&period=range&from=2023-09-01&to=2023-01-01`, "get", "to", "请求参数 to（结束日期）的值「2023-01-01」早于 from（开始日期）的值「2023-09-01」：结束日期不能早于开始日期。"],
  ];
  for (const [url, method, field, message] of cases) {
    const { status, body } = await answer(await office.request[method](url));
    expect(status, url).toBe(400);
    expect(body.error, url).toBe(message);
    expect(Object.keys(body.fieldErrors ?? {}), url).toEqual([field]);
  }
  // The register's one format still downloads.
  expect((await office.request.get("/api/register/2023?format=xlsx")).headers()["content-type"]).toContain("spreadsheetml");
  await office.context().close();
});

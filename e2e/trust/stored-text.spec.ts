import { expect, test } from "@playwright/test";
import { as } from "../review/helpers";
import { expectSaved, focusEndOfBody, openForm } from "../contributor/helpers";
import { openDb } from "./surface";

// Text saved before the text rule (issue 10.5) may hold a no-break space. A form that loads it and
// sends it back unchanged must not be refused for a character nobody can see: it is cleaned on load
// and the person is told, as the body editor's guard does.
const NBSP = "\u00a0";

function write(sql: string, ...args: unknown[]) {
  const db = openDb(false);
  try {
    db.prepare(sql).run(...args);
  } finally {
    db.close();
  }
}
function read<T>(sql: string, ...args: unknown[]): T {
  const db = openDb();
  try {
    return db.prepare(sql).get(...args) as T;
  } finally {
    db.close();
  }
}

test("settings stored with a no-break space (title, default distribution) are cleaned on load, said, and saved unchanged", async ({ browser }) => {
  const before = read<{ title: string; distribution: string }>("select title, distribution from publications order by id limit 1");
  const groups = JSON.parse(before.distribution) as string[];
  write("update publications set title = ?, distribution = ?", `科协每周${NBSP}动态`, JSON.stringify([`市科协${NBSP}驻会领导`, ...groups.slice(1)]));
  try {
    const admin = await as(browser, "admin");
    await admin.goto("/admin/settings");
    const notice = admin.getByTestId("settings-cleaned");
    await expect(notice).toContainText("不间断空格（U+00A0）2 个");
    await expect(admin.getByLabel("刊物名称")).toHaveValue("科协每周 动态");
    await admin.getByRole("button", { name: "保存", exact: true }).first().click();
    await expect(admin.getByText("已保存。")).toBeVisible();
    const after = read<{ title: string; distribution: string }>("select title, distribution from publications order by id limit 1");
    expect(after.title).toBe("科协每周 动态");
    expect(JSON.parse(after.distribution)[0]).toBe("市科协 驻会领导");
  } finally {
    write("update publications set title = ?, distribution = ?", before.title, before.distribution);
  }
});

test("a user's stored name with a no-break space does not block a role change; a unit's draft title is cleaned and said", async ({ browser }) => {
  const user = read<{ id: number; display_name: string }>("select id, display_name from users where username = 'dongcheng'");
  write("update users set display_name = ? where id = ?", `陈${NBSP}静`, user.id);
  try {
    const admin = await as(browser, "admin");
    await admin.goto("/admin");
    await admin.getByRole("navigation", { name: "系统管理" }).getByRole("link", { name: "用户", exact: true }).click();
    await admin.getByRole("button", { name: "修改 dongcheng" }).click();
    const form = admin.getByRole("form", { name: "修改 dongcheng" });
    await expect(form.getByTestId("user-name-cleaned")).toContainText("不间断空格（U+00A0）1 个");
    await form.getByRole("button", { name: "保存", exact: true }).click();
    await expect(form).toHaveCount(0);
    expect(read<{ display_name: string }>("select display_name from users where id = ?", user.id).display_name).toBe("陈 静");
  } finally {
    write("update users set display_name = ? where id = ?", user.display_name, user.id);
  }

  // A draft whose stored title has a no-break space: the form opens with it cleaned and says so.
  const unit = await as(browser, "changping");
  await openForm(unit);
  await unit.getByLabel("标题").fill(`旧稿件标题${Date.now() % 100000}`);
  await focusEndOfBody(unit);
  await unit.keyboard.type("这是规则之前保存的草稿。");
  await expectSaved(unit);
  const id = Number(unit.url().split("/").pop());
  const title = read<{ title: string }>("select title from items where id = ?", id).title;
  write("update items set title = ? where id = ?", title.replace("稿件", `稿件${NBSP}`), id);
  await openForm(unit, `/items/${id}`);
  await expect(unit.getByTestId("item-stored-cleaned")).toContainText("不间断空格（U+00A0）1 个");
  await expect(unit.getByLabel("标题")).toHaveValue(title.replace("稿件", "稿件 "));
});

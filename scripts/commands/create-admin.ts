// npm run --silent bulletin -- create-admin --username NAME --name 姓名 --title 刊物名称 --office 编印单位
// Creates the first admin and the publication in an empty database (started with SEED_DEMO=0), as
// the first-run page does. The password is read from the first line of standard input (or from
// BULLETIN_ADMIN_PASSWORD), never from the command line; refused once any user exists.
import { readFileSync } from "node:fs";
import { bookTitle } from "@/lib/text/book-title";

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function run(args: string[]): Promise<number> {
  const input = {
    username: option(args, "username") ?? "",
    displayName: option(args, "name") ?? "",
    title: option(args, "title") ?? "",
    office: option(args, "office") ?? "",
  };
  if (!input.username || !input.displayName || !input.title || !input.office) {
    console.error("用法：echo 密码 | npm run --silent bulletin -- create-admin --username 用户名 --name 姓名 --title 刊物名称 --office 编印单位");
    return 2;
  }
  const password = process.env.BULLETIN_ADMIN_PASSWORD ?? readFileSync(0, "utf8").split(/\r?\n/)[0] ?? "";
  const { createFirstAdmin, firstRunSchema } = await import("@/lib/data/first-run");
  const { AppError } = await import("@/lib/data/errors");
  const { describeIssues } = await import("@/lib/text/rule");
  const parsed = firstRunSchema.safeParse({ ...input, password, confirm: password });
  if (!parsed.success) {
    const { errors } = JSON.parse(readFileSync("lib/i18n/messages/zh-CN/common.json", "utf8")) as { errors: { fields: Record<string, string> } };
    const lines = describeIssues(parsed.error.issues).map((l, i) => errors.fields[parsed.error.issues[i].message] ?? l);
    console.error(`未创建：${lines.join("；")}`);
    return 1;
  }
  try {
    const r = createFirstAdmin(parsed.data);
    console.log(`已创建管理员 ${input.username}（用户 ${r.userId}）和刊物${bookTitle(input.title)}。请用这个账号登录。`);
    return 0;
  } catch (e) {
    if (e instanceof AppError && e.code === "not_allowed_now") {
      console.error("未创建：数据库中已有账号，create-admin 只用于空数据库。");
      return 1;
    }
    if (e instanceof AppError && e.code === "password_demo") {
      console.error("未创建：不能使用演示账号的公开密码，请设一个只有您知道的密码。");
      return 1;
    }
    throw e;
  }
}

// npm run --silent bulletin -- COMMAND …
//   parse FILE                                    the parsed past issue as JSON on stdout
//   import [--accept-title] [--json] FILE…         past issues (.txt .md .docx, or a .zip) into the archive
//   render FILE --format pdf|txt|docx|json --out PATH
//   create-admin --username U --name N --title T --office O   the first admin (password on stdin)
//   read-item FILE                                one item (.docx, clipboard .html, .txt) as JSON
//   check FILE.txt [--fix]                        copy-check findings as JSON, or the fixed text
//   stats --from YYYY-MM-DD --to YYYY-MM-DD [--format json|csv] [--report PATH.pdf|.docx]
// Each command lives in scripts/commands/ and calls the same lib/ functions as the app.
const COMMANDS: Record<string, () => Promise<{ run(args: string[]): Promise<number> }>> = {
  parse: () => import("./commands/parse"),
  import: () => import("./commands/import"),
  render: () => import("./commands/render"),
  "create-admin": () => import("./commands/create-admin"),
  "read-item": () => import("./commands/read-item"),
  check: () => import("./commands/check"),
  stats: () => import("./commands/stats"),
};

const USAGE = `用法：npm run --silent bulletin -- <命令> …
  parse 文件.txt                                  解析往期文本，输出 JSON
  import [--accept-title] [--json] 文件…         把往期（.txt、.md、.docx 或 .zip）导入归档，逐个报告
  render 文件 --format pdf|txt|docx|json --out 路径  不经数据库，把简报文档渲染为文件
  create-admin --username 用户名 --name 姓名 --title 刊物名称 --office 编印单位
                                                  空数据库（SEED_DEMO=0）中创建管理员和刊物，密码从标准输入读取
  read-item 文件                                  读取一篇稿件（.docx、剪贴板 .html、.txt），输出 JSON
  check 文件.txt [--fix]                          校对（每行一段），输出问题 JSON；--fix 输出全部修正后的文本
  stats --from 日期 --to 日期 [--format json|csv]     各单位报送采用统计与得分（按得分排名）
`;

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  const load = command ? COMMANDS[command] : undefined;
  if (!load) {
    process.stderr.write(USAGE);
    return 2;
  }
  return (await load()).run(args);
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);

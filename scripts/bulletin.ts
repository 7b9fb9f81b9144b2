// npm run --silent bulletin -- COMMAND …
//   parse FILE                                    the parsed past issue as JSON on stdout
//   import FILE…                                  past issues into the archive
//   render FILE --format pdf|txt|docx|json --out PATH
//   stats --from YYYY-MM-DD --to YYYY-MM-DD [--format json|csv] [--report PATH.pdf|.docx]
// Each command lives in scripts/commands/ and calls the same lib/ functions as the app.
const COMMANDS: Record<string, () => Promise<{ run(args: string[]): Promise<number> }>> = {
  parse: () => import("./commands/parse"),
  import: () => import("./commands/import"),
  render: () => import("./commands/render"),
  stats: () => import("./commands/stats"),
};

const USAGE = `用法：npm run --silent bulletin -- <命令> …
  parse 文件.txt                                  解析往期文本，输出 JSON
  import 文件…                                    把往期（.txt 或 .docx）导入归档
  render 文件 --format pdf|txt|docx|json --out 路径  不经数据库，把简报文档渲染为文件
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

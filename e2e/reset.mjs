// Run by Playwright's webServer command before the app starts: every e2e run begins on a fresh,
// seeded database — and the guard refuses to delete anything that is not an e2e folder under data/.
import { rmSync } from "node:fs";
import path from "node:path";

const dir = process.argv[2] ?? "";
const rel = path.relative(path.resolve("data"), path.resolve(dir));
if (!/^e2e(-[\w-]+)?$/.test(rel)) {
  console.error(`Refusing to reset ${dir}: e2e runs use data/e2e or data/e2e-<run> only.`);
  process.exit(1);
}
rmSync(dir, { recursive: true, force: true });

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "@/db/open";
import { seedDemo } from "@/db/seed";

// Every test file gets its own SQLite file, created from the real migrations (db/open.ts) and —
// unless the file sets SEED_DEMO=0 first — loaded with the demo data, as `npm run setup` does.
// Opening the database never seeds, so the seed runs here, on its own connection, before
// db/index.ts opens the app's.
const dir = mkdtempSync(path.join(tmpdir(), "jianbao-test-"));
process.env.DATABASE_PATH = path.join(dir, "test.sqlite");
process.env.AUTH_SECRET_FILE = path.join(dir, "auth-secret");
process.env.SEED_DEMO ??= "1";
if (process.env.SEED_DEMO === "1") {
  const db = openDatabase(process.env.DATABASE_PATH);
  seedDemo(db);
  db.$client.close();
}

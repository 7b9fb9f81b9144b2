import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Every test file gets its own SQLite file, created from the real migrations by db/index.ts.
const dir = mkdtempSync(path.join(tmpdir(), "jianbao-test-"));
process.env.DATABASE_PATH = path.join(dir, "test.sqlite");
process.env.AUTH_SECRET_FILE = path.join(dir, "auth-secret");
process.env.SEED_DEMO ??= "1";

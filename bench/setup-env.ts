// Runs before anything else the bench imports: a throwaway database, and the data layer's
// `server-only` guard (meant for the Next.js server) resolved to the same stub the unit tests use.
import { mkdtempSync } from "node:fs";
import Module from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

const dir = mkdtempSync(path.join(tmpdir(), "jianbao-bench-"));
process.env.DATABASE_PATH = path.join(dir, "bench.sqlite");
process.env.AUTH_SECRET_FILE = path.join(dir, "auth-secret");
process.env.SEED_DEMO = "1";
// Opening the database never seeds (db/open.ts); the bench wants the demo data, as `npm run setup` loads it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { openDatabase } = require("../db/open") as typeof import("../db/open");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { seedDemo } = require("../db/seed") as typeof import("../db/seed");
{
  const db = openDatabase(process.env.DATABASE_PATH);
  seedDemo(db);
  db.$client.close();
}

const stub = path.join(__dirname, "../lib/testing/server-only-stub.ts");
const m = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const resolve = m._resolveFilename;
m._resolveFilename = function (request: string, ...rest: unknown[]) {
  return request === "server-only" ? stub : resolve.call(this, request, ...rest);
};

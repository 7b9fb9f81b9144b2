import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { mkdirSync } from "node:fs";
import path from "node:path";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_DIR = path.join(process.cwd(), "db", "migrations");

/**
 * Opens (creating if needed) the SQLite file and applies every committed migration — nothing else:
 * the demo data is loaded only by `npm run setup` (scripts/setup.ts, SEED_DEMO≠0) or a test's setup.
 * Used by the app, the CLI scripts and the tests alike.
 *
 * Every `db.transaction(...)` begins IMMEDIATE unless told otherwise: a write transaction that reads
 * first would otherwise fail with "database is locked" (SQLITE_BUSY, not retried by busy_timeout)
 * when another connection writes between its read and its write — two `bulletin import` runs at once.
 */
export function openDatabase(file: string): Db {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn, config) => transaction(fn, { behavior: "immediate", ...config })) as typeof db.transaction;
  return db;
}

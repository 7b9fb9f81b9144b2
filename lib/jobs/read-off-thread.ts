import { Worker } from "node:worker_threads";

/**
 * Read-only SQL on a worker thread with its own SQLite connection, so a slow read (a search that
 * must read every item, a report over years) does not hold up the one server thread where every
 * other request — autosaves above all — runs its database calls. SQLite in WAL mode lets the
 * worker read while the main connection writes.
 *
 * The query comes as SQL and parameters (drizzle's `.toSQL()` of the same builder the synchronous
 * path runs), and rows come back as arrays in the select's column order (better-sqlite3's raw
 * mode): the caller maps them. A small pool of workers, started on first use and kept; each answers
 * its requests in order. Not for writes: the connections are opened read-only.
 */

const SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require("better-sqlite3");
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma("busy_timeout = 5000");
const statements = new Map();
parentPort.on("message", ({ id, sql, params }) => {
  try {
    let st = statements.get(sql);
    if (!st) {
      st = db.prepare(sql);
      st.raw(true);
      statements.set(sql, st);
    }
    parentPort.postMessage({ id, rows: st.all(...params) });
  } catch (e) {
    parentPort.postMessage({ id, error: e && e.message ? e.message : String(e) });
  }
});
`;

interface Pending {
  resolve: (rows: unknown[][]) => void;
  reject: (e: Error) => void;
}
interface Reader {
  file: string;
  worker: Worker;
  next: number;
  pending: Map<number, Pending>;
}

/**
 * Readers kept per process: two, so one long read (a ten-year report) does not hold up the next
 * search behind it; each query goes to the reader with the fewest waiting. READER_THREADS overrides.
 */
const POOL_SIZE = Math.max(1, Math.min(8, Number(process.env.READER_THREADS) || 2));
const g = globalThis as unknown as { __jianbaoReaders?: Reader[] };

function startReader(file: string): Reader {
  const worker = new Worker(SOURCE, { eval: true, workerData: { file } });
  const r: Reader = { file, worker, next: 1, pending: new Map() };
  worker.on("message", (m: { id: number; rows?: unknown[][]; error?: string }) => {
    const p = r.pending.get(m.id);
    if (!p) return;
    r.pending.delete(m.id);
    if (m.error !== undefined) p.reject(new Error(m.error));
    else p.resolve(m.rows ?? []);
  });
  const fail = (e: Error) => {
    const pool = g.__jianbaoReaders;
    if (pool) {
      const k = pool.indexOf(r);
      if (k >= 0) pool.splice(k, 1);
    }
    for (const p of r.pending.values()) p.reject(e);
    r.pending.clear();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`database reader stopped (${code})`)));
  // Idle, it must not keep a command-line process or a test run alive.
  worker.unref();
  return r;
}

/** The least busy reader of the pool for `file`, started when the pool is not full. */
function reader(file: string): Reader {
  let pool = g.__jianbaoReaders ?? [];
  if (pool.some((r) => r.file !== file)) {
    for (const r of pool) void r.worker.terminate();
    pool = [];
  }
  g.__jianbaoReaders = pool;
  const idle = pool.find((r) => r.pending.size === 0);
  if (idle) return idle;
  if (pool.length < POOL_SIZE) {
    const r = startReader(file);
    pool.push(r);
    return r;
  }
  return pool.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
}

/**
 * Runs one read-only query on a reader thread; resolves with its rows as arrays (column order of
 * the SELECT). `file` is the SQLite database (the app's DATABASE_PATH); `params` are positional,
 * or one object of named parameters. Rejects with the SQLite error.
 */
export function readOffThread(file: string, query: { sql: string; params: unknown[] }): Promise<unknown[][]> {
  const r = reader(file);
  const id = r.next++;
  return new Promise((resolve, reject) => {
    r.pending.set(id, { resolve, reject });
    r.worker.ref();
    r.worker.postMessage({ id, sql: query.sql, params: query.params });
  }).finally(() => {
    if (r.pending.size === 0) r.worker.unref();
  }) as Promise<unknown[][]>;
}

/** Stops the readers (tests). */
export async function stopReader(): Promise<void> {
  const pool = g.__jianbaoReaders ?? [];
  g.__jianbaoReaders = undefined;
  await Promise.all(pool.map((r) => r.worker.terminate()));
}

import { Worker } from "node:worker_threads";

/**
 * Read-only SQL on a worker thread with its own SQLite connection, so a slow read (a search that
 * must read every item, a report over years) does not hold up the one server thread where every
 * other request — autosaves above all — runs its database calls. SQLite in WAL mode lets the
 * worker read while the main connection writes.
 *
 * The query comes as SQL and parameters (drizzle's `.toSQL()` of the same builder the synchronous
 * path runs), and rows come back as arrays in the select's column order (better-sqlite3's raw
 * mode): the caller maps them. One worker, started on first use and kept; requests are answered
 * in order. Not for writes: the connection is opened read-only.
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

const g = globalThis as unknown as { __jianbaoReader?: Reader };

function reader(file: string): Reader {
  const current = g.__jianbaoReader;
  if (current && current.file === file) return current;
  if (current) void current.worker.terminate();
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
    if (g.__jianbaoReader === r) g.__jianbaoReader = undefined;
    for (const p of r.pending.values()) p.reject(e);
    r.pending.clear();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`database reader stopped (${code})`)));
  // Idle, it must not keep a command-line process or a test run alive.
  worker.unref();
  g.__jianbaoReader = r;
  return r;
}

/**
 * Runs one read-only query on the worker; resolves with its rows as arrays (column order of the
 * SELECT). `file` is the SQLite database (the app's DATABASE_PATH). Rejects with the SQLite error.
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

/** Stops the worker (tests). */
export async function stopReader(): Promise<void> {
  const r = g.__jianbaoReader;
  g.__jianbaoReader = undefined;
  if (r) await r.worker.terminate();
}

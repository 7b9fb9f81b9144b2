// For the benches that drive a browser: the built app (`next start`, build it first) on a fresh
// demo database, and session cookies for its demo users.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { encode } from "next-auth/jwt";

const servers: ChildProcess[] = [];

/** Stops every app this process started (also on exit). */
export function stopDemoApps(): void {
  for (const s of servers) {
    if (!s.pid) continue;
    try {
      process.kill(-s.pid, "SIGTERM");
    } catch {}
  }
}
process.on("exit", stopDemoApps);

export interface DemoApp {
  dir: string;
  /** http://127.0.0.1:PORT */
  base: string;
  /** The database file the app serves. */
  db: string;
  /** A session token (cookie next-auth.session-token) for a demo user, by username. */
  token(username: string): Promise<string>;
}

/**
 * Seeds a fresh demo database (starting the app never seeds), serves the built app in `dir` on
 * `port` (niced, PDF warming off) and waits until /login answers. Throws when setup fails or the
 * server does not answer within two minutes.
 */
export async function startDemoApp(dir: string, port: number, secret: string): Promise<DemoApp> {
  const db = path.join(mkdtempSync(path.join(tmpdir(), "bench-app-")), "app.sqlite");
  const setup = spawnSync(path.join(dir, "node_modules/.bin/tsx"), ["scripts/setup.ts"], { cwd: dir, env: { ...process.env, DATABASE_PATH: db, SEED_DEMO: "1" }, stdio: "ignore" });
  if (setup.status !== 0) throw new Error(`setup failed in ${dir}`);
  servers.push(
    spawn("nice", [path.join(dir, "node_modules/.bin/next"), "start", "-p", String(port)], {
      cwd: dir,
      env: { ...process.env, DATABASE_PATH: db, AUTH_SECRET: secret, NODE_ENV: "production", PDF_WARM: "0" },
      stdio: "ignore",
      detached: true,
    }),
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/login`)).ok) break;
    } catch {}
    if (i > 240) throw new Error("server did not start");
    await new Promise((r) => setTimeout(r, 500));
  }
  const token = async (username: string) => {
    const c = new Database(db, { readonly: true });
    const u = c.prepare("select id, display_name n, session_version sv from users where username = ?").get(username) as { id: number; n: string; sv: number };
    c.close();
    return encode({ token: { sub: String(u.id), name: u.n, uid: u.id, sv: u.sv }, secret, maxAge: 3600 });
  };
  return { dir, base, db, token };
}

/** Runs a bench's main: exits 0 when it resolves, prints the error and exits 1 when it throws, stopping the apps either way. */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => {
      stopDemoApps();
      process.exit(0);
    },
    (e) => {
      console.error(e);
      stopDemoApps();
      process.exit(1);
    },
  );
}

// node bench/shutdown-pdf.mjs (build first)
// A PDF export in flight when the server gets SIGTERM: scripts/server.mjs on a fresh demo
// database, one PDF to warm the renderer, a second one, SIGTERM 300 ms into it. Prints the second
// export's answer (it must be 200 with the whole PDF: the renderer closes only after the requests
// in flight) and the time from SIGTERM to exit. Figures only; asserts nothing.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(path.join(dir, "package.json"));
const Database = require("better-sqlite3");
const { encode } = require("next-auth/jwt");
const db = path.join(mkdtempSync(path.join(tmpdir(), "pdfterm-")), "a.sqlite");
spawnSync(path.join(dir, "node_modules/.bin/tsx"), ["scripts/setup.ts"], { cwd: dir, env: { ...process.env, DATABASE_PATH: db, SEED_DEMO: "1" }, stdio: "ignore" });
const SECRET = "pdf-term-secret-0123456789abcdef0123456789abc";
const child = spawn(process.execPath, ["scripts/server.mjs", "-p", "3395"], { cwd: dir, env: { ...process.env, DATABASE_PATH: db, AUTH_SECRET: SECRET, REMINDER_INTERVAL_SECONDS: "0", NODE_ENV: "production" }, stdio: ["ignore", "pipe", "pipe"] });
const log = []; child.stdout.on("data", (c) => log.push(String(c).trim())); child.stderr.on("data", (c) => log.push(String(c).trim()));
let exited = null; child.on("exit", (code) => (exited = { code, at: Date.now() }));
for (let i = 0; i < 120; i++) { try { if ((await fetch("http://127.0.0.1:3395/login")).ok) break; } catch {} await new Promise((r) => setTimeout(r, 500)); }
const c = new Database(db, { readonly: true });
const u = c.prepare("select id, display_name n, session_version sv from users where username = 'office'").get();
const issue = c.prepare("select id from issues where status = 'distributed' order by id limit 1").get().id;
c.close();
const token = await encode({ token: { sub: String(u.id), name: u.n, uid: u.id, sv: u.sv }, secret: SECRET, maxAge: 3600 });
const get = () => fetch(`http://127.0.0.1:3395/api/issues/${issue}/export?format=pdf`, { headers: { cookie: `next-auth.session-token=${token}` } }).then(async (r) => ({ status: r.status, bytes: (await r.arrayBuffer()).byteLength }), (e) => ({ error: String(e) }));
console.log("first export (warms the renderer):", await get());
const t = Date.now();
const p = get();
await new Promise((r) => setTimeout(r, 300));
child.kill("SIGTERM");
console.log("export in flight at SIGTERM:", await p, `${Date.now() - t} ms from its start`);
for (let i = 0; i < 100 && !exited; i++) await new Promise((r) => setTimeout(r, 100));
console.log(exited ? `exit code ${exited.code}, ${exited.at - t - 300} ms after SIGTERM` : "still running 10 s after SIGTERM");
if (!exited) child.kill("SIGKILL");
console.log(log.filter((l) => /SIGTERM|error|Error/i.test(l)).join("\n"));

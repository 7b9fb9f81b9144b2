// Measures how the production server (scripts/server.mjs) shuts down on SIGTERM:
//   node bench/shutdown.mjs [--server scripts/server.mjs] [--port 3311] [--data data/e2e-text] [--stuck]
// Starts the server on a database made by an e2e run (DATABASE_PATH=<data>/e2e.sqlite), waits until
// the PDF browser is warm, keeps one connection alive, starts a request and sends SIGTERM while it
// is in flight, then reports: whether that request finished, whether a new connection and a
// request on the kept-alive connection were refused, and the time from SIGTERM to exit. --stuck
// also leaves a request whose body never completes in flight: the grace period (5 s) then ends it.
import { spawn } from "node:child_process";
import http from "node:http";
import net from "node:net";

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const server = opt("--server", "scripts/server.mjs");
const port = Number(opt("--port", "3311"));
const data = opt("--data", "data/e2e-text");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const child = spawn(process.execPath, [server, "-p", String(port), "-H", "127.0.0.1"], {
  env: { ...process.env, DATABASE_PATH: `${data}/e2e.sqlite`, AUTH_SECRET_FILE: `${data}/auth-secret`, REMINDER_INTERVAL_SECONDS: "0", NODE_ENV: "production" },
  stdio: ["ignore", "pipe", "pipe"],
});
const log = [];
child.stdout.on("data", (c) => log.push(String(c).trim()));
child.stderr.on("data", (c) => log.push(String(c).trim()));
let exitedAt = null;
child.on("exit", (code, signal) => {
  exitedAt = Date.now();
  log.push(`exit code=${code} signal=${signal}`);
});

/** One GET on `agent`: { status } or { error }. */
const get = (path, agent) =>
  new Promise((resolve) => {
    const req = http.get({ host: "127.0.0.1", port, path, agent }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode, connection: res.headers.connection }));
    });
    req.on("error", (e) => resolve({ error: e.code ?? e.message }));
  });

for (let i = 0; i < 120; i++) {
  const r = await get("/login", false);
  if (r.status === 200) break;
  await sleep(500);
}
// The PDF renderer starts 3 s after the server (instrumentation.ts): wait until it has.
await sleep(8000);
const kept = new http.Agent({ keepAlive: true, maxSockets: 1 });
const inflightAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
console.log("before SIGTERM, kept-alive request:", await get("/login", kept));
await get("/login", inflightAgent);

if (args.includes("--stuck")) {
  // A server action POST that promises 100 bytes and sends 10: the server reads action bodies
  // itself (scripts/server.mjs), so the request stays in flight until the server gives up on it.
  const socket = net.connect(port, "127.0.0.1");
  socket.on("error", () => undefined);
  socket.write(`POST /items/new HTTP/1.1\r\nHost: 127.0.0.1\r\nNext-Action: 0000\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n0123456789`);
  await sleep(200);
}
const inflight = get("/login?slow=1", inflightAgent);
await sleep(5);
const t0 = Date.now();
child.kill("SIGTERM");
await sleep(150);
const newConnection = await get("/login", false);
const onKeptAlive = await get("/login", kept);
const finished = await inflight;
while (exitedAt === null && Date.now() - t0 < 30_000) await sleep(20);
console.log("in-flight request at SIGTERM:", finished);
console.log("new connection 150 ms after SIGTERM:", newConnection);
console.log("request on the kept-alive connection after SIGTERM:", onKeptAlive);
console.log(exitedAt === null ? "still running 30 s after SIGTERM (killed)" : `SIGTERM → exit: ${exitedAt - t0} ms`);
console.log("server log:\n  " + log.join("\n  "));
if (exitedAt === null) child.kill("SIGKILL");
process.exit(0);

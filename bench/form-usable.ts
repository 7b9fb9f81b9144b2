// nice npx tsx bench/form-usable.ts [--app DIR] [--port 3175] [--runs 5] [--rate 4]
// The item form on an old office PC: Chromium with the CPU slowed `rate` times (CDP
// Emulation.setCPUThrottlingRate), a first visit (empty cache, a new browser context each run) of
// /items/new as a contributor, against the built app (`next start` on a fresh demo database).
// Time to usable = from navigation start until the editor's contenteditable is in the page and the
// title input is hydrated (React's handlers attached, so typing and saving work). Also the
// JavaScript transferred (compressed bytes) before that point. Median of `runs`.
// Baseline in the same run: the same measurement of the login page (server-rendered, little JS).
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { encode } from "next-auth/jwt";
import { chromium } from "playwright-core";

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const APP = path.resolve(arg("app", path.resolve(__dirname, "..")));
const PORT = Number(arg("port", "3175"));
const RUNS = Number(arg("runs", "5"));
const RATE = Number(arg("rate", "4"));
const SECRET = "bench-form-secret-0123456789abcdef0123456789";
const BASE = `http://127.0.0.1:${PORT}`;
const dir = mkdtempSync(path.join(tmpdir(), "form-usable-"));
const DB = path.join(dir, "form.sqlite");

let server: ChildProcess | null = null;
const stop = () => {
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {}
  }
};
process.on("exit", stop);

async function main() {
  // Starting the app never seeds: load the demo (its contributor logs in) as `npm run setup` does.
  const setup = spawnSync(path.join(APP, "node_modules/.bin/tsx"), ["scripts/setup.ts"], { cwd: APP, env: { ...process.env, DATABASE_PATH: DB, SEED_DEMO: "1" }, stdio: "inherit" });
  if (setup.status !== 0) throw new Error("setup failed");
  server = spawn("nice", [path.join(APP, "node_modules/.bin/next"), "start", "-p", String(PORT)], {
    cwd: APP,
    env: { ...process.env, DATABASE_PATH: DB, SEED_DEMO: "1", AUTH_SECRET: SECRET, NODE_ENV: "production", PDF_WARM: "0" },
    stdio: "ignore",
    detached: true,
  });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${BASE}/login`)).ok) break;
    } catch {}
    if (i > 240) throw new Error("server did not start");
    await new Promise((r) => setTimeout(r, 500));
  }
  const u = new Database(DB, { readonly: true }).prepare("select id, display_name n, session_version sv from users where username = 'changping'").get() as { id: number; n: string; sv: number };
  const token = await encode({ token: { sub: String(u.id), name: u.n, uid: u.id, sv: u.sv }, secret: SECRET, maxAge: 3600 });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });

  async function measure(url: string, ready: () => number | false): Promise<{ ms: number; jsKB: number; htmlKB: number }> {
    const context = await browser.newContext();
    await context.addCookies([{ name: "next-auth.session-token", value: token, url: BASE }]);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: RATE });
    await page.goto(BASE + url, { waitUntil: "commit" });
    const ms = (await (await page.waitForFunction(ready, undefined, { polling: "raf", timeout: 60_000 })).jsonValue()) as number;
    const jsKB = (await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .filter((e) => (e as PerformanceResourceTiming).initiatorType === "script" || e.name.endsWith(".js"))
        .reduce((n, e) => n + (e as PerformanceResourceTiming).transferSize, 0),
    )) / 1024;
    // The page itself (HTML with the inline RSC payload: props, messages), compressed bytes.
    const htmlKB = (await page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).transferSize)) / 1024;
    await context.close();
    return { ms, jsKB, htmlKB };
  }
  // Functions, not strings: the app's CSP has no 'unsafe-eval', which a string predicate needs.
  const formReady = () => {
    const editor = document.querySelector('[contenteditable="true"]');
    const title = document.querySelector<HTMLInputElement | HTMLTextAreaElement>('input[id$="-title"], textarea[id$="-title"]');
    const hydrated = title && !title.disabled && Object.keys(title).some((k) => k.startsWith("__reactProps"));
    return editor && hydrated ? performance.now() : false;
  };
  const loginReady = () => {
    const user = document.querySelector('input[name="username"], input#username, input[autocomplete="username"]');
    return user && Object.keys(user).some((k) => k.startsWith("__reactProps")) ? performance.now() : document.readyState === "complete" && !user ? performance.now() : false;
  };
  await measure("/items/new", formReady); // the server's first render of the route
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const form: { ms: number; jsKB: number; htmlKB: number }[] = [];
  const login: { ms: number; jsKB: number; htmlKB: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    login.push(await measure("/login", loginReady));
    form.push(await measure("/items/new", formReady));
  }
  await browser.close();
  const f = median(form.map((x) => x.ms));
  const l = median(login.map((x) => x.ms));
  console.log(`bench/form-usable: ${APP}, CPU slowed ${RATE}×, first visit (empty cache), median of ${RUNS}`);
  console.log(`  /login usable (baseline)        ${l.toFixed(0).padStart(6)} ms   JS ${median(login.map((x) => x.jsKB)).toFixed(0)} KB`);
  console.log(`  /items/new usable               ${f.toFixed(0).padStart(6)} ms   JS ${median(form.map((x) => x.jsKB)).toFixed(0)} KB   HTML ${median(form.map((x) => x.htmlKB)).toFixed(0)} KB   (${(f / l).toFixed(2)}× baseline)`);
  console.log(`  runs (ms): ${form.map((x) => x.ms.toFixed(0)).join(", ")}`);
  stop();
  process.exit(0);
}
main().catch((e) => {
  console.error(e);
  stop();
  process.exit(1);
});

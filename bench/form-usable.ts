// nice npx tsx bench/form-usable.ts [--app DIR] [--compare DIR] [--port 3175] [--runs 5] [--rate 4]
// The item form on an old office PC: Chromium with the CPU slowed `rate` times (CDP
// Emulation.setCPUThrottlingRate), a first visit (empty cache, a new browser context each run) of
// /items/new as a contributor, against the built app (`next start` on a fresh demo database).
// Time to usable = from navigation start until the editor's contenteditable is in the page and the
// title field is hydrated (React's handlers attached, so typing and saving work). Also the
// JavaScript transferred (compressed bytes) before that point, and the page's own bytes (HTML with
// the inline RSC payload). Median of `runs`.
// Baseline in the same run: the same measurement of the login page (server-rendered, little JS).
// --compare DIR: a second built app (e.g. a checkout of the previous commit) served beside the
// first on port+1; each run measures both, one after the other, so a busy machine weighs on both
// alike. Prints each app's medians and the paired ratio.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { encode } from "next-auth/jwt";
import { type Browser, chromium } from "playwright-core";

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const APP = path.resolve(arg("app", path.resolve(__dirname, "..")));
const COMPARE = arg("compare", "");
const PORT = Number(arg("port", "3175"));
const RUNS = Number(arg("runs", "5"));
const RATE = Number(arg("rate", "4"));
const SECRET = "bench-form-secret-0123456789abcdef0123456789";

const servers: ChildProcess[] = [];
const stop = () => {
  for (const s of servers) {
    if (!s.pid) continue;
    try {
      process.kill(-s.pid, "SIGTERM");
    } catch {}
  }
};
process.on("exit", stop);

interface App {
  dir: string;
  base: string;
  token: string;
}
interface Sample {
  ms: number;
  jsKB: number;
  htmlKB: number;
}

/** Seeds a fresh demo database (starting the app never seeds), serves the built app, signs the contributor in. */
async function start(dir: string, port: number): Promise<App> {
  const db = path.join(mkdtempSync(path.join(tmpdir(), "form-usable-")), "form.sqlite");
  const setup = spawnSync(path.join(dir, "node_modules/.bin/tsx"), ["scripts/setup.ts"], { cwd: dir, env: { ...process.env, DATABASE_PATH: db, SEED_DEMO: "1" }, stdio: "ignore" });
  if (setup.status !== 0) throw new Error(`setup failed in ${dir}`);
  const server = spawn("nice", [path.join(dir, "node_modules/.bin/next"), "start", "-p", String(port)], {
    cwd: dir,
    env: { ...process.env, DATABASE_PATH: db, SEED_DEMO: "1", AUTH_SECRET: SECRET, NODE_ENV: "production", PDF_WARM: "0" },
    stdio: "ignore",
    detached: true,
  });
  servers.push(server);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/login`)).ok) break;
    } catch {}
    if (i > 240) throw new Error("server did not start");
    await new Promise((r) => setTimeout(r, 500));
  }
  const u = new Database(db, { readonly: true }).prepare("select id, display_name n, session_version sv from users where username = 'changping'").get() as { id: number; n: string; sv: number };
  const token = await encode({ token: { sub: String(u.id), name: u.n, uid: u.id, sv: u.sv }, secret: SECRET, maxAge: 3600 });
  return { dir, base, token };
}

async function measure(browser: Browser, app: App, url: string, ready: () => number | false): Promise<Sample> {
  const context = await browser.newContext();
  await context.addCookies([{ name: "next-auth.session-token", value: app.token, url: app.base }]);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: RATE });
  await page.goto(app.base + url, { waitUntil: "commit" });
  const ms = (await (await page.waitForFunction(ready, undefined, { polling: "raf", timeout: 60_000 })).jsonValue()) as number;
  const jsKB =
    (await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .filter((e) => (e as PerformanceResourceTiming).initiatorType === "script" || e.name.endsWith(".js"))
        .reduce((n, e) => n + (e as PerformanceResourceTiming).transferSize, 0),
    )) / 1024;
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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const apps = [await start(APP, PORT)];
  if (COMPARE) apps.push(await start(path.resolve(COMPARE), PORT + 1));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  for (const app of apps) await measure(browser, app, "/items/new", formReady); // the server's first render of the route
  const form = apps.map(() => [] as Sample[]);
  const login = apps.map(() => [] as Sample[]);
  for (let i = 0; i < RUNS; i++) {
    // Alternate which app goes first, so neither always meets the machine in the same state.
    const order = i % 2 === 0 ? apps.map((_, k) => k) : apps.map((_, k) => apps.length - 1 - k);
    for (const k of order) {
      login[k].push(await measure(browser, apps[k], "/login", loginReady));
      form[k].push(await measure(browser, apps[k], "/items/new", formReady));
    }
  }
  await browser.close();
  console.log(`bench/form-usable: CPU slowed ${RATE}×, first visit (empty cache), median of ${RUNS}${COMPARE ? ", the two apps measured in turn" : ""}`);
  apps.forEach((app, k) => {
    const f = median(form[k].map((x) => x.ms));
    const l = median(login[k].map((x) => x.ms));
    console.log(`  ${app.dir}`);
    console.log(`    /login usable (baseline)      ${l.toFixed(0).padStart(6)} ms   JS ${median(login[k].map((x) => x.jsKB)).toFixed(0)} KB`);
    console.log(`    /items/new usable             ${f.toFixed(0).padStart(6)} ms   JS ${median(form[k].map((x) => x.jsKB)).toFixed(0)} KB   HTML ${median(form[k].map((x) => x.htmlKB)).toFixed(0)} KB   (${(f / l).toFixed(2)}× baseline)`);
    console.log(`    runs (ms): ${form[k].map((x) => x.ms.toFixed(0)).join(", ")}`);
  });
  if (COMPARE) {
    const ratios = form[0].map((x, i) => x.ms / form[1][i].ms);
    console.log(`  paired ratio ${path.basename(APP)} / ${path.basename(COMPARE)} (median of ${RUNS}): ${median(ratios).toFixed(2)}`);
  }
  stop();
  process.exit(0);
}
main().catch((e) => {
  console.error(e);
  stop();
  process.exit(1);
});

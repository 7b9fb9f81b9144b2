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
import path from "node:path";
import { type Browser, chromium } from "playwright-core";
import { runBench, startDemoApp } from "./demo-app";

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

/** The built app in `dir` on a fresh demo database, with the contributor signed in. */
async function start(dir: string, port: number): Promise<App> {
  const app = await startDemoApp(dir, port, SECRET);
  return { dir, base: app.base, token: await app.token("changping") };
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
}
runBench(main);

import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// A folder of its own per run (E2E_RUN lets two runs go side by side), recreated by
// e2e/reset.mjs before the server starts; its guard refuses any folder but data/e2e*.
export const E2E_DIR = `data/e2e${process.env.E2E_RUN ? `-${process.env.E2E_RUN}` : ""}`;
export const E2E_DB = `${E2E_DIR}/e2e.sqlite`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", testIgnore: /auth\.setup\.ts/, dependencies: ["setup"] },
  ],
  webServer: {
    // The app never seeds on start (db/open.ts): `npm run setup` loads the demo data first.
    command: `node e2e/reset.mjs ${E2E_DIR} && npx tsx scripts/setup.ts && node scripts/server.mjs -p ${PORT} -H 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      DATABASE_PATH: E2E_DB,
      AUTH_SECRET_FILE: `${E2E_DIR}/auth-secret`,
      SEED_DEMO: "1",
      // Reminders are tested through their functions and 催报; a scheduler firing mid-run would
      // change the database under the specs that check nothing changed.
      REMINDER_INTERVAL_SECONDS: "0",
    },
  },
});

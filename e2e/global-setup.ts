import { rmSync } from "node:fs";
import path from "node:path";
import { E2E_DB } from "../playwright.config";

/** Starts every run from a fresh, seeded test database — and never touches any other database. */
export default function globalSetup() {
  const dir = path.dirname(path.resolve(E2E_DB));
  if (!/(^|[\\/])e2e([\\/]|$)/.test(path.relative(process.cwd(), dir)) || !/e2e/.test(path.basename(E2E_DB))) {
    throw new Error(`Refusing to run e2e tests against ${E2E_DB}: not a test database (expected a file named *e2e* under an e2e/ folder).`);
  }
  rmSync(dir, { recursive: true, force: true });
}

import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";

interface ManifestEntry {
  exportedName?: string;
  filename?: string;
}

/**
 * Finds a server action's id in the production build, so a test can call the action directly the
 * way a hostile client would — without the page that normally offers it.
 */
export function actionId(exportedName: string): string {
  const dir = process.env.NEXT_DIST_DIR ?? ".next";
  const manifest = JSON.parse(readFileSync(`${dir}/server/server-reference-manifest.json`, "utf8")) as { node: Record<string, ManifestEntry> };
  const hit = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportedName);
  if (!hit) throw new Error(`server action ${exportedName} not found in the build`);
  return hit[0];
}

/** Posts to a server action with the page's cookies; returns the raw response text. */
export async function callAction(page: Page, exportedName: string, arg: unknown): Promise<string> {
  const res = await page.request.post("/", {
    headers: { "Next-Action": actionId(exportedName), "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([arg]),
  });
  return res.text();
}

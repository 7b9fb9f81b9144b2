import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clientNamespacesFrom } from "./client-graph";
import { CLIENT_SETS, type ClientSet, pickMessages } from "./client-messages";
import { FEATURES } from "./messages";

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });

/** The set given by the nearest layout at or above `file` that wraps its children in <ClientMessages set="…">. */
function setFor(file: string): ClientSet | null {
  for (let dir = path.dirname(file); dir.startsWith("app"); dir = path.dirname(dir)) {
    try {
      const m = /<ClientMessages set="(\w+)"/.exec(readFileSync(path.join(dir, "layout.tsx"), "utf8"));
      if (m) return m[1] as ClientSet;
    } catch {
      /* no layout here */
    }
  }
  return null;
}

describe("messages sent to the browser", () => {
  const entries = walk("app").filter((f) => /(^|\/)(page|layout|not-found|error|loading|template)\.tsx$/.test(f));

  it("every page's client components find their namespaces in the set its layout sends", () => {
    const missing: string[] = [];
    for (const file of entries) {
      const used = clientNamespacesFrom(file);
      const set = setFor(file);
      const sent = new Set<string>(set ? CLIENT_SETS[set] : []);
      for (const ns of used) if (!sent.has(ns)) missing.push(`${file}: "${ns}" not in ${set ?? "(no <ClientMessages> above it)"}`);
    }
    expect(missing).toEqual([]);
    expect(entries.length).toBeGreaterThan(30);
  });

  it("the item form's pages send their own namespaces, not the desk's, the admin's or the audit log's", () => {
    const form = clientNamespacesFrom("app/(contributor)/items/new/page.tsx");
    expect([...form]).toEqual(expect.arrayContaining(["item", "itemForm", "copyCheck", "docxImport", "conflict"]));
    expect(setFor("app/(contributor)/items/new/page.tsx")).toBe("contributor");
    for (const ns of ["desk", "admin", "audit", "auditDetail", "stats", "office"]) expect(CLIENT_SETS.contributor).not.toContain(ns);
  });

  it("every namespace named in a set exists in the message files", async () => {
    const { loadMessages } = await import("./messages");
    const messages = await loadMessages("zh-CN");
    for (const ns of Object.values(CLIENT_SETS).flat()) expect(Object.keys(messages), ns).toContain(ns);
    expect(FEATURES).toContain("form");
    expect(Object.keys(pickMessages(messages, CLIENT_SETS.contributor)).sort()).toEqual([...CLIENT_SETS.contributor].sort());
  });
});

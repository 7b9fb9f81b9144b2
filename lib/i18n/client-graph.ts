import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * The message namespaces the client components reachable from a file use (for the test that
 * keeps lib/i18n/client-messages.ts's sets complete). Follows static and dynamic imports of
 * project files ("@/…" and relative); a file is client code when it, or a file importing it, starts
 * with "use client". Reads `useTranslations("ns…")`. Node only (tests and scripts).
 */
export function clientNamespacesFrom(entry: string, root = process.cwd()): Set<string> {
  const out = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string, inClient: boolean) => {
    const key = `${file}|${inClient}`;
    if (seen.has(key)) return;
    seen.add(key);
    const src = readFileSync(file, "utf8");
    const client = inClient || /^\s*["']use client["']/.test(src);
    if (client) for (const m of src.matchAll(/useTranslations\(\s*["']([^"'.]+)/g)) out.add(m[1]);
    for (const m of src.matchAll(/(?:from\s+|import\s*\(\s*)["']((?:@\/|\.{1,2}\/)[^"']+)["']/g)) {
      const target = resolve(m[1], file, root);
      if (target) visit(target, client);
    }
  };
  visit(path.resolve(root, entry), false);
  return out;
}

function resolve(spec: string, from: string, root: string): string | null {
  const base = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : path.resolve(path.dirname(from), spec);
  for (const c of [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")]) {
    if (existsSync(c) && statSync(c).isFile() && /\.tsx?$/.test(c)) return c;
  }
  return null;
}

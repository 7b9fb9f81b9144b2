import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Word 97–2003 (.doc) and WPS (.wps) files, converted to .docx with LibreOffice when the server has
 * it (`soffice`, or the path in SOFFICE_PATH). The conversion runs headless in a fresh temporary
 * directory with its own profile, with a time limit, and — where the kernel allows an unprivileged
 * network namespace (`unshare -rn`) — with no network at all. Without LibreOffice the caller keeps
 * today's message (save as .docx in Word or WPS).
 */
export const CONVERT_TIMEOUT_MS = 60_000;

/** The LibreOffice binary, or null when none is installed (SOFFICE_PATH=off turns conversion off). */
export function sofficePath(): string | null {
  const fromEnv = process.env.SOFFICE_PATH;
  if (fromEnv === "off") return null;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    for (const name of ["soffice", "libreoffice"]) {
      const candidate = path.join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return null;
}

function run(cmd: string, args: string[], timeout: number, home = tmpdir()): Promise<{ ok: boolean; stderr: string }> {
  return new Promise((resolve) => {
    // A bare environment: no proxy settings, the temporary directory as home.
    const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home, LANG: "C.UTF-8" } as unknown as NodeJS.ProcessEnv;
    execFile(cmd, args, { timeout, killSignal: "SIGKILL", env }, (err, _out, stderr) => resolve({ ok: !err, stderr: String(stderr) }));
  });
}

let isolation: Promise<string[]> | null = null;
/** `unshare -rn` when it works here (no network for the converter), else nothing. */
function networkIsolation(): Promise<string[]> {
  return (isolation ??= run("unshare", ["-rn", "true"], 5_000).then((r) => (r.ok ? ["unshare", "-rn"] : [])));
}

/**
 * .doc/.wps bytes → .docx bytes through LibreOffice; null when LibreOffice is not installed.
 * Throws when the conversion fails or takes longer than CONVERT_TIMEOUT_MS.
 */
export async function convertLegacyWord(name: string, bytes: Uint8Array): Promise<Uint8Array | null> {
  const soffice = sofficePath();
  if (!soffice) return null;
  const dir = await mkdtemp(path.join(tmpdir(), "bulletin-doc-"));
  try {
    const ext = /\.wps$/i.test(name) ? "wps" : "doc";
    const input = path.join(dir, `input.${ext}`);
    await writeFile(input, bytes);
    const prefix = await networkIsolation();
    const args = ["--headless", "--norestore", "--nolockcheck", "--nodefault", `-env:UserInstallation=file://${dir}/profile`,
      // Read as Word 97 (WPS's .wps is the same binary format): never as plain text, which would
      // turn a broken file into a page of garbage.
      "--infilter=MS Word 97",
      "--convert-to", "docx:MS Word 2007 XML", "--outdir", dir, input];
    const [cmd, ...rest] = prefix.length ? [...prefix, soffice, ...args] : [soffice, ...args];
    const r = await run(cmd, rest, CONVERT_TIMEOUT_MS, dir);
    const out = (await readdir(dir)).find((f) => f.endsWith(".docx"));
    if (!r.ok || !out) throw new Error(`LibreOffice conversion failed: ${r.stderr.slice(0, 200)}`);
    return new Uint8Array(await readFile(path.join(dir, out)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

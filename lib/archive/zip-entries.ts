import { unzipSync } from "fflate";
import { assertDeclaredSizesTrue, ZipGuardError } from "@/lib/import/zip-guard";

/** Most files one .zip of past issues may hold. */
export const MAX_ZIP_ENTRIES = 500;
/** Most bytes all of a .zip's files may inflate to (a year of weekly .docx is well under this). */
export const MAX_ZIP_UNCOMPRESSED = 200 * 1024 * 1024;
/** Most bytes one .zip may be. */
export const MAX_ZIP_BYTES = 100 * 1024 * 1024;

export class ZipError extends Error {
  constructor(
    readonly code: "too_large" | "too_many_entries" | "too_much_data" | "bad_zip",
    message: string,
  ) {
    super(message);
    this.name = "ZipError";
  }
}

/**
 * The importable files (.txt, .md, .docx) of a .zip of past issues, in name order, with their
 * bytes. The entry count and the total uncompressed size the archive declares are checked before
 * anything is inflated, and the sizes inflated are checked again (a declared size can lie).
 * Folders, macOS resource forks (__MACOSX/, ._x) and other types are skipped; their names are
 * returned in `skipped`. Throws ZipError with a Chinese message.
 */
export function readZipEntries(
  bytes: Uint8Array,
  limits: { entries: number; uncompressed: number } = { entries: MAX_ZIP_ENTRIES, uncompressed: MAX_ZIP_UNCOMPRESSED },
): { files: { name: string; bytes: Uint8Array }[]; skipped: string[] } {
  if (bytes.byteLength > MAX_ZIP_BYTES) throw new ZipError("too_large", `压缩包过大（最大 ${MAX_ZIP_BYTES / 1024 / 1024} MB）`);
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new ZipError("bad_zip", "不是有效的 .zip 压缩包");
  const declared: { name: string; originalSize: number }[] = [];
  try {
    // First pass: read the directory only (the filter refuses every entry, so nothing inflates).
    unzipSync(bytes, {
      filter: (f) => {
        declared.push({ name: f.name, originalSize: f.originalSize });
        return false;
      },
    });
  } catch {
    throw new ZipError("bad_zip", "压缩包已损坏，无法读取");
  }
  if (declared.length > limits.entries) throw new ZipError("too_many_entries", `压缩包里的文件太多（${declared.length} 个，最多 ${limits.entries} 个）`);
  const wanted = (name: string) => /\.(txt|md|docx)$/i.test(name) && !/(^|\/)(__MACOSX\/|\._)/.test(name) && !name.endsWith("/");
  const total = declared.filter((f) => wanted(f.name)).reduce((n, f) => n + f.originalSize, 0);
  if (total > limits.uncompressed) throw new ZipError("too_much_data", `压缩包解压后过大（${(total / 1024 / 1024).toFixed(1)} MB，最多 ${(limits.uncompressed / 1024 / 1024).toFixed(1)} MB）`);
  try {
    // fflate inflates into a buffer of the declared size but keeps inflating past it: hold the
    // wanted entries to their declared sizes first, stopping at the first byte too many.
    assertDeclaredSizesTrue(bytes, wanted);
  } catch (e) {
    if (e instanceof ZipGuardError && e.code === "too_large") throw new ZipError("too_much_data", "压缩包解压后过大");
    throw new ZipError("bad_zip", "压缩包已损坏，无法读取");
  }
  let out: Record<string, Uint8Array>;
  try {
    out = unzipSync(bytes, { filter: (f) => wanted(f.name) });
  } catch {
    throw new ZipError("bad_zip", "压缩包已损坏，无法读取");
  }
  const inflated = Object.values(out).reduce((n, b) => n + b.byteLength, 0);
  if (inflated > limits.uncompressed) throw new ZipError("too_much_data", "压缩包解压后过大");
  const files = Object.entries(out)
    .map(([name, b]) => ({ name, bytes: b }))
    .sort((a, b) => a.name.localeCompare(b.name, "zh-CN", { numeric: true }));
  const noise = (n: string) => n.endsWith("/") || /(^|\/)(__MACOSX\/|\._|\.DS_Store$)/.test(n);
  return { files, skipped: declared.map((f) => f.name).filter((n) => !wanted(n) && !noise(n)) };
}

import { inflateRawSync } from "node:zlib";
import { unzipSync } from "fflate";
import { findMainPart } from "./docx-prepare";

/**
 * Limits every .docx upload is held to before anything unpacks or parses it (issue 10, point 6):
 * the contributor's Word import (app/api/items/import-docx) and 导入往期 (the archive upload).
 * A small file can hide a huge one (a 237 KB file that unpacks to 100 MB), so the sizes the ZIP's
 * central directory declares are checked first, with fflate reading only that directory.
 */
export const ZIP_LIMITS = {
  /** The upload itself. */
  maxFileBytes: 5 * 1024 * 1024,
  /** Sum of the declared unpacked sizes of all entries. */
  maxUnpackedBytes: 40 * 1024 * 1024,
  /** word/document.xml alone (a 20,000-character item is well under 1 MB of XML). */
  maxDocumentXmlBytes: 8 * 1024 * 1024,
  maxEntries: 400,
  /** Unpacked:packed ratio of any one entry bigger than 1 MB (XML compresses ~10:1, bombs 1000:1). */
  maxRatio: 200,
} as const;

export type ZipGuardCode = "too_large" | "corrupt" | "not_word";

export class ZipGuardError extends Error {
  constructor(
    readonly code: ZipGuardCode,
    readonly detail = "",
  ) {
    super(`${code}${detail ? `: ${detail}` : ""}`);
  }

  /** True when the file itself is small enough but what it unpacks to is not (a bomb, or too many pictures). */
  get unpacksTooLarge(): boolean {
    return this.code === "too_large" && this.detail !== "file";
  }
}

export interface ZipEntryInfo {
  name: string;
  /** Bytes in the archive. */
  packed: number;
  /** Bytes once unpacked, as the central directory declares. */
  unpacked: number;
}

/** The entries of a ZIP as its central directory lists them; nothing is inflated. Throws ZipGuardError("corrupt"). */
export function zipDirectory(bytes: Uint8Array): ZipEntryInfo[] {
  const out: ZipEntryInfo[] = [];
  try {
    // The filter sees each central-directory record before inflation; refusing all inflates nothing.
    unzipSync(bytes, {
      filter: (f) => {
        out.push({ name: f.name, packed: f.size, unpacked: f.originalSize });
        if (out.length > ZIP_LIMITS.maxEntries) throw new ZipGuardError("too_large", `more than ${ZIP_LIMITS.maxEntries} entries`);
        return false;
      },
    });
  } catch (e) {
    if (e instanceof ZipGuardError) throw e;
    throw new ZipGuardError("corrupt");
  }
  return out;
}

/**
 * Checks a .docx upload against ZIP_LIMITS before mammoth sees it: file size, entry count, total and
 * per-entry declared sizes, compression ratio, that the main part the package relationships name is there, and
 * that no entry inflates past its declared size (assertDeclaredSizesTrue). Throws
 * ZipGuardError with code too_large | corrupt | not_word; returns the directory when it passes.
 */
export function assertDocxWithinLimits(bytes: Uint8Array): ZipEntryInfo[] {
  if (bytes.byteLength > ZIP_LIMITS.maxFileBytes) throw new ZipGuardError("too_large", "file");
  if (bytes.byteLength < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new ZipGuardError("corrupt");
  const entries = zipDirectory(bytes);
  const total = entries.reduce((n, e) => n + e.unpacked, 0);
  if (total > ZIP_LIMITS.maxUnpackedBytes) throw new ZipGuardError("too_large", `unpacks to ${total} bytes`);
  for (const e of entries) {
    if (e.unpacked > 1024 * 1024 && e.unpacked > e.packed * ZIP_LIMITS.maxRatio) throw new ZipGuardError("too_large", `${e.name} ratio`);
  }
  // The main part is wherever the package relationships say (word/document2.xml is valid too); read
  // only after the sizes above passed, so _rels/.rels is bounded.
  const mainName = findMainPart(bytes);
  const main = mainName ? entries.find((e) => e.name === mainName) : undefined;
  if (!main) throw new ZipGuardError("not_word");
  if (main.unpacked > ZIP_LIMITS.maxDocumentXmlBytes) throw new ZipGuardError("too_large", main.name);
  // The sizes above are what the file says; hold every entry to them (a lying header hides a bomb).
  assertDeclaredSizesTrue(bytes);
  return entries;
}

/** Where one entry's data is, from the central directory (zip64 extra fields read when a size says 0xFFFFFFFF). */
interface ZipEntryPlace {
  name: string;
  method: number;
  packed: number;
  unpacked: number;
  localOffset: number;
}

/** The central directory's records with their local-header offsets. Throws ZipGuardError("corrupt"). */
function entryPlaces(bytes: Uint8Array): ZipEntryPlace[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const corrupt = () => new ZipGuardError("corrupt");
  // The end-of-central-directory record: the last PK\x05\x06 within the final 64 KB + 22 bytes.
  let eocd = -1;
  for (let at = bytes.byteLength - 22; at >= Math.max(0, bytes.byteLength - 65_557); at--) {
    if (u32(at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw corrupt();
  let count = u16(eocd + 10);
  let at = u32(eocd + 16);
  // A zip64 end record (a writer may use one even for a small file).
  if ((count === 0xffff || at === 0xffffffff) && eocd >= 20 && u32(eocd - 20) === 0x07064b50) {
    const rec = Number(view.getBigUint64(eocd - 12, true));
    if (rec + 56 > bytes.byteLength || u32(rec) !== 0x06064b50) throw corrupt();
    count = Number(view.getBigUint64(rec + 32, true));
    at = Number(view.getBigUint64(rec + 48, true));
  }
  const out: ZipEntryPlace[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.byteLength || u32(at) !== 0x02014b50) throw corrupt();
    const nameLen = u16(at + 28);
    const extraLen = u16(at + 30);
    const commentLen = u16(at + 32);
    const place: ZipEntryPlace = {
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLen)),
      method: u16(at + 10),
      packed: u32(at + 20),
      unpacked: u32(at + 24),
      localOffset: u32(at + 42),
    };
    // Zip64 extended information (id 1): only the fields that said 0xFFFFFFFF, in this order.
    for (let x = at + 46 + nameLen; x + 4 <= at + 46 + nameLen + extraLen; ) {
      const id = u16(x);
      const size = u16(x + 2);
      if (id === 1) {
        let f = x + 4;
        const next = () => {
          if (f + 8 > x + 4 + size) throw corrupt();
          const v = Number(view.getBigUint64(f, true));
          f += 8;
          return v;
        };
        if (place.unpacked === 0xffffffff) place.unpacked = next();
        if (place.packed === 0xffffffff) place.packed = next();
        if (place.localOffset === 0xffffffff) place.localOffset = next();
      }
      x += 4 + size;
    }
    out.push(place);
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/**
 * Inflates every entry with a cap at the size its central directory declares (node's zlib stops at
 * `maxOutputLength`), so a ZIP that declares small sizes and hides a bomb is refused after at most
 * the declared bytes — the declared sizes were checked against ZIP_LIMITS first. Every later reader
 * (fflate, mammoth's JSZip) trusts those same declared sizes. `only` limits the check to the entries
 * that will be read. Throws ZipGuardError: "too_large" when
 * an entry inflates past its declared size, "corrupt" when it is shorter or unreadable.
 */
export function assertDeclaredSizesTrue(bytes: Uint8Array, only: (name: string) => boolean = () => true): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of entryPlaces(bytes)) {
    if (!only(e.name)) continue;
    const local = e.localOffset;
    if (local + 30 > bytes.byteLength || view.getUint32(local, true) !== 0x04034b50) throw new ZipGuardError("corrupt", e.name);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + e.packed > bytes.byteLength) throw new ZipGuardError("corrupt", e.name);
    const data = bytes.subarray(start, start + e.packed);
    let size: number;
    if (e.method === 0) size = data.byteLength;
    else if (e.method === 8) {
      try {
        // One byte more than declared is enough to know it lies.
        size = inflateRawSync(data, { maxOutputLength: Math.max(1, e.unpacked + 1) }).byteLength;
      } catch (err) {
        if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new ZipGuardError("too_large", `${e.name} inflates past its declared ${e.unpacked} bytes`);
        throw new ZipGuardError("corrupt", e.name);
      }
    } else throw new ZipGuardError("corrupt", `${e.name}: compression method ${e.method}`);
    if (size > e.unpacked) throw new ZipGuardError("too_large", `${e.name} inflates past its declared ${e.unpacked} bytes`);
    if (size !== e.unpacked) throw new ZipGuardError("corrupt", `${e.name}: ${size} bytes, declared ${e.unpacked}`);
  }
}

import { closeSync, openSync, readSync } from "node:fs";

/**
 * Which code points a face can print, as sorted, merged [first, last] ranges. From a TrueType/
 * OpenType file's cmap (formats 4 and 12, read with positioned reads: the 50 MB fallback face is
 * never loaded whole), or from the unicode-range of a stylesheet's @font-face rules (the npm faces
 * are split by range, and each piece declares the code points it holds). Node only.
 */
export type Ranges = [number, number][];

export function mergeRanges(ranges: Ranges): Ranges {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Ranges = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export function inRanges(ranges: Ranges, cp: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < ranges[mid][0]) hi = mid - 1;
    else if (cp > ranges[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The ranges of every `unicode-range:` in a stylesheet. */
export function rangesFromCss(css: string): Ranges {
  const out: Ranges = [];
  for (const decl of css.matchAll(/unicode-range\s*:\s*([^;}]+)/gi)) {
    for (const part of decl[1].split(",")) {
      const m = /U\+([0-9a-f?]+)(?:-([0-9a-f]+))?/i.exec(part.trim());
      if (!m) continue;
      if (m[1].includes("?")) out.push([parseInt(m[1].replace(/\?/g, "0"), 16), parseInt(m[1].replace(/\?/g, "f"), 16)]);
      else out.push([parseInt(m[1], 16), parseInt(m[2] ?? m[1], 16)]);
    }
  }
  return mergeRanges(out);
}

/** The code points a font file maps to glyphs (glyph 0, .notdef, excluded). Throws on a file that is not a font. */
export function rangesFromFontFile(file: string): Ranges {
  const fd = openSync(file, "r");
  try {
    const read = (pos: number, len: number) => {
      const buf = Buffer.alloc(len);
      readSync(fd, buf, 0, len, pos);
      return buf;
    };
    let base = 0;
    const head = read(0, 12);
    if (head.toString("latin1", 0, 4) === "ttcf") base = read(12, 4).readUInt32BE(0);
    const numTables = read(base + 4, 2).readUInt16BE(0);
    const dir = read(base + 12, numTables * 16);
    let cmapAt = -1;
    for (let i = 0; i < numTables; i++) if (dir.toString("latin1", i * 16, i * 16 + 4) === "cmap") cmapAt = dir.readUInt32BE(i * 16 + 8);
    if (cmapAt < 0) throw new Error(`${file}: no cmap`);
    const count = read(cmapAt + 2, 2).readUInt16BE(0);
    const recs = read(cmapAt + 4, count * 8);
    let best: { offset: number; format: number } | null = null;
    for (let i = 0; i < count; i++) {
      const platform = recs.readUInt16BE(i * 8);
      const encoding = recs.readUInt16BE(i * 8 + 2);
      const offset = cmapAt + recs.readUInt32BE(i * 8 + 4);
      const format = read(offset, 2).readUInt16BE(0);
      const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
      if (!unicode || (format !== 4 && format !== 12)) continue;
      if (!best || (format === 12 && best.format !== 12)) best = { offset, format };
    }
    if (!best) throw new Error(`${file}: no Unicode cmap`);
    const out: Ranges = [];
    if (best.format === 12) {
      const h = read(best.offset, 16);
      const groups = h.readUInt32BE(12);
      const g = read(best.offset + 16, groups * 12);
      for (let i = 0; i < groups; i++) {
        const start = g.readUInt32BE(i * 12);
        const end = g.readUInt32BE(i * 12 + 4);
        if (g.readUInt32BE(i * 12 + 8) === 0 && start === end) continue;
        out.push([start, end]);
      }
    } else {
      const len = read(best.offset + 2, 2).readUInt16BE(0);
      const t = read(best.offset, len);
      const segX2 = t.readUInt16BE(6);
      const ends = 14;
      const starts = ends + segX2 + 2;
      const deltas = starts + segX2;
      const rangeOffsets = deltas + segX2;
      for (let s = 0; s < segX2 / 2; s++) {
        const end = t.readUInt16BE(ends + s * 2);
        const start = t.readUInt16BE(starts + s * 2);
        const delta = t.readInt16BE(deltas + s * 2);
        const ro = t.readUInt16BE(rangeOffsets + s * 2);
        if (start === 0xffff) continue;
        for (let c = start; c <= end; c++) {
          let glyph: number;
          if (ro === 0) glyph = (c + delta) & 0xffff;
          else {
            const at = rangeOffsets + s * 2 + ro + (c - start) * 2;
            glyph = at + 1 < t.length ? t.readUInt16BE(at) : 0;
            if (glyph) glyph = (glyph + delta) & 0xffff;
          }
          if (glyph) out.push([c, c]);
        }
      }
    }
    return mergeRanges(out);
  } finally {
    closeSync(fd);
  }
}

/** Ranges as a CSS unicode-range value. */
export function rangesToCss(ranges: Ranges): string {
  return ranges.map(([a, b]) => (a === b ? `U+${a.toString(16)}` : `U+${a.toString(16)}-${b.toString(16)}`)).join(", ");
}

/**
 * Near-duplicate fingerprints of an item's text: MinHash over 4-character shingles of its letters,
 * digits and Han characters (punctuation, spaces and width ignored), banded for locality-sensitive
 * lookup. Two items share a band key only when their signatures agree on that band's 3 rows; the
 * chance is s³ per band for Jaccard similarity s, so with 12 bands an item that is ≥ 60 % the same
 * is a candidate with probability ≥ 0.93 and an unrelated one (s ≈ 0.05) in about 0.15 % of cases —
 * at 100,000 items a lookup reads a few hundred index rows, not the items. Candidates are then
 * compared on their whole 36-value signatures. Pure: the database side is lib/data/near-duplicates.ts.
 */
export const SIGNATURE_SIZE = 36;
export const BANDS = 12;
const ROWS = SIGNATURE_SIZE / BANDS;
const SHINGLE = 4;
/** Estimated Jaccard similarity from which an item is flagged. */
export const NEAR_DUPLICATE_THRESHOLD = 0.6;

/** Letters, digits and Han characters only, full width folded, lower case. */
export function normaliseForShingles(text: string): string {
  return Array.from(text.normalize("NFKC").toLowerCase())
    .filter((c) => /[\p{L}\p{N}]/u.test(c))
    .join("");
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// Fixed odd multipliers and offsets: the same text gives the same signature on every server.
const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => [(Math.imul(i + 1, 0x9e3779b1) | 1) >>> 0, Math.imul(i + 7, 0x85ebca6b) >>> 0]);

function mix(h: number, [a, b]: number[]): number {
  let x = (Math.imul(h, a) + b) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  return x >>> 0;
}

/** The MinHash signature of a text; null when it is too short to compare (fewer than 8 shingles). */
export function signatureOf(text: string): number[] | null {
  const chars = Array.from(normaliseForShingles(text));
  if (chars.length < SHINGLE + 7) return null;
  const sig = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  const seen = new Set<number>();
  for (let i = 0; i + SHINGLE <= chars.length; i++) {
    const h = fnv1a(chars.slice(i, i + SHINGLE).join(""));
    if (seen.has(h)) continue;
    seen.add(h);
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const v = mix(h, SEEDS[k]);
      if (v < sig[k]) sig[k] = v;
    }
  }
  return sig;
}

/** One key per band: a 31-bit hash of the band's rows (fits SQLite's integer without sign trouble). */
export function bandKeys(sig: number[]): number[] {
  return Array.from({ length: BANDS }, (_, b) => fnv1a(sig.slice(b * ROWS, (b + 1) * ROWS).join(",")) & 0x7fffffff);
}

/** Estimated Jaccard similarity of two signatures: the share of equal values. */
export function similarity(a: number[], b: number[]): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}

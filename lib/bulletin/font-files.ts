import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { inRanges, mergeRanges, rangesFromCss, rangesFromFontFile, rangesToCss, type Ranges } from "./font-coverage";
import { FALLBACK_FAMILIES, FONT_STYLESHEET } from "./fonts";

/**
 * The bundled open faces, served to the print HTML as one stylesheet plus font files (Node only:
 * the /fonts/bulletin route and the PDF renderer use it). Each face is split by Unicode range, so
 * a browser loads only the pieces an issue's characters need.
 */
const PACKAGES = {
  "noto-serif-sc": { dir: "@fontsource/noto-serif-sc", css: ["400.css", "700.css", "900.css"] },
  "noto-sans-sc": { dir: "@fontsource/noto-sans-sc", css: ["500.css"] },
  "lxgw-wenkai": { dir: "lxgw-wenkai-webfont", css: ["lxgwwenkai-regular.css", "lxgwwenkai-bold.css"] },
} as const;
type Key = keyof typeof PACKAGES;

/**
 * The fallback faces: every character the npm faces lack (CJK Ext A–G name characters such as
 * 㻞 䶮 𫖯 𬍤, Greek, Roman numerals …) prints in one of these, on every server, because the PDF
 * embeds them from here rather than from whatever the machine has. Openly licensed, from Debian
 * (scripts/install-system-deps.sh installs them): BabelStone Han (fonts-babelstone-han, Arphic
 * Public License; URO and Ext A–G in a Chinese Ming style) and Hanazono Mincho (fonts-hanazono,
 * SIL OFL 1.1 or the Hanazono licence; Greek, Cyrillic, symbols, and SIP ideographs BabelStone lacks).
 */
export const FALLBACK_FACES = [
  { file: "babelstone-han.ttf", family: FALLBACK_FAMILIES[0], path: "/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf" },
  { file: "hanamin-a.ttf", family: FALLBACK_FAMILIES[1], path: "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf" },
  { file: "hanamin-b.ttf", family: FALLBACK_FAMILIES[1], path: "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf" },
] as const;

const fallbackRanges = new Map<string, Ranges>();
/** The code points a fallback face holds (cached); empty when the face is not installed. */
function rangesOf(face: (typeof FALLBACK_FACES)[number]): Ranges {
  let r = fallbackRanges.get(face.file);
  if (!r) {
    try {
      r = existsSync(face.path) ? rangesFromFontFile(face.path) : [];
    } catch {
      r = [];
    }
    fallbackRanges.set(face.file, r);
  }
  return r;
}

/** Which fallback faces this server has, for the preflight's message. */
export function installedFallbackFaces(): string[] {
  return FALLBACK_FACES.filter((f) => existsSync(f.path)).map((f) => f.file);
}

/** Ranges with gaps of at most `gap` code points closed. */
function bridge(ranges: Ranges, gap: number): Ranges {
  const out: Ranges = [];
  for (const [a, b] of ranges) {
    const last = out[out.length - 1];
    if (last && a - last[1] - 1 <= gap) last[1] = b;
    else out.push([a, b]);
  }
  return out;
}

let printable: Ranges | null = null;

/**
 * Whether some bundled face can print a code point: the union of the npm faces' declared ranges
 * and the installed fallback faces' cmaps. White space and invisible format characters need no glyph.
 */
export function canPrint(cp: number): boolean {
  if (cp <= 0x20 || cp === 0x3000 || cp === 0xa0 || (cp >= 0x200b && cp <= 0x200f) || cp === 0xfeff) return true;
  if (!printable) {
    const root = nodeModules();
    const parts: Ranges = [];
    for (const pkg of Object.values(PACKAGES))
      for (const file of pkg.css) parts.push(...rangesFromCss(readFileSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ root, pkg.dir, file), "utf8")));
    for (const face of FALLBACK_FACES) parts.push(...rangesOf(face));
    printable = mergeRanges(parts);
  }
  return inRanges(printable, cp);
}

function nodeModules(): string {
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", "@fontsource", "noto-serif-sc");
    if (existsSync(candidate)) return path.join(dir, "node_modules");
    if (path.dirname(dir) === dir) throw new Error("找不到随附的字体（node_modules/@fontsource/noto-serif-sc）");
  }
}

let stylesheet: string | null = null;

/** One stylesheet with every bundled face, its font URLs relative to the stylesheet itself. */
export function fontStylesheet(): string {
  if (stylesheet) return stylesheet;
  const root = nodeModules();
  const parts: string[] = [];
  for (const [key, pkg] of Object.entries(PACKAGES)) {
    for (const file of pkg.css) {
      // The fonts are read from node_modules at run time: nothing for the bundler to trace.
      const css = readFileSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ root, pkg.dir, file), "utf8");
      // font-display: block, not swap: a print must never be taken in a fallback face.
      parts.push(css.replace(/url\((['"]?)\.\/files\//g, `url($1${key}/`).replace(/font-display:\s*swap/g, "font-display: block"));
    }
  }
  // The fallback faces, each limited to (about) the characters it has, so a browser downloads one
  // only for an issue that needs it. Gaps of up to 64 code points are bridged to keep the rule
  // short; a character in a gap falls through to the next face. One weight: bold is synthesised.
  for (const face of FALLBACK_FACES) {
    const ranges = rangesOf(face);
    if (!ranges.length) continue;
    parts.push(
      `@font-face { font-family: "${face.family}"; font-style: normal; font-display: block; src: url(fallback/${face.file}) format("truetype"); unicode-range: ${rangesToCss(bridge(ranges, 64))}; }`,
    );
  }
  return (stylesheet = parts.join("\n"));
}

const FILE_NAME = /^[a-z0-9-]+\.woff2?$/;

/**
 * A request below the font base URL → the stylesheet or a font file's bytes; null for anything
 * else (no path outside the three packages' font folders can be named).
 */
export function fontAsset(segments: string[]): { body: Buffer | string; contentType: string } | null {
  if (segments.length === 1 && segments[0] === FONT_STYLESHEET) return { body: fontStylesheet(), contentType: "text/css; charset=utf-8" };
  if (segments.length !== 2) return null;
  const [key, file] = segments;
  if (key === "fallback") {
    const face = FALLBACK_FACES.find((f) => f.file === file);
    if (!face || !existsSync(face.path)) return null;
    return { body: readFileSync(face.path), contentType: "font/ttf" };
  }
  if (!Object.hasOwn(PACKAGES, key) || !FILE_NAME.test(file)) return null;
  const abs = path.join(/*turbopackIgnore: true*/ nodeModules(), PACKAGES[key as Key].dir, "files", file);
  if (!existsSync(abs)) return null;
  return { body: readFileSync(abs), contentType: file.endsWith(".woff2") ? "font/woff2" : "font/woff" };
}

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { FONT_STYLESHEET } from "./fonts";

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
  if (!Object.hasOwn(PACKAGES, key) || !FILE_NAME.test(file)) return null;
  const abs = path.join(/*turbopackIgnore: true*/ nodeModules(), PACKAGES[key as Key].dir, "files", file);
  if (!existsSync(abs)) return null;
  return { body: readFileSync(abs), contentType: file.endsWith(".woff2") ? "font/woff2" : "font/woff" };
}

/**
 * The faces a bulletin prints in. Each stack names first what a Chinese office PC has (so the
 * print view and Word look right there), then the open faces the server bundles from npm so its
 * PDF is the same on any machine. npm has no open FangSong, so the body falls back to Noto Serif
 * SC (a Song face: the usual stand-in for 仿宋 when it is missing) and 楷体 to LXGW WenKai.
 * Pure data: the print HTML (which also renders in the browser) imports it.
 */
/**
 * The fallback faces (lib/bulletin/font-files.ts), last in every stack before the generic name:
 * rare name characters (CJK Ext A and beyond), Greek and the like print in them, not in whatever
 * the machine happens to have.
 */
export const FALLBACK_FAMILIES = ["Bulletin Fallback Han", "Bulletin Fallback Mincho"] as const;
const FALLBACK = FALLBACK_FAMILIES.map((f) => `"${f}"`).join(", ");

export const FONT_STACKS = {
  /** Body text: 仿宋. */
  fangsong: `"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif SC", ${FALLBACK}, serif`,
  /** Item titles and the masthead: 方正小标宋 / 宋体. */
  xiaobiaosong: `"方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "Noto Serif SC", ${FALLBACK}, serif`,
  /** Section headings: 黑体. */
  heiti: `"黑体", "SimHei", "STHeiti", "Noto Sans SC", ${FALLBACK}, sans-serif`,
  /** 楷体: italic runs (Chinese has no italic; 楷体 is how it sets emphasis of that kind). */
  kaiti: `"楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "LXGW WenKai", ${FALLBACK}, serif`,
} as const;

/** The names Word/WPS gets (one per role: a .docx run names a single East Asian face). */
export const WORD_FONTS = {
  fangsong: "仿宋_GB2312",
  xiaobiaosong: "方正小标宋简体",
  heiti: "黑体",
  kaiti: "楷体_GB2312",
} as const;

/** Where the app serves the bundled faces: the stylesheet, and the font files relative to it. */
export const DEFAULT_FONT_BASE_URL = "/fonts/bulletin";
export const FONT_STYLESHEET = "fonts.css";

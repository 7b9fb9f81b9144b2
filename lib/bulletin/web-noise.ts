/**
 * The lines a copied web page adds around an article: where it is (当前位置：首页 > 工作动态), its info
 * line (发布时间：… 来源：… 浏览次数：…), previous/next links, the QR-code box and the buttons and
 * sharing widgets (放大 缩小 打印 关闭, 分享到 微信 微博). Shared by the bulletin parser, which drops
 * them from a past issue, and the paste cleaner, which drops them from a web page pasted into an
 * item; both list every line they drop.
 */
/** Where a copied web page says where it is and what it is: 当前位置：首页 > 工作动态. */
const WEB_PLACE = /^(?:当前位置|您的位置|您当前的位置|当前页面|所在位置|位置)\s*[：:>》]|^首页\s*[>》›»]/u;
/** Labels of a web article's info line: 发布时间：… 来源：… 作者：… 浏览次数：…. */
const WEB_META_LABEL = /(?:发布时间|发布日期|发表时间|更新时间|浏览次数|浏览量|阅读次数|阅读量|点击数|点击量|访问量|来源|作者|编辑|字号|信息来源|文章来源)\s*[：:]/gu;
/** Words of a web page's buttons and sharing widgets. */
const WEB_WIDGET_WORDS = new Set([
  "放大", "缩小", "打印", "关闭", "打印本页", "关闭窗口", "关闭本页", "返回顶部", "返回", "收藏", "收藏本页", "字号", "字体", "大", "中", "小", "默认", "分享", "分享到", "微信", "微博", "新浪微博", "腾讯微博", "QQ", "QQ空间", "QQ好友", "朋友圈", "豆瓣", "人人网", "复制链接", "扫一扫", "上一篇", "下一篇", "相关链接", "打印文章", "纠错", "【", "】", "[", "]", "|", "｜", "：", ":",
]);

/** True when the trimmed line `t` is one of a web page's own lines, not the article's text. */
export function isWebPageLine(t: string): boolean {
  if (WEB_PLACE.test(t)) return true;
  if (/^(?:发布时间|发布日期|发表时间|更新时间|浏览次数|阅读次数|点击数|访问量)\s*[：:]/u.test(t)) return true;
  const labels = t.match(WEB_META_LABEL);
  // A lone 来源：/作者： line is the web page's info line; 编辑： alone is the footer's.
  if (labels && (labels.length >= 2 || /^(?:来源|作者|信息来源|文章来源)\s*[：:]\s*\S{1,30}$/u.test(t))) return true;
  if (/^(?:上一篇|下一篇)\s*[：:]/u.test(t)) return true;
  // The QR-code box of a web page: 扫一扫在手机打开当前页, 微信扫一扫 分享到朋友圈, 手机扫码阅读.
  if (t.length <= 24 && /^(?:微信)?(?:扫一扫|扫码|扫描二维码|手机扫码|用手机扫)/u.test(t) && !/[，。；！？]/u.test(t)) return true;
  const words = t.replace(/([【】\[\]|｜：:])/gu, " $1 ").split(/\s+/u).filter(Boolean);
  return words.length > 0 && words.every((w) => WEB_WIDGET_WORDS.has(w)) && words.some((w) => w.length > 1);
}

/**
 * A title quoted in 书名号 as GB/T 15834-2011 (4.15.3) has it: 书名号中还要用书名号时，里面一层用单书名号
 * — 《学习贯彻〈中华人民共和国科学技术普及法〉座谈会》. `title` is the stored title (its own
 * 《》 as the unit typed them); returns it wrapped in 《》 with each inner 《》 turned into 〈〉.
 * Every place the app quotes a title in 书名号 (pages, notifications, audit lines, confirmations,
 * exports) goes through this.
 */
export function bookTitle(title: string): string {
  return `《${innerBookTitle(title)}》`;
}

/** The title's own 书名号 as the inner pair: 《…》 → 〈…〉 (anything else unchanged). */
export function innerBookTitle(title: string): string {
  return title.replace(/《/g, "〈").replace(/》/g, "〉");
}

/**
 * Sections whose items are untitled one-paragraph briefs (简讯), each with its attribution:
 * 简讯, 短讯, 快讯, 动态简讯 and the like. The parser reads such a column's items without titles,
 * and the document schema allows an empty item title only there.
 */
export const BRIEF_SECTION = /^(?:(?:工作|基层|动态|学会|各地|要闻)?(?:简讯|短讯|快讯|简讯集萃|信息快递)|动态简讯|简讯速递|短讯集锦)$/u;

import { describe, expect, it } from "vitest";
import { noticeOutlived } from "./notice-outlived";

describe("an invisible-character notice outlives its text", () => {
  const before = "键入";
  const after = "键入标题 测试"; // typed 标题\u00A0测试 after 键入: the no-break space was replaced

  it("when the field is emptied", () => {
    expect(noticeOutlived(before, after, "")).toBe(true);
    expect(noticeOutlived(before, after, "  ")).toBe(true);
  });

  it("when the cleaned input is undone", () => {
    expect(noticeOutlived(before, after, before)).toBe(true);
    expect(noticeOutlived(null, after, before)).toBe(false); // what was there before is not known
  });

  it("when the whole text is replaced by another", () => {
    expect(noticeOutlived(before, after, "已换成干净的标题")).toBe(true);
  });

  it("not while the cleaned text is still being edited", () => {
    expect(noticeOutlived(before, after, "键入标题 测试一下")).toBe(false);
    expect(noticeOutlived(before, after, "新键入标题 测试")).toBe(false);
    expect(noticeOutlived(before, after, "键入标 测试")).toBe(false);
    expect(noticeOutlived(before, after, after)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { charDiff, hasChanges } from "./diff";

describe("charDiff", () => {
  it("marks single changed characters in Chinese text, not whole sentences", () => {
    const parts = charDiff("6月28日上午，市科协召开会议。", "6月28日下午，市科协召开会议。");
    expect(parts).toEqual([
      { kind: "same", text: "6月28日" },
      { kind: "removed", text: "上" },
      { kind: "added", text: "下" },
      { kind: "same", text: "午，市科协召开会议。" },
    ]);
    expect(hasChanges(parts)).toBe(true);
  });

  it("reports no change for equal text", () => {
    expect(hasChanges(charDiff("相同", "相同"))).toBe(false);
  });
});

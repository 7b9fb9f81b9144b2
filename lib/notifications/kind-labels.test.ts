import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import zhCommon from "@/lib/i18n/messages/zh-CN/common.json";
import zhItem from "@/lib/i18n/messages/zh-CN/item.json";
import enItem from "@/lib/i18n/messages/en/item.json";

/** Every notification kind the data layer writes as a literal (notifyUnit / notifyRole / notify… calls). */
function literalKinds(): string[] {
  const dir = "lib/data";
  const kinds = new Set<string>();
  for (const f of readdirSync(dir)) {
    if (!f.endsWith(".ts") || f.endsWith(".test.ts")) continue;
    const src = readFileSync(path.join(dir, f), "utf8");
    for (const m of src.matchAll(/notify[A-Za-z]*\([^;]*?kind: "([a-z_]+)"/g)) kinds.add(m[1]);
  }
  return [...kinds].sort();
}

describe("the notification list names every kind it can hold", () => {
  it("each kind written by lib/data, and each with a notice message, has a label in zh-CN and en (never the raw key, e.g. instruction)", () => {
    const kinds = new Set([...literalKinds(), ...Object.keys(zhCommon.notices).filter((k) => !["title", "empty", "markRead"].includes(k))]);
    expect(kinds.size).toBeGreaterThan(10);
    expect([...kinds]).toEqual(expect.arrayContaining(["instruction", "forward_used", "issue_reviewed"]));
    const zh = zhItem.noticeList.kind as Record<string, string>;
    const en = enItem.noticeList.kind as Record<string, string>;
    expect([...kinds].filter((k) => !zh[k])).toEqual([]);
    expect([...kinds].filter((k) => !en[k])).toEqual([]);
  });
});

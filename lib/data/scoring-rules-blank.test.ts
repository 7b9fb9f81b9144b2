import { describe, expect, it } from "vitest";
import zh from "@/lib/i18n/messages/zh-CN/common.json";
import { demoActor, errorCode } from "@/lib/testing/fixtures";
import { DEFAULT_POINTS, listRuleVersions, saveRuleVersion, saveRulesSchema } from "./scoring-rules";

describe("scoring rules: a blank or out-of-range value is refused, never read as 0", () => {
  it("blank, spaces, negative, over 1000 and words are refused with the points message; nothing is saved", () => {
    const admin = demoActor("admin");
    const base = { ...DEFAULT_POINTS, effectiveFrom: "2027-01-01" } as Record<string, unknown>;
    for (const bad of ["", "   ", "-1", 1001, "十"]) {
      const parsed = saveRulesSchema.safeParse({ ...base, perLead: bad });
      expect(parsed.success, JSON.stringify(bad)).toBe(false);
      expect(parsed.error?.issues[0]).toMatchObject({ path: ["perLead"], message: "points_range" });
      expect(errorCode(() => saveRuleVersion(admin, { ...base, perLead: bad } as never))).toBe("invalid");
    }
    expect(saveRulesSchema.safeParse({ ...base, coUnitShare: "" }).success).toBe(false);
    expect(listRuleVersions(admin).map((v) => v.effectiveFrom)).not.toContain("2027-01-01");
    expect(zh.errors.fields.points_range).toContain("0 至 1000");
    // Numbers as the form sends them, and as strings, still save.
    expect(saveRuleVersion(admin, { ...base, perLead: "12" } as never).perLead).toBe(12);
  });
});

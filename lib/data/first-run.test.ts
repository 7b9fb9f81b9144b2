import { describe, expect, it } from "vitest";
import { errorCode } from "@/lib/testing/fixtures";
import { createFirstAdmin } from "./first-run";

const fields = { username: "boss", displayName: "王主任", title: "科协每周动态", office: "北京市科协办公室" };

describe("the first admin (SEED_DEMO=0 first run)", () => {
  it("refuses the demo accounts' published password with its own message code, on the password field", () => {
    let caught: unknown;
    try {
      createFirstAdmin({ ...fields, password: "jianbao2026", confirm: "jianbao2026" });
    } catch (e) {
      caught = e;
    }
    expect(errorCode(() => createFirstAdmin({ ...fields, password: "jianbao2026", confirm: "jianbao2026" }))).toBe("password_demo");
    expect((caught as { field?: string }).field).toBe("password");
  });

  it("creates nothing once any user exists (the test database has the demo users)", () => {
    expect(errorCode(() => createFirstAdmin({ ...fields, password: "only-i-know-it", confirm: "only-i-know-it" }))).toBe("not_allowed_now");
  });
});

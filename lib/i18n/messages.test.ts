import { describe, expect, it } from "vitest";
import { FEATURES, loadMessages } from "./messages";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === "object" && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe("locale files", () => {
  it("English has exactly the keys Chinese has", async () => {
    expect(keys(await loadMessages("en")).sort()).toEqual(keys(await loadMessages("zh-CN")).sort());
  });

  it("no two feature files define the same namespace", async () => {
    const seen = new Map<string, string>();
    for (const f of FEATURES) {
      const m = (await import(`./messages/zh-CN/${f}.json`)).default as object;
      for (const ns of Object.keys(m)) {
        expect(seen.get(ns), `${ns} in ${f} and ${seen.get(ns)}`).toBeUndefined();
        seen.set(ns, f);
      }
    }
  });

  it("no message is empty", async () => {
    for (const loc of ["en", "zh-CN"] as const) {
      const m = await loadMessages(loc);
      for (const k of keys(m)) expect(k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], m), k).not.toBe("");
    }
  });
});

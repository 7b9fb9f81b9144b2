import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import zh from "./messages/zh-CN.json";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === "object" && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe("locale files", () => {
  it("English has exactly the keys Chinese has", () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });
  it("no message is empty", () => {
    for (const m of [en, zh]) for (const k of keys(m)) expect(k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], m)).not.toBe("");
  });
});

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

  it("a message names the same values in both locales (an English one drops none of the Chinese one's)", async () => {
    const en = await loadMessages("en");
    const zh = await loadMessages("zh-CN");
    const at = (m: object, k: string) => String(k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], m));
    // The top-level names of an ICU message ({name}, {n, plural, …}), not the words inside a plural's branches.
    const names = (msg: string) => {
      const out = new Set<string>();
      let depth = 0;
      for (let i = 0; i < msg.length; i++) {
        if (msg[i] === "{") {
          if (depth === 0) out.add(/^\s*(\w+)/.exec(msg.slice(i + 1))?.[1] ?? "");
          depth++;
        } else if (msg[i] === "}") depth--;
      }
      return [...out].sort();
    };
    const differ = keys(zh).filter((k) => names(at(zh, k)).join() !== names(at(en, k)).join());
    expect(differ.map((k) => `${k}: zh ${names(at(zh, k))} / en ${names(at(en, k))}`)).toEqual([]);
  });

  it("the English UI names 目录提要 and 版记 as GLOSSARY.md does (contents, footer), not by the older synonyms", async () => {
    const en = await loadMessages("en");
    const zh = await loadMessages("zh-CN");
    const at = (m: object, k: string) => String(k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], m));
    const off = keys(zh).filter((k) => {
      const z = at(zh, k);
      const e = at(en, k);
      return (/目录提要|目录与|目录标题/.test(z) && (/\bTOC\b/.test(e) || /\bhighlights?\b/i.test(e))) || (/版记/.test(z) && /colophon/i.test(e));
    });
    expect(off.map((k) => `${k}: ${at(en, k)}`)).toEqual([]);
  });
});

import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/data/errors";
import { idSchema } from "@/lib/data/validation";
import { loadMessages } from "@/lib/i18n/messages";
import { parseQuery } from "./query";

// The shape of POST /api/pdf-jobs and GET /api/issues/ID/export.
const schema = z.object({ issue: idSchema, revision: z.coerce.number().int().positive().max(10_000).optional() });
const LABELS = { issue: "期的编号", revision: "版次" };
const refusal = (url: string) => {
  try {
    parseQuery(schema, url, LABELS);
    return null;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { code: e.code, field: e.field, params: e.params };
  }
};

describe("parseQuery: a bad query parameter is named, not another one", () => {
  it("names the parameter that is wrong, its label and the value sent, in every shape", () => {
    expect(refusal("http://x/api/pdf-jobs?issue=3&revision=-1")).toEqual({ code: "invalid_param", field: "revision", params: { param: "revision", label: "版次", value: "-1" } });
    expect(refusal("http://x/api/pdf-jobs?revision=-1&issue=3")?.field).toBe("revision");
    expect(refusal("http://x/api/pdf-jobs?issue=3&revision=1.5")?.field).toBe("revision");
    expect(refusal("http://x/api/pdf-jobs?issue=3&revision=abc")?.params).toEqual({ param: "revision", label: "版次", value: "abc" });
    expect(refusal("http://x/api/pdf-jobs?issue=3&revision=99999")?.field).toBe("revision");
    expect(refusal("http://x/api/pdf-jobs?issue=abc")?.params).toEqual({ param: "issue", label: "期的编号", value: "abc" });
    expect(refusal("http://x/api/pdf-jobs")?.params).toEqual({ param: "issue", label: "期的编号", value: "（未填写）" });
    expect(refusal(`http://x/api/pdf-jobs?issue=${"9".repeat(60)}`)?.params.value).toBe(`${"9".repeat(40)}…`);
  });

  it("passes good parameters through, coerced, and ignores ones it does not know", () => {
    expect(parseQuery(schema, "http://x/api/pdf-jobs?issue=3&revision=2&_=123", LABELS)).toEqual({ issue: 3, revision: 2 });
    expect(parseQuery(schema, "http://x/api/pdf-jobs?issue=3", LABELS)).toEqual({ issue: 3 });
  });

  it("reads as a sentence naming the parameter, in Chinese and English", async () => {
    const e = refusal("http://x/api/pdf-jobs?issue=3&revision=-1")!;
    const zh = createTranslator({ locale: "zh-CN", messages: await loadMessages("zh-CN"), namespace: "errors" as never }) as unknown as (k: string, v: object) => string;
    const en = createTranslator({ locale: "en", messages: await loadMessages("en"), namespace: "errors" as never }) as unknown as (k: string, v: object) => string;
    expect(zh(e.code, e.params)).toBe("请求参数 revision（版次）的值「-1」不正确。");
    expect(en(e.code, e.params)).toBe("The request parameter revision (版次) has an invalid value “-1”.");
  });
});

import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { messageFor, messageGroup } from "./dynamic";
import { loadMessages } from "./messages";

describe("messages for run-time keys", async () => {
  const messages = await loadMessages("zh-CN");
  const t = createTranslator({ locale: "zh-CN", messages, namespace: "roles" });

  it("finds a key held by a feature file and says null for one that is not", () => {
    expect(messageFor(t, "editor")).toBe((messages.roles as Record<string, string>).editor);
    expect(messageFor(t, "no_such_role")).toBeNull();
  });

  it("reads a group of messages whole", () => {
    const ts = createTranslator({ locale: "zh-CN", messages, namespace: "stats" });
    expect(messageGroup(ts, "col")).toEqual((messages.stats as Record<string, unknown>).col);
  });
});

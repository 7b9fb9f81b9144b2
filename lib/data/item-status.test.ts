import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { items } from "@/db/schema";
import { TransitionError } from "@/lib/workflow/item";
import { demoActor, errorCode, itemFields } from "@/lib/testing/fixtures";
import { writeItemStatus } from "./item-status";
import { createItem } from "./items";

const ROOT = path.resolve(__dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === "node_modules" ? [] : sources(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

describe("an item's status is written by one function", () => {
  it("no other code sets items.status in an update", () => {
    const writers = ["app", "components", "lib", "db", "scripts"]
      .flatMap((d) => sources(path.join(ROOT, d)))
      .filter((file) => /update\(items\)\s*\.set\(\{[^}]*\bstatus\s*:/.test(readFileSync(file, "utf8")))
      .map((file) => path.relative(ROOT, file));
    expect(writers).toEqual(["lib/data/item-status.ts"]);
  });

  it("writes only what the state table allows, and refuses a stale row", () => {
    const unit = demoActor("changping");
    const draft = createItem(unit, itemFields("状态写入测试"));
    expect(() => db.transaction((tx) => writeItemStatus(tx, demoActor("editor"), draft, "accept"))).toThrow(TransitionError);
    const stale = { ...draft, version: draft.version - 1 };
    expect(errorCode(() => db.transaction((tx) => writeItemStatus(tx, unit, stale, "submit")))).toBe("conflict");
    expect(db.select().from(items).where(eq(items.id, draft.id)).get()?.status).toBe("draft");
    expect(db.transaction((tx) => writeItemStatus(tx, unit, draft, "submit")).status).toBe("submitted");
  });
});

// The reader threads: named and positional parameters, SQLite errors as rejections, and a long read
// does not hold up a short one sent after it (two readers).
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { readOffThread, stopReader } from "./read-off-thread";

afterAll(() => stopReader());

describe("readOffThread", () => {
  it("takes positional or named parameters and answers rows as arrays", async () => {
    expect(await readOffThread(env.DATABASE_PATH, { sql: "select ? + 1, ?", params: [41, "x"] })).toEqual([[42, "x"]]);
    expect(await readOffThread(env.DATABASE_PATH, { sql: "select @a * 2 as n, @b as s", params: [{ a: 21, b: "y" }] })).toEqual([[42, "y"]]);
  });

  it("rejects with SQLite's message, and refuses writes (read-only connection)", async () => {
    await expect(readOffThread(env.DATABASE_PATH, { sql: "select * from no_such_table", params: [] })).rejects.toThrow(/no such table/);
    await expect(readOffThread(env.DATABASE_PATH, { sql: "delete from items returning id", params: [] })).rejects.toThrow(/readonly|read-only/i);
  });

  it("a short read sent after a long one is answered first", async () => {
    const order: string[] = [];
    const long = readOffThread(env.DATABASE_PATH, {
      sql: "with recursive c(x) as (select 1 union all select x + 1 from c where x < 3000000) select count(*) from c",
      params: [],
    }).then(() => order.push("long"));
    await new Promise((r) => setTimeout(r, 20)); // the long read is under way
    const short = readOffThread(env.DATABASE_PATH, { sql: "select 1", params: [] }).then(() => order.push("short"));
    await Promise.all([long, short]);
    expect(order).toEqual(["short", "long"]);
  });
});

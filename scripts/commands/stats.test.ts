import { afterEach, describe, expect, it, vi } from "vitest";
import { run } from "./stats";

async function stats(...args: string[]) {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const code = await run(args);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

afterEach(() => vi.restoreAllMocks());

describe("bulletin stats --from --to [--format json|csv]", () => {
  it("prints the demo archive's year (2023) as JSON ranked by score, one object per unit", async () => {
    const { code, stdout, stderr } = await stats("--from", "2023-01-01", "--to", "2023-12-31");
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const rows = JSON.parse(stdout) as { unit: string; submitted: number; adopted: number; score: number; rank: number }[];
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) expect(Object.keys(r)).toEqual(expect.arrayContaining(["unit", "submitted", "adopted", "score"]));
    expect(rows.map((r) => r.score)).toEqual([...rows.map((r) => r.score)].sort((a, b) => b - a));
    // The imported sample issues (2023年第20、21、25期) are adoptions: 昌平区科协 has items in them.
    expect(rows.find((r) => r.unit === "昌平区科协")?.adopted).toBeGreaterThan(0);
    expect(rows[0].score).toBeGreaterThan(0);
  });

  it("prints CSV with the page's header, and refuses bad dates", async () => {
    const csv = await stats("--from", "2023-01-01", "--to", "2023-12-31", "--format", "csv");
    expect(csv.stdout.split("\n")[0]).toMatch(/^排名,单位,类别,报送,/);
    expect((await stats("--from", "2023-02-30", "--to", "2023-12-31")).code).toBe(2);
    expect((await stats("--from", "2023-12-31", "--to", "2023-01-01")).code).toBe(2);
    expect((await stats("--from", "2023-01-01", "--to", "2023-12-31", "--format", "xml")).code).toBe(2);
  });
});

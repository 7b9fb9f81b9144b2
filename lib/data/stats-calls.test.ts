import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { demoActor } from "@/lib/testing/fixtures";
import type { CallFigures } from "./call-figures";
import { DEFAULT_POINTS, saveRuleVersion } from "./scoring-rules";
import { adoptionStats, chinaDayStart } from "./stats";

// Calls for items (约稿) belong to another part of the app; the statistics only read
// callFiguresByUnit. Here it answers from a fixed table, so the test sees how the scores use it:
// asked once per stretch of the period under one rule version, each stretch scored by its rules.
const calls = vi.hoisted(() => ({ asked: [] as [number, number][], figures: new Map<number, CallFigures>() }));
vi.mock("./call-figures", () => ({
  callFiguresByUnit: (_db: unknown, from: number, to: number) => {
    calls.asked.push([from, to]);
    return calls.figures;
  },
}));

const unitId = (name: string) => (db.$client.prepare("select id from units where name = ?").get(name) as { id: number }).id;

beforeAll(() => {
  // From 16 June 2024 an answered call earns 3 and a missed one costs 5.
  saveRuleVersion(demoActor("admin"), { ...DEFAULT_POINTS, effectiveFrom: "2024-06-16", perCallAnswered: 3, perCallMissed: 5 });
  calls.figures.set(unitId("昌平区科协"), { answered: 2, answeredLate: 1, missed: 1 });
});

describe("calls in the scores", () => {
  it("asks for each rule stretch of the period and scores answered calls up and missed ones down", async () => {
    calls.asked.length = 0;
    const s = await adoptionStats(demoActor("office"), { period: "month", year: 2024, month: 6 });
    expect(calls.asked).toEqual([
      [chinaDayStart("2024-06-01"), chinaDayStart("2024-06-16")],
      [chinaDayStart("2024-06-16"), chinaDayStart("2024-07-01")],
    ]);
    const cp = s.rows.find((r) => r.unit === "昌平区科协");
    // The same figures for both stretches: defaults (2 × 2 − 1 × 2 = 2) and the new rules (2 × 3 − 1 × 5 = 1); late answers score nothing.
    expect(cp).toMatchObject({ callsAnswered: 4, callsLate: 2, callsMissed: 2, score: 3, rank: 1 });
  });

  it("a period under one version asks once", async () => {
    calls.asked.length = 0;
    const s = await adoptionStats(demoActor("office"), { period: "month", year: 2024, month: 3 });
    expect(calls.asked).toEqual([[chinaDayStart("2024-03-01"), chinaDayStart("2024-04-01")]]);
    expect(s.rows.find((r) => r.unit === "昌平区科协")).toMatchObject({ callsAnswered: 2, callsMissed: 1, score: 2 });
  });
});

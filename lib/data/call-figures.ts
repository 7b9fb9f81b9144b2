import "server-only";
import type { Db } from "@/db/open";
import type { Call } from "@/db/schema";
import { callUnitStatuses } from "./calls";

export type CallFigures = { answered: number; answeredLate: number; missed: number };

/**
 * Per unit id, the calls whose deadline falls in [from, to) (ms since epoch): answered on time,
 * late, missed. A unit answers a call when it first submits an item linked to it (the time of that
 * first submission counts, not a resubmission); on time is at or before the deadline. A call counts
 * as missed only once its deadline has passed (a call still open counts for nobody yet). Units a
 * call asks: its chosen units, or for "all" every active unit with an active contributor. Units
 * with no figure are absent from the map.
 */
export function callFiguresByUnit(db: Db, from: number, to: number): Map<number, CallFigures> {
  const rows = db.$client.prepare("select * from calls where deadline >= ? and deadline < ?").all(from, to) as {
    id: number;
    target: "all" | "chosen";
    deadline: number;
  }[];
  const out = new Map<number, CallFigures>();
  const now = Date.now();
  for (const r of rows) {
    const call = { id: r.id, target: r.target, deadline: new Date(r.deadline) } as Call;
    for (const s of callUnitStatuses(db, call, now)) {
      if (s.status === "pending") continue;
      const f = out.get(s.unitId) ?? { answered: 0, answeredLate: 0, missed: 0 };
      if (s.status === "answered") f.answered++;
      else if (s.status === "late") f.answeredLate++;
      else f.missed++;
      out.set(s.unitId, f);
    }
  }
  return out;
}

import "server-only";
import type { Db } from "@/db/open";

export type CallFigures = { answered: number; answeredLate: number; missed: number };

/**
 * Per unit id, the calls whose deadline falls in [from, to) (ms since epoch): answered on time, late, missed.
 *
 * Placeholder of the stats stream: calls for items (约稿) are built by the calls stream, which
 * implements this same function in this same file; until then no unit has any call figures.
 */
export function callFiguresByUnit(db: Db, from: number, to: number): Map<number, CallFigures> {
  void db;
  void from;
  void to;
  return new Map();
}

import { chineseDate } from "@/lib/bulletin/dates";

/**
 * Whether a period's label is just its dates (a range that is not a whole month, quarter or year:
 * 「2023年7月1日至2023年8月31日」), so a sentence must not repeat them in brackets after it. Pure.
 */
export function labelIsTheDates(period: { from: string; to: string; label: string }): boolean {
  return period.label === `${chineseDate(period.from)}至${chineseDate(period.to)}`;
}

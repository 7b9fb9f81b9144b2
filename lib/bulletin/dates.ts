import { format, isValid, parseISO } from "date-fns";

/** 2023-07-07 → 2023年7月7日 */
export function chineseDate(iso: string): string {
  const d = parseISO(iso);
  if (!isValid(d)) return iso;
  return format(d, "yyyy年M月d日");
}

/** 2023-06-20 → 6月20日 */
export function chineseMonthDay(iso: string): string {
  const d = parseISO(iso);
  if (!isValid(d)) return iso;
  return format(d, "M月d日");
}

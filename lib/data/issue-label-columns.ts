import { issues } from "@/db/schema";

/**
 * The columns an issue's label needs (lib/i18n/issue-label.ts issueLabeler, or issueName): its
 * kind and both ends of its numbers, so a 合刊 or a 增刊/专刊 is named as its masthead prints it,
 * never as 第N期. Spread into a select: `.select({ id: issues.id, ...issueLabelColumns })`.
 */
export const issueLabelColumns = {
  kind: issues.kind,
  year: issues.year,
  number: issues.number,
  numberEnd: issues.numberEnd,
  totalNumber: issues.totalNumber,
  totalNumberEnd: issues.totalNumberEnd,
  supplementLabel: issues.supplementLabel,
};

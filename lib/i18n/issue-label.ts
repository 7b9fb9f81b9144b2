import { getTranslations } from "next-intl/server";

/** The numbering fields an issue list row carries. */
export interface IssueLabelFields {
  kind: string;
  year: number;
  number: number;
  numberEnd: number | null;
  totalNumber: number;
  totalNumberEnd: number | null;
  supplementLabel: string | null;
}

/**
 * The labeller for issue lists, in the request's language: a regular issue 2023年第20期（总第73期）,
 * a 合刊 as its masthead prints it (第3-4期, 总第120-121期), a supplement by its own label
 * (2024年增刊第1期, or unnumbered). Same wording as lib/bulletin/numbering's issueLabel in zh-CN.
 * `total: false` leaves the running number out (the contributor's pages: 2023年第20期, 第3-4期合刊).
 */
export async function issueLabeler(opts: { total?: boolean } = {}): Promise<(r: IssueLabelFields) => string> {
  const withTotal = opts.total ?? true;
  const [td, tk, ti] = await Promise.all([getTranslations("desk"), getTranslations("issueKinds"), getTranslations("item")]);
  return (r) =>
    r.kind === "double" && r.numberEnd
      ? withTotal
        ? tk("doubleLabel", { year: r.year, number: r.number, end: r.numberEnd, total: r.totalNumber, totalEnd: r.totalNumberEnd ?? r.totalNumber + 1 })
        : tk("doubleLabelShort", { year: r.year, number: r.number, end: r.numberEnd })
      : r.kind === "supplement"
        ? r.number
          ? tk("supplementLabelNumbered", { year: r.year, label: r.supplementLabel ?? "增刊", number: r.number })
          : tk("supplementLabelUnnumbered", { year: r.year, label: r.supplementLabel ?? "增刊" })
        : withTotal
          ? td("issueLabel", { year: r.year, number: r.number, total: r.totalNumber })
          : ti("issueLabel", { year: r.year, number: r.number });
}

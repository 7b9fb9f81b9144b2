import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Curve } from "recharts";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TREND_CURVE } from "./chart-axis";

/** The SVG path recharts draws for these points with this curve type. */
function pathOf(type: string, ys: number[]): string {
  const points = ys.map((y, i) => ({ x: i * 60, y: 200 - y * 20 }));
  const html = renderToStaticMarkup(createElement(Curve, { type: type as never, layout: "horizontal", points }));
  return html.match(/ d="([^"]+)"/)?.[1] ?? "";
}

describe("the 采用统计 page's monthly trend line", () => {
  const months = [0, 0, 7, 8, 0, 0, 8, 0];
  it("joins the months by straight segments, so it never shows a value no month had", () => {
    const d = pathOf(TREND_CURVE, months);
    expect(d).not.toMatch(/C/);
    expect(d.match(/L/g)).toHaveLength(months.length - 1);
    // The smoothed curve it replaces drew cubic segments between the months.
    expect(pathOf("monotone", months)).toMatch(/C/);
  });

  it("is the curve the chart draws", () => {
    const src = readFileSync("components/stats/stats-charts-inner.tsx", "utf8");
    expect(src).toMatch(/<Line type=\{TREND_CURVE\}/);
  });
});

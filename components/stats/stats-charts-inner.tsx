"use client";
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { countAxis, TREND_CURVE } from "@/lib/stats/chart-axis";
import type { ChartsProps } from "./stats-charts";

/** The charts; the count axes tick in whole numbers (halves only when a half co-credit made one). */
export default function StatsChartsInner({ units, trend, labels }: ChartsProps) {
  const unitAxis = countAxis(units.map((u) => u.adopted));
  const trendAxis = countAxis(trend.map((m) => m.adopted));
  return (
    <div className="stats-charts">
      <figure className="card" aria-label={labels.units}>
        <figcaption>{labels.units}</figcaption>
        <ResponsiveContainer width="100%" height={Math.max(220, units.length * 26)}>
          <BarChart data={units} layout="vertical" margin={{ left: 24, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" {...unitAxis} />
            <YAxis type="category" dataKey="unit" width={150} interval={0} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Bar dataKey="adopted" name={labels.series} fill="#c00000" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <figure className="card" aria-label={labels.trend}>
        <figcaption>{labels.trend}</figcaption>
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={trend} margin={{ left: 8, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="month" tick={{ fontSize: 12 }} />
            <YAxis {...(trendAxis.allowDecimals ? trendAxis : { allowDecimals: false, domain: [0, (max: number) => Math.max(1, Math.ceil(max * 1.1))] })} />
            <Tooltip />
            <Line type={TREND_CURVE} dataKey="adopted" name={labels.series} stroke="#c00000" isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}

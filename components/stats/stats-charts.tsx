"use client";
import dynamic from "next/dynamic";

export interface ChartsProps {
  units: { unit: string; adopted: number }[];
  trend: { month: string; adopted: number }[];
  labels: { units: string; trend: string; series: string };
}

// recharts is loaded in the browser only, and only by this page.
const Inner = dynamic(() => import("./stats-charts-inner"), { ssr: false, loading: () => <p className="empty">…</p> });

/** The statistics page's two charts: adoptions by unit (top 15) and the monthly trend. */
export function StatsCharts(props: ChartsProps) {
  return <Inner {...props} />;
}

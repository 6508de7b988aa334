// Time-series charts with uPlot: lines (a channel's mean per bucket, a set-point dashed), bars
// (rain, irrigation) on their own scale, times shown in the site's local time and month and day
// names in the chosen language (Intl), sized to their container and resized with it (phones).
// It must not fetch anything.
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

import { h } from "./dom";
import { dateNames } from "./format";

export const COLORS = ["#2f6fb0", "#d9622b", "#2e8b57", "#8e44ad", "#b8860b", "#c0392b", "#16a085"];

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  color?: string;
  dash?: number[];
  bars?: boolean;
  scale?: string; // "y" (default) or "y2" (right axis)
  width?: number;
  fill?: string;
}

export interface ChartOptions {
  times: number[]; // ms since the epoch
  series: ChartSeries[];
  offsetMin: number; // the site's UTC offset: times are drawn in site time
  locale: string;
  height?: number;
  yLabel?: string;
  y2Label?: string;
  yRange?: [number | null, number | null];
  invertY?: boolean; // depletion grows downward
}

export class Chart {
  readonly root: HTMLElement;
  private plot: uPlot | null = null;
  private observer: ResizeObserver | null = null;

  constructor(
    private readonly host: HTMLElement,
    private options: ChartOptions,
  ) {
    this.root = h("div", { class: "chart" });
    host.append(this.root);
    this.draw();
    this.observer = new ResizeObserver(() => this.resize());
    this.observer.observe(host);
  }

  private width(): number {
    return Math.max(200, Math.floor(this.host.clientWidth || 300));
  }

  private draw(): void {
    const o = this.options;
    const shift = o.offsetMin * 60;
    const xs = o.times.map((t) => t / 1000 + shift);
    const names = dateNames(o.locale);
    const hasY2 = o.series.some((s) => s.scale === "y2");
    const series: uPlot.Series[] = [{}];
    o.series.forEach((s, i) => {
      const color = s.color ?? COLORS[i % COLORS.length];
      series.push({
        label: s.label,
        stroke: color,
        width: s.width ?? (s.bars ? 0 : 1.5),
        dash: s.dash,
        fill: s.bars ? color + "99" : s.fill,
        scale: s.scale ?? "y",
        spanGaps: false,
        paths: s.bars ? uPlot.paths.bars!({ size: [0.6, 40] }) : undefined,
        points: { show: false },
      });
    });
    const axes: uPlot.Axis[] = [
      { stroke: "#555", grid: { stroke: "#eee" } },
      { stroke: "#555", grid: { stroke: "#eee" }, label: o.yLabel, size: 52 },
    ];
    if (hasY2) {
      axes.push({ scale: "y2", side: 1, stroke: "#555", grid: { show: false }, label: o.y2Label, size: 44 });
    }
    const opts: uPlot.Options = {
      width: this.width(),
      height: o.height ?? 220,
      series,
      axes,
      scales: {
        x: { time: true },
        y: { dir: o.invertY ? -1 : 1, range: o.yRange ? () => o.yRange as [number, number] : undefined },
        ...(hasY2 ? { y2: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } } : {}),
      },
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "UTC"),
      fmtDate: (tpl) => uPlot.fmtDate(tpl, names),
      legend: { live: true },
      cursor: { drag: { x: true, y: false } },
    };
    const data: uPlot.AlignedData = [xs, ...o.series.map((s) => s.values)] as uPlot.AlignedData;
    this.plot?.destroy();
    this.plot = new uPlot(opts, data, this.root);
  }

  private resize(): void {
    this.plot?.setSize({ width: this.width(), height: this.options.height ?? 220 });
  }

  /// New data with the same series layout.
  update(times: number[], values: (number | null)[][]): void {
    const shift = this.options.offsetMin * 60;
    this.options = {
      ...this.options,
      times,
      series: this.options.series.map((s, i) => ({ ...s, values: values[i] })),
    };
    const data = [times.map((t) => t / 1000 + shift), ...values] as uPlot.AlignedData;
    this.plot?.setData(data);
  }

  destroy(): void {
    this.observer?.disconnect();
    this.plot?.destroy();
    this.root.remove();
  }
}

/// Aligns several series with their own times on one sorted time axis (missing: null).
export function alignSeries(series: { t: number[]; v: (number | null)[] }[]): {
  times: number[];
  values: (number | null)[][];
} {
  const all = new Set<number>();
  series.forEach((s) => s.t.forEach((t) => all.add(t)));
  const times = [...all].sort((a, b) => a - b);
  const index = new Map(times.map((t, i) => [t, i]));
  const values = series.map((s) => {
    const out: (number | null)[] = new Array(times.length).fill(null);
    s.t.forEach((t, i) => {
      out[index.get(t)!] = s.v[i];
    });
    return out;
  });
  return { times, values };
}

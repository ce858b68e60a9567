/**
 * The preview's charts: a modest inline SVG of a block (header row, category column, one series
 * per further column), lines over the categories or horizontal bars from zero (a tornado). The
 * values are read out of the block by the pure {@link chartData}; {@link chartElement} draws them.
 */
import { parseBlock } from '../workbook/a1';
import type { ChartPlan } from '../workbook/plan';
import { formatGeneral } from './format';

/** A cell's value as a chart reads it: errors and cells outside the sheet are `undefined`. */
export type ChartValue = number | string | boolean | null | undefined;

/** One series: its name (the header cell) and a value per category (`undefined`: not a finite number). */
export interface ChartSeries {
  readonly name: string;
  readonly values: readonly (number | undefined)[];
}

/** What a chart shows: the category labels (first column, below the header) and the series. */
export interface ChartData {
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const CHART_WIDTH = 440;
const CHART_HEIGHT = 260;
const SERIES_COLOURS = ['#4472c4', '#ed7d31', '#a5a5a5', '#ffc000', '#5b9bd5', '#70ad47'];

/**
 * The categories and series of a chart's data block, read through `value(row, col)` (0-based):
 * numbers as categories are formatted as General; `undefined` when the block does not parse.
 */
export function chartData(chart: ChartPlan, value: (row: number, col: number) => ChartValue): ChartData | undefined {
  const block = parseBlock(chart.dataAddress);
  if (block === undefined) return undefined;
  const { row0, col0, row1, col1 } = block;
  const categories: string[] = [];
  for (let r = row0 + 1; r <= row1; r++) {
    const v = value(r, col0);
    categories.push(typeof v === 'number' ? formatGeneral(v) : String(v ?? ''));
  }
  const series: ChartSeries[] = [];
  for (let c = col0 + 1; c <= col1; c++) {
    const values: (number | undefined)[] = [];
    for (let r = row0 + 1; r <= row1; r++) {
      const v = value(r, c);
      values.push(typeof v === 'number' && Number.isFinite(v) ? v : undefined);
    }
    series.push({ name: String(value(row0, c) ?? ''), values });
  }
  return { categories, series };
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Readonly<Record<string, string | number>>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

const colourOf = (i: number): string => SERIES_COLOURS[i % SERIES_COLOURS.length] ?? '#4472c4';

/** The chart of `chart`'s block as an SVG element; `undefined` when the block has no numbers to draw. */
export function chartElement(chart: ChartPlan, value: (row: number, col: number) => ChartValue): SVGSVGElement | undefined {
  const data = chartData(chart, value);
  if (data === undefined) return undefined;
  const { categories, series } = data;
  const all = series.flatMap((x) => x.values).filter((v): v is number => v !== undefined);
  if (all.length === 0 || categories.length === 0) return undefined;
  let lo = Math.min(...all, ...(chart.kind === 'bar' ? [0] : []));
  let hi = Math.max(...all, ...(chart.kind === 'bar' ? [0] : []));
  if (hi === lo) [lo, hi] = [lo - 1, hi + 1];
  const root = svg('svg', {
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    viewBox: `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`,
    role: 'img',
    'aria-label': chart.title,
  });
  root.dataset.chart = chart.kind;
  root.append(svg('rect', { x: 0, y: 0, width: CHART_WIDTH, height: CHART_HEIGHT, fill: '#ffffff', stroke: '#bfbfbf' }));
  const title = chart.title.length > 60 ? `${chart.title.slice(0, 59)}…` : chart.title;
  root.append(svg('text', { x: CHART_WIDTH / 2, y: 18, 'text-anchor': 'middle', 'font-size': 12, 'font-weight': 600 }, title));
  const plot = { x: chart.kind === 'bar' ? 150 : 60, y: 30, w: 0, h: 0 };
  plot.w = CHART_WIDTH - plot.x - 15;
  plot.h = CHART_HEIGHT - plot.y - 45;
  const legend = svg('g', {});
  series.forEach((x, i) => {
    legend.append(svg('rect', { x: plot.x + i * 130, y: CHART_HEIGHT - 16, width: 10, height: 10, fill: colourOf(i) }));
    legend.append(svg('text', { x: plot.x + i * 130 + 14, y: CHART_HEIGHT - 7, 'font-size': 11 }, x.name.slice(0, 18)));
  });
  root.append(legend);
  const fmt = (v: number): string => formatGeneral(Number(v.toPrecision(3)));
  if (chart.kind === 'line') {
    const x = (i: number): number => plot.x + (categories.length === 1 ? plot.w / 2 : (plot.w * i) / (categories.length - 1));
    const y = (v: number): number => plot.y + plot.h - ((v - lo) / (hi - lo)) * plot.h;
    root.append(svg('line', { x1: plot.x, y1: plot.y + plot.h, x2: plot.x + plot.w, y2: plot.y + plot.h, stroke: '#808080' }));
    root.append(svg('text', { x: plot.x - 4, y: y(hi) + 4, 'text-anchor': 'end', 'font-size': 10 }, fmt(hi)));
    root.append(svg('text', { x: plot.x - 4, y: y(lo) + 4, 'text-anchor': 'end', 'font-size': 10 }, fmt(lo)));
    root.append(svg('text', { x: plot.x, y: plot.y + plot.h + 14, 'font-size': 10 }, categories[0] ?? ''));
    root.append(
      svg('text', { x: plot.x + plot.w, y: plot.y + plot.h + 14, 'text-anchor': 'end', 'font-size': 10 }, categories[categories.length - 1] ?? ''),
    );
    if (chart.xTitle !== undefined)
      root.append(
        svg('text', { x: plot.x + plot.w / 2, y: plot.y + plot.h + 14, 'text-anchor': 'middle', 'font-size': 10 }, chart.xTitle.slice(0, 40)),
      );
    series.forEach((s, i) => {
      const points = s.values.flatMap((v, k) => (v === undefined ? [] : [`${x(k).toFixed(1)},${y(v).toFixed(1)}`]));
      root.append(svg('polyline', { points: points.join(' '), fill: 'none', stroke: colourOf(i), 'stroke-width': 2 }));
    });
  } else {
    const x = (v: number): number => plot.x + ((v - lo) / (hi - lo)) * plot.w;
    const band = plot.h / categories.length;
    const barH = Math.max(2, (band * 0.8) / series.length);
    root.append(svg('line', { x1: x(0), y1: plot.y, x2: x(0), y2: plot.y + plot.h, stroke: '#808080' }));
    root.append(svg('text', { x: plot.x, y: plot.y + plot.h + 14, 'font-size': 10 }, fmt(lo)));
    root.append(svg('text', { x: plot.x + plot.w, y: plot.y + plot.h + 14, 'text-anchor': 'end', 'font-size': 10 }, fmt(hi)));
    categories.forEach((cat, k) => {
      root.append(svg('text', { x: plot.x - 4, y: plot.y + band * k + band / 2 + 4, 'text-anchor': 'end', 'font-size': 10 }, cat.slice(0, 24)));
      series.forEach((s, i) => {
        const v = s.values[k];
        if (v === undefined) return;
        const y = plot.y + band * k + band * 0.1 + i * barH;
        root.append(svg('rect', { x: Math.min(x(0), x(v)), y, width: Math.max(1, Math.abs(x(v) - x(0))), height: barH, fill: colourOf(i) }));
      });
    });
  }
  return root;
}

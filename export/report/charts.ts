// The printed report's charts, drawn by ECharts on the server (SSR: no DOM, no canvas) as SVG
// text: the same library as the app's screens (renderer/charts/), so the charts a province
// prints look like the ones it reads on screen. The SVG goes inline into the print HTML (the
// PDF) and into the DOCX as an SVG picture with a PNG fallback rasterised from the same SVG
// (./chart-png.ts). Text is in the report's font family: Times New Roman where installed, else
// the shipped Liberation Serif, which covers every Vietnamese letter (./fonts.ts).
//
// From the package's root: Node's ESM build where the sources run as modules (CLI, tests), its
// CommonJS build in the Electron main bundle, which leaves echarts in node_modules
// (scripts/build-electron.mjs) so that starting the app does not parse it; this module is
// loaded only when a report has charts (render.ts).
import * as echarts from 'echarts';
import { formatNumber } from '../../core/format';
import { REPORT_FONT_FAMILY } from './fonts';

/** The family list of every text in a chart: the print HTML's own family first (its @font-face). */
export const CHART_FONT = `'${REPORT_FONT_FAMILY}', 'Times New Roman', 'Liberation Serif', serif`;

/** Per indicator: each unit below's value, coloured by on track or not, against the target line. */
export interface IndicatorChartSpec {
  kind: 'indicator';
  categories: string[];
  values: (number | null)[];
  onTrack: (boolean | null)[];
  target: number;
  targetLabel: string;
  unit: string;
  legend: { onTrack: string; offTrack: string };
}

/** Per month: how many units below reported on time, late, or not at all. */
export interface TimelinessChartSpec {
  kind: 'timeliness';
  categories: string[];
  series: { name: string; state: 'on-time' | 'late' | 'missing'; values: number[] }[];
}

export type ChartSpec = IndicatorChartSpec | TimelinessChartSpec;

export interface ChartSvg {
  svg: string;
  /** CSS pixels (1/96 inch). */
  width: number;
  height: number;
}

/** Dark enough to tell apart in grey print; the legend says which is which in words. */
const COLOURS = { onTrack: '#2e7d32', offTrack: '#c62828', unknown: '#9e9e9e', 'on-time': '#2e7d32', late: '#ef6c00', missing: '#c62828' } as const;
const WIDTH = 640;

function indicatorOption(s: IndicatorChartSpec): { option: echarts.EChartsCoreOption; height: number } {
  const height = Math.max(220, 90 + 22 * s.categories.length);
  const label = (v: number) => formatNumber(v, 'vi', 2);
  const pick = (want: boolean | null) => s.values.map((v, i) => (v !== null && s.onTrack[i] === want ? v : null));
  const max = Math.max(s.target, ...s.values.filter((v): v is number => v !== null));
  const bar = (name: string, data: (number | null)[], color: string) => ({
    name,
    type: 'bar' as const,
    stack: 'unit',
    data,
    barMaxWidth: 16,
    itemStyle: { color },
    label: { show: true, position: 'right' as const, formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? label(p.value) : ''), fontSize: 11, color: '#000', textBorderWidth: 0 },
  });
  const unknown = pick(null);
  return {
    height,
    option: {
      animation: false,
      textStyle: { fontFamily: CHART_FONT, fontSize: 12, color: '#000' },
      legend: { top: 4, itemWidth: 14, itemHeight: 10, textStyle: { fontFamily: CHART_FONT, fontSize: 12, color: '#000' } },
      grid: { left: 8, right: 56, top: 52, bottom: 28 },
      xAxis: {
        type: 'value',
        max: (v: { max: number }) => niceMax(Math.max(v.max, max)),
        axisLabel: { formatter: (v: number) => label(v), fontFamily: CHART_FONT, color: '#000' },
        name: s.unit,
        nameLocation: 'end',
        nameTextStyle: { fontFamily: CHART_FONT },
        splitLine: { lineStyle: { color: '#ddd' } },
      },
      yAxis: { type: 'category', inverse: true, data: s.categories, axisLabel: { fontFamily: CHART_FONT, fontSize: 11, color: '#000' }, axisTick: { show: false } },
      series: [
        {
          ...bar(s.legend.onTrack, pick(true), COLOURS.onTrack),
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: '#000', type: 'dashed', width: 1.5 },
            label: { formatter: s.targetLabel, position: 'start', fontFamily: CHART_FONT, fontSize: 11, color: '#000', textBorderWidth: 0 },
            data: [{ xAxis: s.target }],
          },
        },
        bar(s.legend.offTrack, pick(false), COLOURS.offTrack),
        ...(unknown.some((v) => v !== null) ? [bar('', unknown, COLOURS.unknown)] : []),
      ],
    },
  };
}

/** A round axis end a little above `v` (1, 2, 2.5, 5 × 10ⁿ), so the target line is never at the edge. */
export function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const x = v * 1.08;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}

function timelinessOption(s: TimelinessChartSpec): { option: echarts.EChartsCoreOption; height: number } {
  return {
    height: 300,
    option: {
      animation: false,
      textStyle: { fontFamily: CHART_FONT, fontSize: 12, color: '#000' },
      legend: { top: 4, itemWidth: 14, itemHeight: 10, textStyle: { fontFamily: CHART_FONT, fontSize: 12, color: '#000' } },
      grid: { left: 8, right: 16, top: 40, bottom: 8 },
      xAxis: { type: 'category', data: s.categories, axisLabel: { fontFamily: CHART_FONT, color: '#000' }, axisTick: { show: false } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontFamily: CHART_FONT, color: '#000' }, splitLine: { lineStyle: { color: '#ddd' } } },
      series: s.series.map((x) => ({
        name: x.name,
        type: 'bar',
        stack: 'reports',
        barMaxWidth: 28,
        data: x.values,
        itemStyle: { color: COLOURS[x.state] },
        label: { show: true, color: '#fff', textBorderWidth: 0, fontSize: 10, fontFamily: CHART_FONT, formatter: (p: { value: unknown }) => (typeof p.value === 'number' && p.value > 0 ? String(p.value) : '') },
      })),
    },
  };
}

/** The chart as SVG text (ECharts server-side rendering, no DOM). */
export function renderChartSvg(spec: ChartSpec, width: number = WIDTH): ChartSvg {
  const { option, height } = spec.kind === 'indicator' ? indicatorOption(spec) : timelinessOption(spec);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return { svg: chart.renderToSVGString(), width, height };
  } finally {
    chart.dispose();
  }
}

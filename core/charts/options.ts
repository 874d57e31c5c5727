// ECharts options of the province's charts, as pure functions of the data (no DOM, no I/O): the
// screen mounts them with the SVG renderer, and a server-side renderer (echarts' `ssr: true`)
// can draw the very same option into a printed report.
//
// Colour is never the only carrier: every bar is labelled with its value and a sign (✓ ✗ –),
// the legend names each colour in words, and `aria.label.description` summarises the chart in
// a sentence (ECharts writes it as the SVG's aria-label).
import type { EChartsOption } from 'echarts';
import type { MonthTotals } from '../api/status';
import { formatMonth, formatNumber, formatPercent, type Lang } from '../format';
import { translator } from '../i18n';
import type { IndicatorDef, IndicatorDirection } from '../indicators';
import { monthParts } from '../period';
import { formatIndicatorValue, formatTarget } from './indicator-text';

export const CHART_COLOURS = {
  onTrack: '#2e7d32',
  offTrack: '#c62828',
  noVerdict: '#9e9e9e',
  target: '#4a148c',
  whole: '#1f4e8c',
  onTime: '#2e7d32',
  late: '#e0a100',
  missing: '#c62828',
  rate: '#1f4e8c',
} as const;

/** The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ) at or above x: an axis end. */
export function niceCeil(x: number): number {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= x * (1 - 1e-12)) return Number((m * p).toPrecision(12));
  return 10 * p;
}

export interface IndicatorChartInput {
  def: Pick<IndicatorDef, 'nameVi' | 'nameEn' | 'unitVi' | 'unitEn'>;
  target: number | null;
  direction: IndicatorDirection | null;
  /** The child units, each a bar. */
  units: { name: string; value: number | null; onTrack: boolean | null }[];
  /** The unit above them (the province): its value, the ratio of the sums, as a dotted line. */
  whole?: { name: string; value: number | null } | null;
  lang: Lang;
}

type Verdict = 'onTrack' | 'offTrack' | 'noVerdict';
const VERDICTS: Verdict[] = ['onTrack', 'offTrack', 'noVerdict'];
const SIGN: Record<Verdict, string> = { onTrack: '✓', offTrack: '✗', noVerdict: '–' };
const verdictOf = (onTrack: boolean | null): Verdict => (onTrack === null ? 'noVerdict' : onTrack ? 'onTrack' : 'offTrack');

/** The sentence a screen reader reads for the indicator chart. */
export function indicatorChartSummary(input: IndicatorChartInput): string {
  const { def, lang } = input;
  const t = translator(lang);
  const name = lang === 'vi' ? def.nameVi : def.nameEn;
  const parts = input.units.map((u) =>
    t('indicators.chart.unitSummary', {
      unit: u.name,
      value: u.value === null ? t('indicators.chart.noValue') : formatIndicatorValue(u.value, def, lang),
      verdict: t(`indicators.chart.verdict.${verdictOf(u.onTrack)}`),
    }),
  );
  const head =
    input.target !== null && input.direction !== null
      ? t('indicators.chart.summaryHead', { indicator: name, target: formatTarget(input.target, input.direction, def, lang) })
      : t('indicators.chart.summaryHeadNoTarget', { indicator: name });
  const whole = input.whole && input.whole.value !== null ? ` ${t('indicators.chart.wholeSummary', { unit: input.whole.name, value: formatIndicatorValue(input.whole.value, def, lang) })}` : '';
  return `${head} ${parts.join('; ')}.${whole}`;
}

/**
 * Per indicator: the child units' values as bars (one series per verdict, so the legend names
 * each colour, stacked so each unit keeps one bar), each labelled "8,7‰ ✓"; the target as a
 * dashed line labelled "Kế hoạch < 8‰"; the province's own value as a dotted line.
 */
export function indicatorChartOption(input: IndicatorChartInput): EChartsOption {
  const { def, lang, target, direction } = input;
  const t = translator(lang);
  const fmt = (v: number) => formatNumber(v, lang, 2);
  const values = input.units.map((u) => u.value).filter((v): v is number => v !== null);
  const top = niceCeil(Math.max(0, ...values, target ?? 0, input.whole?.value ?? 0) * 1.12);
  const lines: { yAxis: number; name: string; label: object; lineStyle: object }[] = [];
  if (target !== null && direction !== null) {
    lines.push({
      yAxis: target,
      name: t('indicators.chart.target'),
      label: { formatter: t('indicators.chart.targetLabel', { target: formatTarget(target, direction, def, lang) }), position: 'insideEndTop', fontSize: 11, color: CHART_COLOURS.target },
      lineStyle: { type: 'dashed', color: CHART_COLOURS.target, width: 2 },
    });
  }
  if (input.whole && input.whole.value !== null) {
    lines.push({
      yAxis: input.whole.value,
      name: input.whole.name,
      label: { formatter: `${input.whole.name}: ${formatIndicatorValue(input.whole.value, def, lang)}`, position: 'insideStartTop', fontSize: 11, color: CHART_COLOURS.whole },
      lineStyle: { type: 'dotted', color: CHART_COLOURS.whole, width: 1.5 },
    });
  }
  const many = input.units.length > 6;
  return {
    animation: false,
    aria: { enabled: true, label: { description: indicatorChartSummary(input) } },
    grid: { left: 56, right: 24, top: 40, bottom: many ? 88 : 40 },
    legend: { top: 0, data: VERDICTS.map((v) => `${SIGN[v]} ${t(`indicators.chart.verdict.${v}`)}`), textStyle: { fontSize: 12 } },
    tooltip: { trigger: 'item', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatIndicatorValue(v, def, lang) : '—') },
    xAxis: {
      type: 'category',
      data: input.units.map((u) => u.name),
      axisLabel: { interval: 0, fontSize: 11, rotate: many ? 30 : 0 },
    },
    yAxis: { type: 'value', min: 0, max: top, axisLabel: { formatter: (v: number) => fmt(v), fontSize: 11 } },
    series: VERDICTS.map((v, k) => ({
      name: `${SIGN[v]} ${t(`indicators.chart.verdict.${v}`)}`,
      type: 'bar' as const,
      stack: 'units',
      barMaxWidth: 56,
      itemStyle: { color: CHART_COLOURS[v] },
      data: input.units.map((u) =>
        verdictOf(u.onTrack) === v && u.value !== null
          ? { value: u.value, label: { show: true, position: 'top' as const, formatter: `${formatIndicatorValue(u.value, def, lang)} ${SIGN[v]}`, fontSize: 11 } }
          : null,
      ),
      // The lines ride on the first series: it exists even when none of its bars do.
      ...(k === 0 && lines.length > 0 ? { markLine: { symbol: 'none', silent: true, data: lines } } : {}),
    })),
  };
}

export interface TimelinessChartInput {
  year: number;
  totals: MonthTotals[];
  lang: Lang;
}

/** The sentence a screen reader reads for the timeliness chart (months not yet due left out). */
export function timelinessChartSummary(input: TimelinessChartInput): string {
  const t = translator(input.lang);
  const months = input.totals
    .filter((m) => m.expected > 0 && m.notDue < m.expected)
    .map((m) =>
      t('status.chart.monthSummary', {
        month: formatMonth(m.period, input.lang),
        received: m.received,
        expected: m.expected,
        rate: m.reportingRate === null ? '—' : formatPercent(m.reportingRate, input.lang, 0),
        onTime: m.onTime,
        late: m.late,
        missing: m.missing,
      }),
    );
  const head = t('status.chart.summaryHead', { year: input.year });
  return months.length === 0 ? `${head} ${t('status.chart.nothingDue')}` : `${head} ${months.join('; ')}.`;
}

/**
 * Per month of the year: the units on time, late and missing as stacked bars (counts, each
 * labelled), and the reporting rate (received / expected) as a line on a 0–100% axis.
 */
export function timelinessChartOption(input: TimelinessChartInput): EChartsOption {
  const { lang } = input;
  const t = translator(lang);
  const count = (n: number) => (n > 0 ? n : null);
  const bar = (key: 'onTime' | 'late' | 'missing', sign: string) => ({
    name: `${sign} ${t(`status.chart.${key}`)}`,
    type: 'bar' as const,
    stack: 'reports',
    barMaxWidth: 40,
    itemStyle: { color: CHART_COLOURS[key] },
    label: { show: true, position: 'inside' as const, fontSize: 11, color: key === 'late' ? '#000' : '#fff' },
    data: input.totals.map((m) => count(m[key])),
  });
  return {
    animation: false,
    aria: { enabled: true, label: { description: timelinessChartSummary(input) } },
    grid: { left: 48, right: 56, top: 40, bottom: 32 },
    legend: { top: 0, textStyle: { fontSize: 12 } },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: input.totals.map((m) => t('status.chart.monthShort', { n: monthParts(m.period).month })), axisLabel: { fontSize: 11 } },
    yAxis: [
      { type: 'value', name: t('status.chart.units'), minInterval: 1, axisLabel: { fontSize: 11 } },
      { type: 'value', name: t('status.chart.rateAxis'), min: 0, max: 100, axisLabel: { formatter: (v: number) => formatPercent(v, lang, 0), fontSize: 11 }, splitLine: { show: false } },
    ],
    series: [
      bar('onTime', '✓'),
      bar('late', '◷'),
      bar('missing', '✗'),
      {
        name: t('status.chart.rate'),
        type: 'line',
        yAxisIndex: 1,
        itemStyle: { color: CHART_COLOURS.rate },
        symbol: 'circle',
        symbolSize: 7,
        // No labels on the line: they would sit on the bars' counts; the status table below the
        // chart prints each month's rate, and the tooltip and the summary say it too.
        tooltip: { valueFormatter: (v: unknown) => (typeof v === 'number' ? formatPercent(v, lang, 0) : '—') },
        // A month not yet due for anyone has no rate yet: the line stops there.
        data: input.totals.map((m) => (m.notDue >= m.expected ? null : m.reportingRate)),
      },
    ],
  };
}

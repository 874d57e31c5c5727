// The province charts' option builders: what they say (labels, signs, words, the summary) and
// that ECharts really draws them — rendered server-side to SVG by the real library, as a
// printed report would, and read back.
import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import type { MonthTotals } from '../api/status';
import { directionSign, formatIndicatorValue, formatTarget, indicatorGapText, indicatorVerdict } from './indicator-text';
import { indicatorChartOption, indicatorChartSummary, niceCeil, timelinessChartOption, timelinessChartSummary, type IndicatorChartInput } from './options';

function svgOf(option: echarts.EChartsCoreOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 720, height: 360 });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const infant = { nameVi: 'Tỷ suất chết trẻ em dưới 1 tuổi', nameEn: 'Infant mortality', unitVi: '‰', unitEn: '‰' };
const input: IndicatorChartInput = {
  def: infant,
  target: 8,
  direction: '<',
  units: [
    { name: 'Huyện A', value: 20, onTrack: false },
    { name: 'Huyện B', value: 5, onTrack: true },
    { name: 'Huyện C', value: null, onTrack: null },
  ],
  whole: { name: 'Tỉnh mẫu', value: 8 },
  lang: 'vi',
};

describe('indicator texts', () => {
  it('prints values with the unit the definition says, targets with their direction', () => {
    expect(formatIndicatorValue(8.6666, infant, 'vi')).toBe('8,67‰');
    expect(formatIndicatorValue(1234.5, { unitVi: 'bác sĩ', unitEn: 'doctors' }, 'vi')).toBe('1.234,5 bác sĩ');
    expect(formatIndicatorValue(1234.5, { unitVi: 'bác sĩ', unitEn: 'doctors' }, 'en')).toBe('1,234.5 doctors');
    expect(formatTarget(98, '>=', { unitVi: '%', unitEn: '%' }, 'vi')).toBe('≥ 98%');
    expect(formatTarget(0.3, '<', { unitVi: '%', unitEn: '%' }, 'vi')).toBe('< 0,3%');
    expect(directionSign('<=')).toBe('≤');
  });

  it('gives a verdict as a sign and a word, and a missing value its reason in words', () => {
    const base = { code: 'X', numerator: 1, denominator: 2, factor: 1, value: 0.5, target: 1, direction: '<' as const, gap: null, missing: [] };
    expect(indicatorVerdict({ ...base, onTrack: true }, 'vi', (c) => c)).toEqual({ sign: '✓', word: 'Đạt', state: 'on-track' });
    expect(indicatorVerdict({ ...base, onTrack: false }, 'en', (c) => c)).toEqual({ sign: '✗', word: 'Not on track', state: 'off-track' });
    const gap = indicatorVerdict({ ...base, value: null, onTrack: null, gap: 'denominatorMissing', missing: ['RH_LIVE_BIRTHS'] }, 'vi', () => 'Số trẻ đẻ sống');
    expect(gap).toEqual({ sign: '–', word: 'Thiếu số liệu mẫu số: Số trẻ đẻ sống', state: 'none' });
    expect(indicatorGapText({ gap: 'notInCatalogue', missing: ['beds'] }, 'vi', (c) => c)).toBe('Không tính được: danh mục thiếu số giường bệnh');
  });
});

describe('indicator chart option', () => {
  it('one bar per unit, coloured and labelled by verdict, the target as a dashed line', () => {
    const o = indicatorChartOption(input);
    const series = o.series as { name: string; data: ({ value: number; label: { formatter: string } } | null)[]; markLine?: { data: { yAxis: number; label: { formatter: string } }[] } }[];
    expect(series.map((s) => s.name)).toEqual(['✓ Đạt', '✗ Chưa đạt', '– Chưa đánh giá được']);
    // Each unit's bar is in exactly one series (the one of its verdict): B on track, A not.
    expect(series[0]!.data.map((d) => d?.value ?? null)).toEqual([null, 5, null]);
    expect(series[1]!.data.map((d) => d?.value ?? null)).toEqual([20, null, null]);
    expect(series[1]!.data[0]!.label.formatter).toBe('20‰ ✗');
    expect(series[0]!.data[1]!.label.formatter).toBe('5‰ ✓');
    const lines = series[0]!.markLine!.data;
    expect(lines.map((l) => l.yAxis)).toEqual([8, 8]);
    expect(lines[0]!.label.formatter).toBe('Kế hoạch < 8‰');
    expect(lines[1]!.label.formatter).toBe('Tỉnh mẫu: 8‰');
    // The axis reaches above the highest bar and the target, at a round number.
    expect((o.yAxis as { max: number }).max).toBe(25);
  });

  it('summarises itself in words for screen readers', () => {
    expect(indicatorChartSummary(input)).toBe(
      'Biểu đồ Tỷ suất chết trẻ em dưới 1 tuổi theo đơn vị, kế hoạch < 8‰: Huyện A 20‰, Chưa đạt; Huyện B 5‰, Đạt; Huyện C chưa có số liệu, Chưa đánh giá được. Chung Tỉnh mẫu: 8‰.',
    );
    expect((indicatorChartOption(input).aria as { label: { description: string } }).label.description).toBe(indicatorChartSummary(input));
  });

  it('is drawn by ECharts server-side: bars, their labels and the target line', () => {
    const svg = svgOf(indicatorChartOption(input));
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('Kế hoạch &lt; 8‰');
    expect(svg).toContain('20‰ ✗');
    expect(svg).toContain('5‰ ✓');
    // The dashed target line.
    expect(svg).toMatch(/stroke-dasharray/);
  });

  it('without a target draws the bars only and says so', () => {
    const o = indicatorChartOption({ ...input, target: null, direction: null, whole: null });
    expect((o.series as { markLine?: unknown }[])[0]!.markLine).toBeUndefined();
    expect(indicatorChartSummary({ ...input, target: null, direction: null })).toMatch(/^Biểu đồ .* \(chưa có kế hoạch\):/);
    expect(svgOf(o)).toContain('5‰ ✓');
  });

  it('speaks English when asked', () => {
    const o = indicatorChartOption({ ...input, lang: 'en' });
    const series = o.series as { name: string; markLine?: { data: { label: { formatter: string } }[] } }[];
    expect(series.map((s) => s.name)).toEqual(['✓ On track', '✗ Not on track', '– No verdict']);
    expect(series[0]!.markLine!.data[0]!.label.formatter).toBe('Target < 8‰');
    expect(indicatorChartSummary({ ...input, lang: 'en' })).toBe(
      'Chart of Infant mortality by unit, target < 8‰: Huyện A 20‰, Not on track; Huyện B 5‰, On track; Huyện C no figures yet, No verdict. Tỉnh mẫu as a whole: 8‰.',
    );
  });

  it('round axis ends', () => {
    expect([niceCeil(0.34), niceCeil(9), niceCeil(21), niceCeil(109.76), niceCeil(100), niceCeil(0.0123), niceCeil(0)]).toEqual([0.4, 10, 25, 120, 100, 0.015, 1]);
  });
});

const month = (period: string, m: Partial<MonthTotals>): MonthTotals => ({
  period, deadline: '', expected: 3, received: 0, onTime: 0, late: 0, missing: 0, notDue: 0, reportingRate: 0, onTimeRate: 0, ...m,
});
const totals: MonthTotals[] = [
  month('2024-01', { received: 3, onTime: 2, late: 1, reportingRate: 100, onTimeRate: 66.7 }),
  month('2024-02', { received: 2, onTime: 2, missing: 1, reportingRate: 66.67, onTimeRate: 66.7 }),
  ...Array.from({ length: 10 }, (_, i) => month(`2024-${String(i + 3).padStart(2, '0')}`, { notDue: 3, reportingRate: 0 })),
];

describe('timeliness chart option', () => {
  it('stacks on time, late and missing per month, with the reporting rate as a line', () => {
    const o = timelinessChartOption({ year: 2024, totals, lang: 'vi' });
    const series = o.series as { name: string; type: string; data: (number | null)[]; yAxisIndex?: number }[];
    expect(series.map((s) => s.name)).toEqual(['✓ Đúng hạn', '◷ Muộn', '✗ Chưa gửi', 'Tỷ lệ đã gửi']);
    expect(series[0]!.data.slice(0, 3)).toEqual([2, 2, null]);
    expect(series[1]!.data.slice(0, 2)).toEqual([1, null]);
    expect(series[2]!.data.slice(0, 2)).toEqual([null, 1]);
    // Months not yet due have no rate: the line stops.
    expect(series[3]!.data.slice(0, 3)).toEqual([100, 66.67, null]);
    expect(series[3]!.yAxisIndex).toBe(1);
    expect((o.xAxis as { data: string[] }).data.slice(0, 2)).toEqual(['T1', 'T2']);
  });

  it('summarises the due months in words and is drawn by ECharts', () => {
    const summary = timelinessChartSummary({ year: 2024, totals, lang: 'vi' });
    expect(summary).toBe(
      'Biểu đồ tình hình báo cáo năm 2024: tháng 1/2024 đã nhận 3/3 (100%): 2 đúng hạn, 1 muộn, 0 chưa gửi; tháng 2/2024 đã nhận 2/3 (67%): 2 đúng hạn, 0 muộn, 1 chưa gửi.',
    );
    const svg = svgOf(timelinessChartOption({ year: 2024, totals, lang: 'vi' }));
    expect(svg).toContain('Tỷ lệ đã gửi');
    expect(svg).toContain('100%');
  });
});

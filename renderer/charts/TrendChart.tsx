// An element's last 24 months as a chart (ECharts, SVG, offline): the month's figure as bars,
// the year-to-date as a line, and the year's plan target as a dashed line with its direction
// (≥ a floor to reach, < or ≤ a ceiling to stay under), so "on track" reads at a glance. The
// numbers are vi-VN, the months "5/2024". A table of the same numbers sits beside it for those
// who would rather read (and for screen readers).
// ECharts itself is loaded on the first chart (load-echarts.ts).
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FigureSeries } from '../../core/api';
import type { CatalogueElement } from '../../core/catalogue';
import { formatNumber, type Lang } from '../../core/format';
import { loadEcharts, type EchartsCore } from './load-echarts';

const DIRECTION: Record<string, string> = { '>=': '≥', '<=': '≤', '<': '<' };

/**
 * `compact`: the small chart beside a cell (its unit's last 12 months), bars only, with the band
 * of values the outlier check expected for the last month.
 */
export function TrendChart({ series, element, lang, compact = false, label }: { series: FigureSeries; element: CatalogueElement; lang: Lang; compact?: boolean; label?: string }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const last = series.points[series.points.length - 1];
  const year = last ? Number(last.period.slice(0, 4)) : null;
  const plan = series.plans.find((p) => p.year === year) ?? null;
  // The year-to-date line only means something for figures that add up over months.
  const cumulative = element.kind === 'flow' && !compact;
  const years = useMemo(() => [...new Set(series.points.map((p) => Number(p.period.slice(0, 4))))], [series]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let chart: ReturnType<EchartsCore['init']> | null = null;
    let live = true;
    const resize = () => chart?.resize();
    const fmt = (v: number) => formatNumber(v, lang, 2);
    const draw = (echarts: EchartsCore) => {
      if (!live) return;
      chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption({
        animation: false,
        grid: compact ? { left: 40, right: 8, top: 8, bottom: 20 } : { left: 56, right: 16, top: 36, bottom: 28 },
        legend: { show: !compact, top: 0, textStyle: { fontSize: 12 } },
        tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? fmt(v) : '—') },
        xAxis: { type: 'category', data: series.points.map((p) => `${Number(p.period.slice(5))}/${p.period.slice(0, 4)}`), axisLabel: { fontSize: compact ? 9 : 11 } },
        yAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmt(v), fontSize: compact ? 9 : 11 }, ...(compact && series.range ? { min: (x: { min: number }) => Math.min(x.min, Math.floor(series.range!.low)), max: (x: { max: number }) => Math.max(x.max, Math.ceil(series.range!.high)) } : {}) },
        series: [
          {
            name: t('ui.chart.month'),
            type: 'bar',
            data: series.points.map((p) => p.value),
            itemStyle: { color: '#7fa7cf' },
            ...(compact && series.range
              ? {
                  markArea: {
                    silent: true,
                    itemStyle: { color: 'rgba(31, 111, 92, 0.12)' },
                    label: { show: false },
                    data: [[{ yAxis: series.range.low }, { yAxis: series.range.high }]],
                  },
                }
              : {}),
          },
          // One year-to-date line per year: it starts again each January.
          ...(cumulative
            ? years.map((y, i) => ({
                name: t('ui.chart.ytdYear', { year: y }),
                type: 'line',
                data: series.points.map((p) => (Number(p.period.slice(0, 4)) === y ? p.ytd : null)),
                itemStyle: { color: i === years.length - 1 ? '#1f6f5c' : '#8fb8a9' },
                showSymbol: false,
                ...(y === year && plan?.target != null
                  ? {
                      markLine: {
                        symbol: 'none',
                        lineStyle: { type: 'dashed', color: '#b3261e' },
                        label: { formatter: `${t('ui.chart.plan', { year })} ${DIRECTION[plan.direction ?? ''] ?? ''} ${fmt(plan.target)}`, position: 'insideEndTop', fontSize: 11 },
                        data: [{ yAxis: plan.target }],
                      },
                    }
                  : {}),
              }))
            : []),
        ],
      });
      window.addEventListener('resize', resize);
    };
    void loadEcharts().then(draw, () => undefined);
    return () => {
      live = false;
      window.removeEventListener('resize', resize);
      chart?.dispose();
    };
  }, [series, lang, t, plan, year, years, cumulative, compact]);

  return <div ref={box} className={compact ? 'trend-chart compact' : 'trend-chart'} role="img" aria-label={label ?? t('ui.chart.label', { element: lang === 'vi' ? element.nameVi : element.nameEn })} data-testid="trend-chart" />;
}

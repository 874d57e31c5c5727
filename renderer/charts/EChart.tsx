// An ECharts option mounted in the page with the SVG renderer (offline, crisp when printed):
// the province's charts build their options as pure functions (core/charts/options.ts), so a
// printed report can draw the same option server-side. The box is an image for assistive
// technology, with the chart's summary as its label.
// ECharts itself is loaded on the first chart (load-echarts.ts).
import { useEffect, useRef } from 'react';
import type { EChartsOption } from 'echarts';
import { loadEcharts, type EchartsCore } from './load-echarts';

export function EChart({ option, label, testId, className }: { option: EChartsOption; label: string; testId: string; className?: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let chart: ReturnType<EchartsCore['init']> | null = null;
    let live = true;
    const resize = () => chart?.resize();
    void loadEcharts().then(
      (echarts) => {
        if (!live) return;
        chart = echarts.init(el, null, { renderer: 'svg' });
        chart.setOption(option);
        window.addEventListener('resize', resize);
      },
      () => undefined,
    );
    return () => {
      live = false;
      window.removeEventListener('resize', resize);
      chart?.dispose();
    };
  }, [option]);
  return <div ref={box} className={className ?? 'province-chart'} role="img" aria-label={label} data-testid={testId} />;
}

// An ECharts option mounted in the page with the SVG renderer (offline, crisp when printed):
// the province's charts build their options as pure functions (core/charts/options.ts), so a
// printed report can draw the same option server-side. The box is an image for assistive
// technology, with the chart's summary as its label.
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { EChartsOption } from 'echarts';

echarts.use([BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export function EChart({ option, label, testId, className }: { option: EChartsOption; label: string; testId: string; className?: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={box} className={className ?? 'province-chart'} role="img" aria-label={label} data-testid={testId} />;
}

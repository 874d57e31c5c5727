// ECharts with the charts and components the app draws, built apart from the main bundle as a
// classic script (assets/echarts.js, renderer/vite.config.ts) and loaded by load-echarts.ts the
// first time a chart is shown: the entry screen's first load does not parse ~550 kB of charting
// code it does not draw. A classic script, like the main one, loads from file:// in Electron and
// in Chromium alike (no ES module chunks, no CORS).
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

(window as unknown as { __thongkeEcharts?: typeof echarts }).__thongkeEcharts = echarts;

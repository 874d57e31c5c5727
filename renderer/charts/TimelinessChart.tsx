// Reporting timeliness per month of a year: on time, late and missing stacked, with the
// reporting rate as a line (the status table's totals, drawn).
import { useMemo } from 'react';
import { timelinessChartOption, timelinessChartSummary, type TimelinessChartInput } from '../../core/charts/options';
import { EChart } from './EChart';

export function TimelinessChart({ input }: { input: TimelinessChartInput }) {
  const option = useMemo(() => timelinessChartOption(input), [input]);
  const label = useMemo(() => timelinessChartSummary(input), [input]);
  return <EChart option={option} label={label} testId="timeliness-chart" />;
}

// One plan indicator across the child units: bars by verdict (✓ ✗ – and a legend in words),
// the target as a dashed line, the unit above them (the province) as a dotted line.
import { useMemo } from 'react';
import { indicatorChartOption, indicatorChartSummary, type IndicatorChartInput } from '../../core/charts/options';
import { EChart } from './EChart';

export function IndicatorChart({ input }: { input: IndicatorChartInput }) {
  const option = useMemo(() => indicatorChartOption(input), [input]);
  const label = useMemo(() => indicatorChartSummary(input), [input]);
  return <EChart option={option} label={label} testId="indicator-chart" />;
}

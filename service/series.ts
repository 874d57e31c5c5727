// An element's figures month by month: the trend a chart draws (24 months on the figures
// screen, 12 beside a cell), with year-to-date and the year's plan target and direction. The
// same figures model as `figures.get` (a flow summed over the subtree, a rate never summed, a
// derived element recomputed from its summed parts), read with one query for all the months.
import type { FigureSeries } from '../core/api';
import { derive, valueOverMonths } from '../core/figures';
import { assessSeries } from '../core/rules/outliers';
import { WINDOW } from '../core/rules/window';
import { addMonths, monthParts, yearToDateMonths } from '../core/period';
import { monthSums } from '../db/figures.repo';
import { effectivePlans } from '../db/plans.repo';
import type { Store } from '../db/store';

export function figureSeries(store: Store, unit: string, element: string, to: string, count: number): FigureSeries {
  store.unit(unit);
  const e = store.element(element);
  const months = Array.from({ length: count }, (_, i) => addMonths(to, i - count + 1));
  const needed = new Set(months.flatMap((m) => yearToDateMonths(m)));
  const sums = monthSums(store, unit, [...needed]);
  const parts = e.derived ? [...e.derived.numerator, ...e.derived.denominator] : [element];
  const valueIn = (ms: readonly string[]): number | null => {
    if (!e.derived) return valueOverMonths(e.kind, ms, sums.get(element));
    const byCode = new Map(parts.map((c) => [c, valueOverMonths(store.element(c).kind, ms, sums.get(c))]));
    return derive(e, (c) => byCode.get(c) ?? null);
  };
  const years = [...new Set(months.map((m) => monthParts(m).year))];
  const points = months.map((m) => ({ period: m, value: valueIn([m]), ytd: valueIn(yearToDateMonths(m)) }));
  // The outlier check's expected range for the last month: the same reading of the same 13
  // months (core/rules/window.ts), so the chart shows the range the check used.
  const recent = points.slice(-WINDOW).reverse().map((p) => p.value ?? Number.NaN);
  const judged = e.kind === 'derived' ? null : assessSeries(e, recent);
  return {
    range: judged ? { low: judged.low, high: judged.high, expected: judged.expected, flagged: judged.flagged } : null,
    unit,
    element,
    points,
    plans: years.map((year) => {
      const plan = effectivePlans(store, unit, year).get(element);
      return { year, target: plan?.target ?? null, direction: plan?.direction ?? null };
    }),
  };
}

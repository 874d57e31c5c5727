// The province's plan indicators for a unit and each of its child units: every figure summed
// over the unit's subtree by its kind (db/figures.repo.ts), then the ratio of those sums.
import { UserError } from '../core/errors';
import type { Figure } from '../core/figures';
import { computeIndicator, planFor } from '../core/indicators';
import { shippedIndicators } from '../core/indicators-data';
import type { IndicatorsView, UnitIndicators } from '../core/api/indicators';
import { isPeriodSpec, resolvePeriod } from '../core/period';
import { getFigures } from './figures.repo';
import type { Store } from './store';

export function getIndicators(store: Store, unit: string, period: string): IndicatorsView {
  if (!isPeriodSpec(period)) throw new UserError('error.badPeriodSpec', { period });
  const self = store.unit(unit);
  const year = resolvePeriod(period).year;
  const set = shippedIndicators(store.catalogue);
  const plan = planFor(set, year);
  // The plan's indicators in the plan's order; with no plan yet, every indicator without a target.
  const defs = plan
    ? plan.entries.map((p) => set.indicators.find((i) => i.code === p.code)!)
    : set.indicators;
  const targets = new Map(plan?.entries.map((p) => [p.code, { target: p.target, direction: p.direction }]) ?? []);
  const children = store.tree().children.get(self.code) ?? [];
  const units = [self.code, ...children].map((code): UnitIndicators => {
    const u = store.unit(code);
    const figures = new Map<string, Figure>(getFigures(store, code, period).figures.map((f) => [f.element, f]));
    return {
      unit: code,
      name: u.name,
      level: u.level,
      indicators: defs.map((d) => computeIndicator(d, (c) => figures.get(c), targets.get(d.code) ?? null)),
    };
  });
  return { unit, period, planYear: plan?.year ?? null, definitions: defs, units };
}

// The figures of a unit and period: one grouped query for every month involved, then the
// pure aggregation in core/figures.ts.
import { UNSUMMED_KINDS } from '../core/catalogue';
import { computeFigures, type Figures } from '../core/figures';
import { UserError } from '../core/errors';
import { isPeriodSpec, resolvePeriod, samePeriodLastYear, yearToDateMonths } from '../core/period';
import { subtree } from '../core/orgunit';
import { effectivePlans } from './plans.repo';
import { all, inList, qb } from './query';
import type { Store } from './store';

/** element code → month → aggregated value over the unit's subtree. */
export function monthSums(store: Store, unit: string, months: readonly string[]): Map<string, Map<string, number>> {
  const unitIds = subtree(store.tree(), store.unit(unit).code).map((c) => store.unitId(c));
  const self = store.unitId(unit);
  const rows = all(
    store.db,
    qb
      .selectFrom('data_value as v')
      .innerJoin('data_element as e', 'e.id', 'v.element_id')
      .select((eb) => [
        'v.element_id',
        'v.period',
        // A rate (UNSUMMED_KINDS) counts only the unit's own value, never its children's.
        eb.fn
          .sum<number | null>(
            eb.case().when(eb.and([eb('e.kind', 'in', inList(UNSUMMED_KINDS)), eb('v.unit_id', '<>', self)])).then(null).else(eb.ref('v.value')).end(),
          )
          .as('total'),
      ])
      .where('v.unit_id', 'in', inList(unitIds))
      .where('v.period', 'in', inList(months))
      .where('v.value', 'is not', null)
      .groupBy(['v.element_id', 'v.period']),
  );
  const sums = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (r.total === null) continue;
    const code = store.elementCode(r.element_id);
    let m: Map<string, number> | undefined = sums.get(code);
    if (!m) {
      m = new Map<string, number>();
      sums.set(code, m);
    }
    m.set(r.period, r.total);
  }
  return sums;
}

export function getFigures(store: Store, unit: string, period: string): Figures {
  if (!isPeriodSpec(period)) throw new UserError('error.badPeriodSpec', { period });
  store.unit(unit);
  const p = resolvePeriod(period);
  const months = new Set([...p.months, ...yearToDateMonths(p.end), ...resolvePeriod(samePeriodLastYear(period)).months]);
  const sums = monthSums(store, unit, [...months]);
  return computeFigures(store.catalogue, unit, period, sums, effectivePlans(store, unit, p.year));
}

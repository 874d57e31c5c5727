// The figures of a unit and period: one grouped query for every month involved, then the
// pure aggregation in core/figures.ts.
import { UNSUMMED_KINDS } from '../core/catalogue';
import { computeFigures, type Figures } from '../core/figures';
import { UserError } from '../core/errors';
import { isPeriodSpec, resolvePeriod, samePeriodLastYear, yearToDateMonths } from '../core/period';
import { subtree } from '../core/orgunit';
import { effectivePlans } from './plans.repo';
import { prepared } from './query';
import type { Store } from './store';

// Raw SQL: one grouped aggregate over json_each lists, which Kysely would only wrap in sql``.
// A rate (UNSUMMED_KINDS) counts only the unit's own value, never its children's.
const SUMS = `
  SELECT v.element_id AS element_id, v.period AS period,
         SUM(CASE WHEN e.kind IN (SELECT value FROM json_each(@unsummed)) AND v.unit_id <> @self THEN NULL ELSE v.value END) AS total
  FROM data_value v JOIN data_element e ON e.id = v.element_id
  WHERE v.unit_id IN (SELECT value FROM json_each(@units))
    AND v.period IN (SELECT value FROM json_each(@periods))
    AND v.value IS NOT NULL
  GROUP BY v.element_id, v.period`;

/** element code → month → aggregated value over the unit's subtree. */
export function monthSums(store: Store, unit: string, months: readonly string[]): Map<string, Map<string, number>> {
  const unitIds = subtree(store.tree(), store.unit(unit).code).map((c) => store.unitId(c));
  const rows = prepared(store.db, SUMS).all({
    self: store.unitId(unit),
    unsummed: JSON.stringify(UNSUMMED_KINDS),
    units: JSON.stringify(unitIds),
    periods: JSON.stringify(months),
  }) as { element_id: number; period: string; total: number | null }[];
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

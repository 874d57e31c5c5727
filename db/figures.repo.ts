// The figures of a unit and period: one grouped query for every month involved, then the
// pure aggregation in core/figures.ts.
import Database from 'better-sqlite3';
import { UNSUMMED_KINDS } from '../core/catalogue';
import { computeFigures, type Figures } from '../core/figures';
import { UserError } from '../core/errors';
import { isPeriodSpec, resolvePeriod, samePeriodLastYear, yearToDateMonths } from '../core/period';
import { subtree } from '../core/orgunit';
import { effectivePlans } from './plans.repo';
import { all, inList, prepared, qb } from './query';
import type { Store } from './store';

/** The grouped query over the unit's subtree: one row per element and month with a total. */
function sumRows(store: Store, unit: string, months: readonly string[]): { element_id: number; period: string; total: number | null }[] {
  const unitIds = subtree(store.tree(), store.unit(unit).code).map((c) => store.unitId(c));
  const self = store.unitId(unit);
  return all(
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
}

/**
 * element code → month → aggregated value over the unit's subtree. Each month's totals are kept
 * in month_total (migration 5) once computed, by the same query; a change of a value forgets
 * its month there, so a province's year is one month's sum after a bundle, not 2 M rows again.
 * A read-only store computes without keeping anything.
 */
export function monthSums(store: Store, unit: string, months: readonly string[]): Map<string, Map<string, number>> {
  const sums = new Map<string, Map<string, number>>();
  const add = (elementId: number, period: string, total: number | null) => {
    if (total === null) return;
    const code = store.elementCode(elementId);
    let m: Map<string, number> | undefined = sums.get(code);
    if (!m) {
      m = new Map<string, number>();
      sums.set(code, m);
    }
    m.set(period, total);
  };
  if (store.db.readonly || months.length === 0) {
    for (const r of sumRows(store, unit, months)) add(r.element_id, r.period, r.total);
    return sums;
  }
  const self = store.unitId(unit);
  const list = JSON.stringify(months);
  const done = new Set(
    (prepared(store.db, 'SELECT period FROM month_total_done WHERE unit_id = ? AND period IN (SELECT value FROM json_each(?))').all(self, list) as { period: string }[]).map(
      (r) => r.period,
    ),
  );
  const todo = months.filter((m) => !done.has(m));
  if (todo.length > 0) {
    // Computed and kept in one transaction: the trigger of a value written meanwhile cannot
    // interleave, so a kept total is never older than the values it sums. When the totals
    // cannot be kept (another program holds the write lock, a full disk), the figures are
    // computed all the same and nothing is kept.
    try {
      store.db.transaction(() => {
        const keep = prepared(store.db, 'INSERT INTO month_total (period, unit_id, element_id, total) VALUES (?, ?, ?, ?)');
        const mark = prepared(store.db, 'INSERT INTO month_total_done (period, unit_id) VALUES (?, ?)');
        for (const r of sumRows(store, unit, todo)) if (r.total !== null) keep.run(r.period, self, r.element_id, r.total);
        for (const m of todo) mark.run(m, self);
      }).immediate();
    } catch (e) {
      if (!(e instanceof Database.SqliteError)) throw e;
      for (const r of sumRows(store, unit, months)) add(r.element_id, r.period, r.total);
      return sums;
    }
  }
  const rows = prepared(store.db, 'SELECT element_id, period, total FROM month_total WHERE period IN (SELECT value FROM json_each(?)) AND unit_id = ?').all(list, self) as {
    element_id: number;
    period: string;
    total: number;
  }[];
  for (const r of rows) add(r.element_id, r.period, r.total);
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

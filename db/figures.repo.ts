// The figures of a unit and period: one grouped query for every month involved, then the
// pure aggregation in core/figures.ts.
import { UNSUMMED_KINDS } from '../core/catalogue';
import { computeFigures, type Figures, type PredecessorUse } from '../core/figures';
import { UserError } from '../core/errors';
import { isPeriodSpec, resolvePeriod, samePeriodLastYear, yearToDateMonths } from '../core/period';
import { predecessorsOf, subtree } from '../core/orgunit';
import { effectivePlans } from './plans.repo';
import { all, inList, prepared, qb } from './query';
import type { Store } from './store';
import { hasStoredTotals, movesOf, storedTotals, treeIn } from './unit-total.repo';

/** The grouped query over some units: one row per element and month with a total. */
function sumRows(store: Store, unitIds: readonly number[], self: number, months: readonly string[], noRates = false): { element_id: number; period: string; total: number | null }[] {
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
      .$if(noRates, (q) => q.where('e.kind', 'not in', inList(UNSUMMED_KINDS)))
      .where('v.period', 'in', inList(months))
      .where('v.value', 'is not', null)
      .groupBy(['v.element_id', 'v.period']),
  );
}

function sumsOver(store: Store, unitIds: readonly number[], self: number, months: readonly string[], noRates = false): Map<string, Map<string, number>> {
  const sums = new Map<string, Map<string, number>>();
  for (const r of sumRows(store, unitIds, self, months, noRates)) addTo(sums, store.elementCode(r.element_id), r.period, r.total);
  return sums;
}

/**
 * A sum of decimals depends, in its last bits, on the order it was added in: the stored totals
 * (a province from its districts' totals) and the grouped query (every value at once) may differ
 * there. Both are read to 12 significant digits, which a figure never needs more of.
 */
const round12 = (x: number): number => Number(x.toPrecision(12));

function addTo(sums: Map<string, Map<string, number>>, code: string, period: string, total: number | null): void {
  if (total === null) return;
  total = round12(total);
  let m = sums.get(code);
  if (!m) {
    m = new Map<string, number>();
    sums.set(code, m);
  }
  m.set(period, total);
}

/**
 * The grouped query over the unit's subtree as it stood in each month: a unit moved from a month
 * counts under its old parent before that month, so the months are grouped by the subtree they
 * had, one query per group.
 */
function subtreeRows(store: Store, unit: string, months: readonly string[]): { element_id: number; period: string; total: number | null }[] {
  const tree = store.tree();
  const self = store.unitId(store.unit(unit).code);
  const moves = movesOf(store);
  if (moves.length === 0) return sumRows(store, subtree(tree, unit).map((c) => store.unitId(c)), self, months);
  const groups = new Map<string, { ids: number[]; months: string[] }>();
  for (const m of months) {
    const ids = subtree(treeIn(tree, m, moves), unit).map((c) => store.unitId(c));
    const key = ids.join(',');
    const g = groups.get(key);
    if (g) g.months.push(m);
    else groups.set(key, { ids, months: [m] });
  }
  return [...groups.values()].flatMap((g) => sumRows(store, g.ids, self, g.months));
}

/**
 * Adds to `sums` the values of the units merged into `unit` (or into a unit below it), for the
 * months before each merger: the successor's past is the sum of its predecessors'. Rates are
 * left out (a rate is never summed). Returns the former units and the months they filled.
 */
export function addPredecessorSums(
  store: Store,
  unit: string,
  months: readonly string[],
  sums: Map<string, Map<string, number>>,
): { units: string[]; months: Set<string> } {
  const tree = store.tree();
  const used = { units: [] as string[], months: new Set<string>() };
  for (const p of predecessorsOf(tree, unit)) {
    const own = months.filter((m) => m < p.closedFrom! && (!p.openedFrom || m >= p.openedFrom));
    if (own.length === 0) continue;
    const ids = subtree(tree, p.code).map((c) => store.unitId(c));
    // No unit is "self" here: a rate of a former unit counts for nobody.
    const part = sumsOver(store, ids, -1, own, true);
    if (part.size === 0) continue;
    used.units.push(p.code);
    for (const [element, byMonth] of part) {
      let m = sums.get(element);
      if (!m) {
        m = new Map<string, number>();
        sums.set(element, m);
      }
      for (const [month, v] of byMonth) {
        m.set(month, (m.get(month) ?? 0) + v);
        used.months.add(month);
      }
    }
  }
  return used;
}

// The month totals of each unit's subtree, kept per connection in SQLite's temp database (never
// in the user's file: reading figures writes nothing there). A row holds what the grouped query
// gives for one unit, month and element; a `month_total_done` row says the unit's month was
// computed. Temp triggers on this connection forget a month when one of its values is written,
// cleared, deleted or moved, and forget everything when the tree (a unit or its history) or an element's kind changes;
// a commit by another connection (PRAGMA data_version) forgets everything too. Both tables are
// keyed by month first: forgetting a month is one range delete, and a write to a month with
// nothing kept costs one lookup.
const KEPT_SQL = `
  CREATE TEMP TABLE IF NOT EXISTS month_total (
    period TEXT NOT NULL, unit_id INTEGER NOT NULL, element_id INTEGER NOT NULL, total REAL NOT NULL,
    PRIMARY KEY (period, unit_id, element_id)) WITHOUT ROWID;
  CREATE TEMP TABLE IF NOT EXISTS month_total_done (
    period TEXT NOT NULL, unit_id INTEGER NOT NULL, PRIMARY KEY (period, unit_id)) WITHOUT ROWID;
  CREATE TEMP TRIGGER IF NOT EXISTS month_total_value_insert AFTER INSERT ON main.data_value
  WHEN EXISTS (SELECT 1 FROM temp.month_total_done WHERE period = NEW.period) BEGIN
    DELETE FROM temp.month_total_done WHERE period = NEW.period;
    DELETE FROM temp.month_total WHERE period = NEW.period;
  END;
  CREATE TEMP TRIGGER IF NOT EXISTS month_total_value_update AFTER UPDATE OF value, unit_id, period, element_id ON main.data_value
  WHEN EXISTS (SELECT 1 FROM temp.month_total_done WHERE period IN (OLD.period, NEW.period)) BEGIN
    DELETE FROM temp.month_total_done WHERE period IN (OLD.period, NEW.period);
    DELETE FROM temp.month_total WHERE period IN (OLD.period, NEW.period);
  END;
  CREATE TEMP TRIGGER IF NOT EXISTS month_total_value_delete AFTER DELETE ON main.data_value
  WHEN EXISTS (SELECT 1 FROM temp.month_total_done WHERE period = OLD.period) BEGIN
    DELETE FROM temp.month_total_done WHERE period = OLD.period;
    DELETE FROM temp.month_total WHERE period = OLD.period;
  END;
  CREATE TEMP TRIGGER IF NOT EXISTS month_total_unit_insert AFTER INSERT ON main.org_unit BEGIN
    DELETE FROM temp.month_total_done; DELETE FROM temp.month_total;
  END;
  CREATE TEMP TRIGGER IF NOT EXISTS month_total_unit_update AFTER UPDATE ON main.org_unit BEGIN
    DELETE FROM temp.month_total_done; DELETE FROM temp.month_total;
  END;
  CREATE TEMP TRIGGER IF NOT EXISTS month_total_unit_history AFTER INSERT ON main.org_unit_history BEGIN
    DELETE FROM temp.month_total_done; DELETE FROM temp.month_total;
  END;
  CREATE TEMP TRIGGER IF NOT EXISTS month_total_unit_delete AFTER DELETE ON main.org_unit BEGIN
    DELETE FROM temp.month_total_done; DELETE FROM temp.month_total;
  END;
  CREATE TEMP TRIGGER IF NOT EXISTS month_total_element_insert AFTER INSERT ON main.data_element BEGIN
    DELETE FROM temp.month_total_done; DELETE FROM temp.month_total;
  END;
  CREATE TEMP TRIGGER IF NOT EXISTS month_total_element_kind AFTER UPDATE OF kind, id ON main.data_element BEGIN
    DELETE FROM temp.month_total_done; DELETE FROM temp.month_total;
  END;
`;

/** Per connection: the data_version seen when the kept totals were last known good. */
const keptVersion = new WeakMap<Store['db'], number>();

/** Makes the temp tables and triggers once per connection; forgets all after another connection's commit. */
function keptTotalsReady(store: Store): void {
  const version = store.db.pragma('data_version', { simple: true }) as number;
  const seen = keptVersion.get(store.db);
  if (seen === undefined) store.db.exec(KEPT_SQL);
  else if (seen !== version) store.db.exec('DELETE FROM temp.month_total_done; DELETE FROM temp.month_total;');
  keptVersion.set(store.db, version);
}

/**
 * element code → month → aggregated value over the unit's subtree. A month whose totals are
 * stored in the file (db/unit-total.repo.ts: written by the bundle apply and `totals rebuild`)
 * is read from there. Any other month is summed by the grouped query and kept for this
 * connection (above): a change of a value forgets its month, so a province's year after a
 * change is one month's sum, not 2 M rows again. A read-only connection computes without
 * keeping. Reading never writes the user's file.
 */
export function monthSums(store: Store, unit: string, months: readonly string[]): Map<string, Map<string, number>> {
  const sums = new Map<string, Map<string, number>>();
  const add = (elementId: number, period: string, total: number | null) => addTo(sums, store.elementCode(elementId), period, total);
  if (months.length > 0 && hasStoredTotals(store.db)) {
    const stored = storedTotals(store, store.unitId(unit), months);
    for (const r of stored.rows) add(r.element_id, r.period, r.total);
    if (stored.months.size > 0) months = months.filter((m) => !stored.months.has(m));
  }
  if (months.length === 0) return sums;
  if (store.db.readonly) {
    for (const r of subtreeRows(store, unit, months)) add(r.element_id, r.period, r.total);
    return sums;
  }
  keptTotalsReady(store);
  const self = store.unitId(unit);
  const list = JSON.stringify(months);
  const done = new Set(
    (prepared(store.db, 'SELECT period FROM temp.month_total_done WHERE unit_id = ? AND period IN (SELECT value FROM json_each(?))').all(self, list) as { period: string }[]).map(
      (r) => r.period,
    ),
  );
  const todo = months.filter((m) => !done.has(m));
  if (todo.length > 0) {
    // Only the temp database is written: the user's file is not locked nor changed.
    store.db.transaction(() => {
      const keep = prepared(store.db, 'INSERT INTO temp.month_total (period, unit_id, element_id, total) VALUES (?, ?, ?, ?)');
      const mark = prepared(store.db, 'INSERT INTO temp.month_total_done (period, unit_id) VALUES (?, ?)');
      for (const r of subtreeRows(store, unit, todo)) if (r.total !== null) keep.run(r.period, self, r.element_id, r.total);
      for (const m of todo) mark.run(m, self);
    })();
  }
  const rows = prepared(store.db, 'SELECT element_id, period, total FROM temp.month_total WHERE period IN (SELECT value FROM json_each(?)) AND unit_id = ?').all(list, self) as {
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
  const former = addPredecessorSums(store, unit, [...months], sums);
  const figures = computeFigures(store.catalogue, unit, period, sums, effectivePlans(store, unit, p.year));
  if (former.units.length === 0) return figures;
  const filled = (list: readonly string[]) => list.some((m) => former.months.has(m));
  const use: PredecessorUse = {
    units: former.units,
    value: filled(p.months),
    ytd: filled(yearToDateMonths(p.end)),
    lastYear: filled(resolvePeriod(samePeriodLastYear(period)).months),
  };
  return { ...figures, predecessors: use };
}

// The figures of a unit and period: one grouped query for every month involved, then the
// pure aggregation in core/figures.ts.
import { UNSUMMED_KINDS } from '../core/catalogue';
import { computeFigures, type Figures, type PredecessorUse } from '../core/figures';
import { UserError } from '../core/errors';
import { isPeriodSpec, resolvePeriod, samePeriodLastYear, yearToDateMonths } from '../core/period';
import { buildTree, parentIn, predecessorsOf, subtree, type OrgTree, type UnitChange } from '../core/orgunit';
import { effectivePlans } from './plans.repo';
import { all, inList, qb } from './query';
import type { Store } from './store';

/** element code → month → aggregated value over the unit's subtree. */
export function monthSums(store: Store, unit: string, months: readonly string[]): Map<string, Map<string, number>> {
  const tree = store.tree();
  const self = store.unitId(store.unit(unit).code);
  const moves = movesOf(store);
  if (moves.length === 0) return sumsOver(store, subtree(tree, unit).map((c) => store.unitId(c)), self, months);
  // A unit moved from a month counts under its old parent before that month: the months are
  // grouped by the subtree they had, one query per group.
  const groups = new Map<string, { ids: number[]; months: string[] }>();
  for (const m of months) {
    const ids = subtree(treeIn(tree, m, moves), unit).map((c) => store.unitId(c));
    const key = ids.join(',');
    const g = groups.get(key);
    if (g) g.months.push(m);
    else groups.set(key, { ids, months: [m] });
  }
  const sums = new Map<string, Map<string, number>>();
  for (const g of groups.values()) {
    for (const [element, byMonth] of sumsOver(store, g.ids, self, g.months)) {
      const into = sums.get(element) ?? new Map<string, number>();
      for (const [m, v] of byMonth) into.set(m, v);
      sums.set(element, into);
    }
  }
  return sums;
}

/** Every move that took effect from a month (units.move, and the units a merger moved). */
function movesOf(store: Store): UnitChange[] {
  return (
    store.db
      .prepare(
        `SELECT u.code AS unit, h.old_value AS oldValue, h.effective_from AS "from" FROM org_unit_history h
         JOIN org_unit u ON u.id = h.unit_id WHERE h.change = 'move' AND h.effective_from IS NOT NULL`,
      )
      .all() as { unit: string; oldValue: string | null; from: string }[]
  ).map((r) => ({ ...r, change: 'move' as const, newValue: null, note: null, changedBy: '', changedAt: '' }));
}

/** The tree as it stood in `month`: each moved unit under the parent it had then. */
function treeIn(tree: OrgTree, month: string, moves: readonly UnitChange[]): OrgTree {
  const moved = new Set(moves.filter((m) => month < m.from!).map((m) => m.unit));
  if (moved.size === 0) return tree;
  return buildTree([...tree.units.values()].map((u) => (moved.has(u.code) ? { ...u, parent: parentIn(u, month, moves) } : u)));
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

function sumsOver(store: Store, unitIds: readonly number[], self: number, months: readonly string[], noRates = false): Map<string, Map<string, number>> {
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
      .$if(noRates, (q) => q.where('e.kind', 'not in', inList(UNSUMMED_KINDS)))
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

// Annual plan targets per (unit, year, element), with their direction.
import { sumsOverUnits } from '../core/catalogue';
import { UserError } from '../core/errors';
import { isYearInRange } from '../core/period';
import { checkTarget, type PlanDirection, type PlanTarget } from '../core/plan';
import { subtree } from '../core/orgunit';
import { all, inList, prepared, qb } from './query';
import type { Store } from './store';

export interface PlanInput {
  unit: string;
  year: number;
  element: string;
  /** null removes the target. */
  target: number | null;
  direction?: PlanDirection;
}

function checkYear(year: number): void {
  if (!isYearInRange(year)) throw new UserError('error.badYear', { year: String(year) });
}

/** Sets plan targets, all or nothing. */
export function setPlans(store: Store, inputs: readonly PlanInput[], user: string, now = new Date()): number {
  const rows = inputs.map((p) => {
    checkYear(p.year);
    store.unit(p.unit);
    const err = checkTarget(store.element(p.element), p.target);
    if (err) throw err;
    return { ...p, unitId: store.unitId(p.unit), elementId: store.elementId(p.element) };
  });
  const at = now.toISOString();
  return store.db.transaction(() => {
    for (const r of rows) {
      if (r.target === null) {
        prepared(store.db, 'DELETE FROM plan_target WHERE unit_id = ? AND year = ? AND element_id = ?').run(r.unitId, r.year, r.elementId);
      } else {
        prepared(
          store.db,
          `INSERT INTO plan_target (unit_id, year, element_id, target, direction, updated_by, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (unit_id, year, element_id) DO UPDATE SET target = excluded.target,
             direction = excluded.direction, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
        ).run(r.unitId, r.year, r.elementId, r.target, r.direction ?? '>=', user, at);
      }
    }
    return rows.length;
  }).immediate();
}

/** The unit's own targets for a year. */
export function listPlans(store: Store, unit: string, year: number): PlanTarget[] {
  const rows = all(
    store.db,
    qb
      .selectFrom('plan_target')
      .select(['element_id', 'target', 'direction'])
      .where('unit_id', '=', store.unitId(unit))
      .where('year', '=', year)
      .orderBy('element_id'),
  );
  return rows.map((r) => ({ unit, year, element: store.elementCode(r.element_id), target: r.target, direction: r.direction }));
}

/**
 * The target that applies to a unit: its own, or else the sum of the targets set for the
 * units below it (a district without a plan of its own is planned by its communes).
 */
export function effectivePlans(store: Store, unit: string, year: number): Map<string, { target: number; direction: PlanDirection }> {
  const own = new Map(listPlans(store, unit, year).map((p) => [p.element, { target: p.target, direction: p.direction }]));
  const below = subtree(store.tree(), unit).slice(1).map((c) => store.unitId(c));
  if (below.length === 0) return own;
  const rows = all(
    store.db,
    qb
      .selectFrom('plan_target')
      .select((eb) => ['element_id', eb.fn.sum<number>('target').as('target'), eb.fn.min('direction').as('direction')])
      .where('year', '=', year)
      .where('unit_id', 'in', inList(below))
      .groupBy('element_id'),
  );
  for (const r of rows) {
    const code = store.elementCode(r.element_id);
    const e = store.catalogue.byCode.get(code);
    if (!own.has(code) && e && sumsOverUnits(e.kind)) {
      own.set(code, { target: r.target, direction: r.direction });
    }
  }
  return own;
}

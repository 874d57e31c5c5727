// Annual plan targets per (unit, year, element), with their direction.
import type { PlanRow } from '../core/api/plans';
import { sumsOverUnits, type CatalogueElement } from '../core/catalogue';
import { UserError } from '../core/errors';
import { isYearInRange } from '../core/period';
import { checkTarget, type PlanDirection, type PlanTarget } from '../core/plan';
import { subtree, type OrgUnitLevel } from '../core/orgunit';
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

/** Whether a unit at this level can have a target for the element: never a computed one; a commune only its own elements. */
export function canHaveTarget(e: CatalogueElement, level: OrgUnitLevel): boolean {
  return e.kind !== 'derived' && (level !== 'commune' || e.entryLevel === 'commune');
}

/** Every element that can have a target at the unit, with the unit's own target (or none), in catalogue order. */
export function planRows(store: Store, unit: string, year: number): PlanRow[] {
  checkYear(year);
  const u = store.unit(unit);
  const own = new Map(
    all(
      store.db,
      qb
        .selectFrom('plan_target')
        .select(['element_id', 'target', 'direction', 'updated_by', 'updated_at'])
        .where('unit_id', '=', store.unitId(unit))
        .where('year', '=', year),
    ).map((r) => [store.elementCode(r.element_id), r]),
  );
  const effective = effectivePlans(store, unit, year);
  const programmes = new Map(store.catalogue.programmes.map((p) => [p.code, p.sort]));
  return store.catalogue.elements
    .filter((e) => canHaveTarget(e, u.level))
    .sort((a, b) => (programmes.get(a.programme) ?? 0) - (programmes.get(b.programme) ?? 0) || a.sort - b.sort)
    .map((e) => {
      const o = own.get(e.code);
      const below = !o ? effective.get(e.code) : undefined;
      return {
        element: e.code,
        programme: e.programme,
        target: o?.target ?? null,
        direction: o?.direction ?? null,
        fromBelow: below?.target ?? null,
        updatedBy: o?.updated_by ?? null,
        updatedAt: o?.updated_at ?? null,
      };
    });
}

/** Sets one target (null removes it), refusing an element the unit cannot plan; returns its row. */
export function setPlan(store: Store, input: PlanInput, user: string, now = new Date()): PlanRow {
  checkYear(input.year);
  const u = store.unit(input.unit);
  const e = store.element(input.element);
  if (e.kind !== 'derived' && !canHaveTarget(e, u.level)) {
    throw new UserError('plans.notForUnit', { element: e.nameVi, unit: u.name });
  }
  setPlans(store, [input], user, now);
  return planRows(store, input.unit, input.year).find((r) => r.element === input.element)!;
}

/**
 * Copies a unit's targets of one year into another, all in one transaction. A target already set
 * in the year copied to is kept unless `overwrite`.
 */
export function copyPlans(
  store: Store,
  unit: string,
  from: number,
  to: number,
  overwrite: boolean,
  user: string,
  now = new Date(),
): { copied: number; kept: number; overwritten: number } {
  checkYear(from);
  checkYear(to);
  const u = store.unit(unit);
  if (from === to) throw new UserError('plans.sameYear', { year: String(from) });
  const source = listPlans(store, unit, from).filter((p) => {
    const e = store.catalogue.byCode.get(p.element);
    return e !== undefined && canHaveTarget(e, u.level);
  });
  if (source.length === 0) throw new UserError('plans.nothingToCopy', { unit: u.name, year: String(from) });
  const existing = new Set(listPlans(store, unit, to).map((p) => p.element));
  const inputs: PlanInput[] = [];
  let kept = 0;
  let overwritten = 0;
  for (const p of source) {
    if (existing.has(p.element)) {
      if (!overwrite) {
        kept++;
        continue;
      }
      overwritten++;
    }
    inputs.push({ unit, year: to, element: p.element, target: p.target, direction: p.direction });
  }
  if (inputs.length > 0) setPlans(store, inputs, user, now);
  return { copied: inputs.length, kept, overwritten };
}

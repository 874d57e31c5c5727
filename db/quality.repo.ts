// What the checks read from the database: the values of a unit's subtree over the month and
// the 12 before it (one range query on the primary key per unit), each unit's first month of
// data, the month's explanation comments; and the month status table.
import type { MonthStatus, MonthStatusValue } from '../core/api/quality';
import { WINDOW, aggregateWindows, elementIndex, emptyWindows, type Windows } from '../core/rules/window';
import { addMonths } from '../core/period';
import { subtree } from '../core/orgunit';
import { all, inList, prepared, qb } from './query';
import type { Store } from './store';

// Raw SQL read as arrays (.raw): the hot path of every validation, 13 months of a subtree.
const VALUES = `
  SELECT unit_id, element_id, period, value FROM data_value
  WHERE unit_id IN (SELECT value FROM json_each(?)) AND period BETWEEN ? AND ? AND value IS NOT NULL`;

// Any row counts as "data entered", even one cleared later: it marks when the unit started
// reporting. MIN over the primary key's leading columns is one index probe per unit.
const firstMonth = (unitId: number) =>
  qb.selectFrom('data_value').select((eb) => eb.fn.min('period').as('first')).where('unit_id', '=', unitId);

/** Loads the windows of `unit` and every unit below it for `period`. */
export function loadWindows(store: Store, unit: string, period: string): Windows {
  const w = emptyWindows(store.catalogue, store.tree(), store.unit(unit).code, period);
  const ids = w.order.map((c) => store.unitId(c));
  const byId = new Map(ids.map((id, i) => [id, w.own.get(w.order[i]!)!.data]));
  const index = elementIndex(store.catalogue).index;
  const offsets = new Map<string, number>();
  for (let i = 0; i < WINDOW; i++) offsets.set(addMonths(period, -i), i);
  // Element id → its first cell in a window (-1: retired, not in this catalogue).
  const base = new Map<number, number>();
  const rows = prepared(store.db, VALUES).raw(true).all(JSON.stringify(ids), addMonths(period, -(WINDOW - 1)), period) as [number, number, string, number][];
  for (const [unitId, elementId, p, value] of rows) {
    let b = base.get(elementId);
    if (b === undefined) {
      const i = index.get(store.elementCode(elementId));
      b = i === undefined ? -1 : i * WINDOW;
      base.set(elementId, b);
    }
    if (b >= 0) byId.get(unitId)![b + offsets.get(p)!] = value;
  }
  const first = new Map<string, string>();
  w.order.forEach((c, i) => {
    const [r] = all(store.db, firstMonth(ids[i]!));
    if (r?.first) first.set(c, r.first);
  });
  return aggregateWindows(store.catalogue, store.tree(), w, first);
}

/** "unit|element" of every value of the subtree's month that carries a non-empty comment. */
export function commentedCells(store: Store, unit: string, period: string): Set<string> {
  const ids = subtree(store.tree(), store.unit(unit).code).map((c) => store.unitId(c));
  const rows = all(
    store.db,
    qb
      .selectFrom('data_value')
      .select(['unit_id', 'element_id'])
      .where('unit_id', 'in', inList(ids))
      .where('period', '=', period)
      .where((eb) => eb(eb.fn('trim', [eb.fn.coalesce('comment', eb.val(''))]), '<>', '')),
  );
  return new Set(rows.map((r) => `${store.unitCode(r.unit_id)}|${store.elementCode(r.element_id)}`));
}

export function getMonthStatus(store: Store, unit: string, period: string): MonthStatus {
  const [row] = all(
    store.db,
    qb
      .selectFrom('month_status')
      .select(['status', 'explained_count', 'changed_by', 'changed_at'])
      .where('unit_id', '=', store.unitId(unit))
      .where('period', '=', period),
  );
  if (!row) return { unit, period, status: 'open', explainedCount: 0, changedBy: null, changedAt: null };
  return { unit, period, status: row.status, explainedCount: row.explained_count, changedBy: row.changed_by, changedAt: row.changed_at };
}

export function setMonthStatus(store: Store, unit: string, period: string, status: MonthStatusValue, explainedCount: number, user: string, now: Date): MonthStatus {
  // Raw SQL: an upsert (ON CONFLICT) on the month's status row.
  prepared(
    store.db,
    `INSERT INTO month_status (unit_id, period, status, explained_count, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (unit_id, period) DO UPDATE SET status = excluded.status, explained_count = excluded.explained_count,
       changed_by = excluded.changed_by, changed_at = excluded.changed_at`,
  ).run(store.unitId(unit), period, status, explainedCount, user, now.toISOString());
  return getMonthStatus(store, unit, period);
}

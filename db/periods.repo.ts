// Which months hold data (the app opens on the newest one, not on an empty month), and which
// are locked because they were marked complete.
import { UserError } from '../core/errors';
import { subtree } from '../core/orgunit';
import { MONTH_LOCKED } from './migrations/0003-month-lock';
import { all, inList, qb } from './query';
import type { Store } from './store';

/** The newest month with a value (not a cleared one) in the unit's subtree; null when none. */
export function latestPeriod(store: Store, unit: string): string | null {
  const ids = subtree(store.tree(), store.unit(unit).code).map((c) => store.unitId(c));
  const [row] = all(
    store.db,
    qb
      .selectFrom('data_value')
      .select((eb) => eb.fn.max('period').as('period'))
      .where('value', 'is not', null)
      .where('unit_id', 'in', inList(ids)),
  );
  return row?.period ?? null;
}

/** The completed unit that locks `unit`'s month: the unit itself or one above it; null when open. */
export function lockingUnit(store: Store, unit: string, period: string): string | null {
  const tree = store.tree();
  const chain: string[] = [];
  for (let u: string | null = unit; u !== null && !chain.includes(u); u = tree.units.get(u)?.parent ?? null) chain.push(u);
  const [row] = all(
    store.db,
    qb
      .selectFrom('month_status')
      .select('unit_id')
      .where('period', '=', period)
      .where('status', '=', 'complete')
      .where('unit_id', 'in', inList(chain.map((c) => store.unitId(c))))
      .limit(1),
  );
  return row ? store.unitCode(row.unit_id) : null;
}

/** The sentence for a write into a completed month: which unit's month, who locks it, what to do. */
export function monthLockedError(store: Store, unit: string, period: string, locker: string): UserError {
  return new UserError('quality.locked.write', { unit: store.unit(unit).name, period, locker: store.unit(locker).name });
}

/** Throws the clear sentence when the unit's month is complete (here or above); the triggers are the backstop. */
export function assertMonthOpen(store: Store, unit: string, period: string): void {
  const locker = lockingUnit(store, unit, period);
  if (locker) throw monthLockedError(store, unit, period, locker);
}

/** A write the database refused because its month is complete (a path that did not ask first). */
export function isMonthLockedError(e: unknown): boolean {
  return e instanceof Error && e.message.includes(MONTH_LOCKED);
}

/** How many values (not cleared ones) the unit and the units below it hold for the month. */
export function filledCount(store: Store, unit: string, period: string): number {
  const ids = subtree(store.tree(), store.unit(unit).code).map((c) => store.unitId(c));
  const [row] = all(
    store.db,
    qb
      .selectFrom('data_value')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('period', '=', period)
      .where('value', 'is not', null)
      .where('unit_id', 'in', inList(ids)),
  );
  return row?.n ?? 0;
}

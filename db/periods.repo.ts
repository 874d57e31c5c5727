// Which months hold data: the app opens on the newest one, not on an empty month.
import { subtree } from '../core/orgunit';
import { prepared } from './query';
import type { Store } from './store';

/** The newest month with a value (not a cleared one) in the unit's subtree; null when none. */
export function latestPeriod(store: Store, unit: string): string | null {
  const ids = subtree(store.tree(), store.unit(unit).code).map((c) => store.unitId(c));
  const row = prepared(
    store.db,
    `SELECT max(period) AS period FROM data_value
     WHERE value IS NOT NULL AND unit_id IN (SELECT value FROM json_each(?))`,
  ).get(JSON.stringify(ids)) as { period: string | null };
  return row.period;
}

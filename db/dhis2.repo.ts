// What a DHIS2 export reads: the stored values of a unit and every unit below it for some
// months (each at its own unit: DHIS2 aggregates up its own hierarchy), and whether the unit's
// months are marked complete. One query each, ordered by unit then element.
import { subtree } from '../core/orgunit';
import { all, inList, qb } from './query';
import type { Store } from './store';

export interface StoredValue {
  unit: string;
  period: string;
  element: string;
  value: number;
  comment: string | null;
  /** Who changed it last, and when (ISO 8601): DHIS2's storedBy and lastUpdated. */
  storedBy: string;
  lastUpdated: string;
}

/** The subtree's values (not cleared ones) of the months, ordered by unit code, element code, period. */
export function subtreeValues(store: Store, unit: string, months: readonly string[]): StoredValue[] {
  const ids = subtree(store.tree(), store.unit(unit).code).map((c) => store.unitId(c));
  const rows = all(
    store.db,
    qb
      .selectFrom('data_value as v')
      .innerJoin('org_unit as u', 'u.id', 'v.unit_id')
      .innerJoin('data_element as e', 'e.id', 'v.element_id')
      .select(['u.code as unit', 'v.period', 'e.code as element', 'v.value', 'v.comment', 'v.updated_by as storedBy', 'v.updated_at as lastUpdated'])
      .where('v.unit_id', 'in', inList(ids))
      .where('v.period', 'in', inList(months))
      .where('v.value', 'is not', null)
      .orderBy('u.code')
      .orderBy('e.code')
      .orderBy('v.period'),
  );
  return rows as StoredValue[];
}

/**
 * The day the unit's last month of `months` was marked complete (yyyy-MM-dd), when every one of
 * them is; null when any is open.
 */
export function completeDate(store: Store, unit: string, months: readonly string[]): string | null {
  const rows = all(
    store.db,
    qb
      .selectFrom('month_status')
      .select(['period', 'changed_at'])
      .where('unit_id', '=', store.unitId(unit))
      .where('status', '=', 'complete')
      .where('period', 'in', inList(months)),
  );
  if (rows.length !== months.length) return null;
  const latest = rows.map((r) => r.changed_at).sort().at(-1);
  return latest ? latest.slice(0, 10) : null;
}

// What a DHIS2 export reads: the stored values of a unit and every unit below it for some
// months (each at its own unit: DHIS2 aggregates up its own hierarchy), and whether the unit's
// months are marked complete.
import { subtree } from '../core/orgunit';
import { all, inList, prepared, qb } from './query';
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

// Raw SQL on the primary key (unit_id, period, element_id), rows as arrays, codes from the
// store's maps (the same string for every row): a province month is 80,000 rows, and objects
// and strings made per row were most of the export's time (bench/dhis2.bench.ts).
const valuesSql = (audit: boolean) => `
  SELECT unit_id, element_id, period, value, comment${audit ? ', updated_by, updated_at' : ''}
  FROM data_value
  WHERE unit_id IN (SELECT value FROM json_each(?)) AND period IN (SELECT value FROM json_each(?)) AND value IS NOT NULL
  ORDER BY unit_id, element_id, period`;
const WITH_AUDIT = valuesSql(true);
const WITHOUT_AUDIT = valuesSql(false);

type Row = [number, number, string, number, string | null, string?, string?];

/**
 * The subtree's values (not cleared ones) of the months, grouped by unit (in the order units
 * were registered), then element, then period. `audit`: also who changed each value last and
 * when (storedBy, lastUpdated; empty otherwise — ADX carries neither).
 */
export function subtreeValues(store: Store, unit: string, months: readonly string[], audit = true): StoredValue[] {
  const ids = subtree(store.tree(), store.unit(unit).code).map((c) => store.unitId(c));
  const st = prepared(store.db, audit ? WITH_AUDIT : WITHOUT_AUDIT);
  const rows = st.raw(true).all(JSON.stringify(ids), JSON.stringify(months)) as Row[];
  const out = new Array<StoredValue>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    out[i] = {
      unit: store.unitCode(r[0]),
      element: store.elementCode(r[1]),
      period: r[2],
      value: r[3],
      comment: r[4],
      storedBy: r[5] ?? '',
      lastUpdated: r[6] ?? '',
    };
  }
  return out;
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

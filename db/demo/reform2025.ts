// The demo district in 2025: the July 2025 merger of Hoằng Hóa's communes into new communes
// (Nghị quyết 1686/NQ-UBTVQH15 of 16/6/2025 on Thanh Hóa's communes), so a 2025 month of a new
// commune compares with its predecessors' 2024 ("cộng các đơn vị cũ").
//
// What is real: one group, confirmed by a public source — the new Xã Hoằng Châu from Hoằng
// Thắng, Hoằng Phong, Hoằng Lưu and Hoằng Châu (muigio.com's page on Xã Hoằng Châu, citing
// NQ 1686/NQ-UBTVQH15 and Đề án 352/ĐA-CP of 9/5/2025). The other groups and their names are
// PLACEHOLDERS ("Xã mới … (tên tạm)"): the resolution's text for Hoằng Hóa was not at hand to
// check them; replace them with the resolution's groups when it is. The values are made up:
// each month of 2025 is the same month of 2024 with flows grown by GROWTH, levels held at
// December 2024's; a new commune's values are the sums of its predecessors'.
import { UNSUMMED_KINDS } from '../../core/catalogue';
import { addMonths, type Month } from '../../core/period';
import type { Store } from '../store';
import { mergeUnits } from '../unit-changes.repo';
import { setValues, type ValueInput } from '../values.repo';

export const REFORM_MONTH: Month = '2025-07';
/** The demo's 2025 changes are dated after its last month. */
export const REFORM_NOW = new Date('2026-01-15T08:00:00+07:00');
const GROWTH = 1.04;

export interface ReformGroup {
  code: string;
  name: string;
  /** True when a public source confirms the group and the name. */
  confirmed: boolean;
  from: readonly string[];
  /** Keep the former stations as "điểm trạm" of the new commune's station. */
  keepSites: boolean;
}

const placeholder = (n: number, from: string[]): ReformGroup => ({
  code: `TH_HH_M${String(n).padStart(2, '0')}`,
  name: `Xã mới Hoằng Hóa ${n} (tên tạm)`,
  confirmed: false,
  from,
  keepSites: false,
});

/** The new communes, each from its old ones (codes of the demo's 37 units). */
export const REFORM_GROUPS: readonly ReformGroup[] = [
  { code: 'TH_HH_HOANG_CHAU', name: 'Xã Hoằng Châu', confirmed: true, from: ['TH_HH_19', 'TH_HH_26', 'TH_HH_27', 'TH_HH_28'], keepSites: true },
  placeholder(1, ['TH_HH_01', 'TH_HH_02', 'TH_HH_03', 'TH_HH_04']),
  placeholder(2, ['TH_HH_05', 'TH_HH_06', 'TH_HH_07', 'TH_HH_08']),
  placeholder(3, ['TH_HH_09', 'TH_HH_10', 'TH_HH_11', 'TH_HH_12']),
  placeholder(4, ['TH_HH_13', 'TH_HH_14', 'TH_HH_15', 'TH_HH_16']),
  placeholder(5, ['TH_HH_17', 'TH_HH_18', 'TH_HH_20', 'TH_HH_21']),
  placeholder(6, ['TH_HH_22', 'TH_HH_23', 'TH_HH_24', 'TH_HH_25']),
  placeholder(7, ['TH_HH_29', 'TH_HH_30', 'TH_HH_31', 'TH_HH_32']),
  placeholder(8, ['TH_HH_33', 'TH_HH_34', 'TH_HH_35', 'TH_HH_36', 'TH_HH_37']),
];

const MONTHS_2025: readonly Month[] = Array.from({ length: 12 }, (_, i) => addMonths('2025-01', i));

/**
 * Adds 2025 to a database holding the demo district (seedDemo): January–June on the old
 * communes, the merger from July through the units operations, July–December on the new
 * communes. One transaction; the values of 2023–2024 are not touched.
 */
export function seedReform2025(store: Store, user: string): void {
  const rows = store.db
    .prepare(
      `SELECT u.code AS unit, e.code AS element, v.period, v.value FROM data_value v
       JOIN org_unit u ON u.id = v.unit_id JOIN data_element e ON e.id = v.element_id
       WHERE v.period BETWEEN '2024-01' AND '2024-12' AND v.value IS NOT NULL`,
    )
    .all() as { unit: string; element: string; period: string; value: number }[];
  const v2024 = new Map<string, number>();
  const units = new Set<string>();
  const elements = new Set<string>();
  for (const r of rows) {
    v2024.set(`${r.unit}|${r.element}|${r.period}`, r.value);
    units.add(r.unit);
    elements.add(r.element);
  }
  const cat = store.catalogue;
  /** A unit's 2025 value for a month, from its own 2024. */
  const value2025 = (unit: string, element: string, month: Month): number | undefined => {
    const e = cat.byCode.get(element)!;
    if (e.kind === 'flow') {
      const last = v2024.get(`${unit}|${element}|2024-${month.slice(5)}`);
      if (last === undefined) return undefined;
      const grown = last * GROWTH;
      return e.valueType === 'decimal' ? Math.round(grown * 10) / 10 : Math.round(grown);
    }
    return v2024.get(`${unit}|${element}|2024-12`);
  };
  const merged = new Set(REFORM_GROUPS.flatMap((g) => g.from));
  const inputs: ValueInput[] = [];
  for (const month of MONTHS_2025) {
    const before = month < REFORM_MONTH;
    for (const unit of units) {
      if (merged.has(unit) && !before) continue;
      for (const element of elements) {
        const value = value2025(unit, element, month);
        if (value !== undefined) inputs.push({ unit, period: month, element, value });
      }
    }
    if (before) continue;
    for (const g of REFORM_GROUPS) {
      for (const element of elements) {
        const e = cat.byCode.get(element)!;
        const parts = g.from.map((u) => value2025(u, element, month)).filter((x): x is number => x !== undefined);
        if (parts.length === 0) continue;
        // A rate is never summed: the new commune starts from its largest predecessor's.
        const value = UNSUMMED_KINDS.includes(e.kind) ? Math.max(...parts) : parts.reduce((a, b) => a + b, 0);
        inputs.push({ unit: g.code, period: month, element, value: e.valueType === 'decimal' ? Math.round(value * 10) / 10 : value });
      }
    }
  }
  const by = { user, now: REFORM_NOW };
  store.db.transaction(() => {
    setValues(store, inputs.filter((i) => i.period < REFORM_MONTH), user, 'demo', REFORM_NOW);
    for (const g of REFORM_GROUPS) {
      mergeUnits(store, { units: g.from, into: g.code, name: g.name, from: REFORM_MONTH, keepSites: g.keepSites }, by);
    }
    store.invalidateUnits();
    setValues(store, inputs.filter((i) => i.period >= REFORM_MONTH), user, 'demo', REFORM_NOW);
  })();
  store.invalidateUnits();
}

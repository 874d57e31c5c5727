// A generated province for the benches: 30 districts × 40 communes, every commune element for
// 2023 and 2024 (about 2 M values, as bench/province.bench.ts), and each district's monthly
// bundles of 2024 received: most on time, some late, some missing (for the timeliness chart).
// PROVINCE_DB=path keeps the database there and reuses it on the next run.
import { existsSync } from 'node:fs';
import { shippedCatalogue } from '../core/catalogue-data';
import type { OrgUnit } from '../core/orgunit';
import { makeMonth } from '../core/period';
import { openStore, type Store } from '../db/store';
import { addUnits } from '../db/units.repo';
import { time } from './util';

export const DISTRICTS = 30;
export const COMMUNES = 40;
const YEARS = [2023, 2024];

export function provinceStore(file: string): { store: Store; values: number; generatedMs: number | null } {
  const keep = process.env.PROVINCE_DB;
  const reuse = keep !== undefined && existsSync(keep);
  const store = openStore(keep ?? file, { create: !reuse });
  if (reuse) {
    const values = (store.db.prepare('SELECT count(*) AS n FROM data_value').get() as { n: number }).n;
    return { store, values, generatedMs: null };
  }
  const units: OrgUnit[] = [{ code: 'P', name: 'Tỉnh Thanh Hóa', level: 'province', parent: null }];
  for (let d = 1; d <= DISTRICTS; d++) {
    const dc = `D${String(d).padStart(2, '0')}`;
    units.push({ code: dc, name: `Huyện ${d}`, level: 'district', parent: 'P' });
    for (let c = 1; c <= COMMUNES; c++) units.push({ code: `${dc}X${String(c).padStart(2, '0')}`, name: `Xã ${d}.${c}`, level: 'commune', parent: dc });
  }
  addUnits(store.db, units);
  store.invalidateUnits();
  const elements = shippedCatalogue().elements.filter((e) => e.entryLevel === 'commune' && e.kind !== 'derived');
  store.db.pragma('cache_size = -400000');
  const gen = time(() => {
    const ins = store.db.prepare(
      "INSERT INTO data_value (unit_id, period, element_id, value, revision, updated_by, updated_at, source) VALUES (?, ?, ?, ?, 1, 'bench', '2025-01-01T00:00:00Z', 'csv')",
    );
    const ids = elements.map((e) => [store.elementId(e.code), e.valueType === 'percent' ? 50 : 1000] as const);
    const received = store.db.prepare(
      `INSERT INTO bundle_received (unit_id, period, revision, fingerprint, file_hash, received_by, received_at, sent_at, first_sent_at, first_received_at, unexplained)
       VALUES (?, ?, 1, 'fp', 'hash', 'bench', ?, ?, ?, ?, 0)`,
    );
    store.db.transaction(() => {
      let k = 0;
      for (const y of YEARS) {
        for (let m = 1; m <= 12; m++) {
          const period = makeMonth(y, m);
          for (const u of units) {
            if (u.level !== 'commune') continue;
            const uid = store.unitId(u.code);
            for (const [eid, cap] of ids) ins.run(uid, period, eid, (k++ * 7919) % cap);
          }
        }
      }
      // 2024's bundles: a district sends on the 5th, 10th or 20th of the next month, or not at all.
      units.forEach((u, i) => {
        if (u.level !== 'district') return;
        for (let m = 1; m <= 12; m++) {
          const day = [5, 10, 20, 0][(i * 7 + m) % 4]!;
          if (day === 0 && (i + m) % 3 !== 0) continue;
          const at = new Date(Date.UTC(2024, m, day || 8, 3)).toISOString();
          received.run(store.unitId(u.code), makeMonth(2024, m), at, at, at, at);
        }
      });
    })();
  });
  store.db.exec('ANALYZE');
  store.db.pragma('cache_size = -16000');
  const values = (store.db.prepare('SELECT count(*) AS n FROM data_value').get() as { n: number }).n;
  return { store, values, generatedMs: gen.ms };
}

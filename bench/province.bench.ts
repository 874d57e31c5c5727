// Issue 11's speed figures for the province: the figures of the province for a month and for
// the year (with year-to-date and the same period last year), on 30 districts × 40 communes ×
// 2 years of every commune element — about 2 M values. Each is printed against a raw baseline
// measured in the same run: the cheapest SQL that reads the same rows and sums them.
// Target: under 200 ms median each (issue 11). Also the province's plan indicators.
// Run: node --import tsx bench/province.bench.ts
import { existsSync } from 'node:fs';
import { shippedCatalogue } from '../core/catalogue-data';
import type { OrgUnit } from '../core/orgunit';
import { makeMonth } from '../core/period';
import { getFigures } from '../db/figures.repo';
import { getIndicators } from '../db/indicators.repo';
import { openStore } from '../db/store';
import { addUnits } from '../db/units.repo';
import { benchDir, median, report, samples, time } from './util';

const DISTRICTS = 30;
const COMMUNES = 40;
const YEARS = [2023, 2024];
const tmp = benchDir();
const cat = shippedCatalogue();
const elements = cat.elements.filter((e) => e.entryLevel === 'commune' && e.kind !== 'derived');

// PROVINCE_DB=path keeps the generated database there and reuses it on the next run.
const keep = process.env.PROVINCE_DB;
const reuse = keep !== undefined && existsSync(keep);
const store = openStore(keep ?? tmp.path('province.sqlite'), { create: !reuse });
const units: OrgUnit[] = [{ code: 'P', name: 'Tỉnh', level: 'province', parent: null }];
for (let d = 1; d <= DISTRICTS; d++) {
  const dc = `D${String(d).padStart(2, '0')}`;
  units.push({ code: dc, name: `Huyện ${d}`, level: 'district', parent: 'P' });
  for (let c = 1; c <= COMMUNES; c++) {
    units.push({ code: `${dc}X${String(c).padStart(2, '0')}`, name: `Xã ${d}.${c}`, level: 'commune', parent: dc });
  }
}
if (!reuse) {
  addUnits(store.db, units);
  store.invalidateUnits();
}

// One transaction of prepared inserts, with the audit rows the triggers write; a larger page
// cache while it runs (the app's 16 MB would spill 4 M rows to disk again and again).
store.db.pragma('cache_size = -400000');
const gen = time(() => {
  if (reuse) return;
  const ins = store.db.prepare(
    "INSERT INTO data_value (unit_id, period, element_id, value, revision, updated_by, updated_at, source) VALUES (?, ?, ?, ?, 1, 'bench', '2025-01-01T00:00:00Z', 'csv')",
  );
  const ids = elements.map((e) => [store.elementId(e.code), e.valueType === 'percent' ? 50 : 1000] as const);
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
  })();
});
const rows = (store.db.prepare('SELECT count(*) AS n FROM data_value').get() as { n: number }).n;
console.log(reuse ? `reused ${keep}: ${rows.toLocaleString('en')} values` : `generated ${rows.toLocaleString('en')} values in ${(gen.ms / 1000).toFixed(1)} s`);
store.db.exec('ANALYZE');
store.db.pragma('cache_size = -16000');

// Raw baseline: the same rows (every value of the months asked), summed per element and month
// in the order the primary key stores them — no unit filter, no grouping sort.
const rawSum = store.db.prepare(
  `SELECT element_id, period, sum(value) FROM data_value WHERE period IN (SELECT value FROM json_each(?)) GROUP BY period, element_id`,
);
const monthMonths = JSON.stringify(['2024-05', '2024-01', '2024-02', '2024-03', '2024-04', '2023-05']);
const yearMonths = JSON.stringify([...Array.from({ length: 12 }, (_, i) => makeMonth(2024, i + 1)), ...Array.from({ length: 12 }, (_, i) => makeMonth(2023, i + 1))]);

function measure(fn: () => unknown): number {
  for (let i = 0; i < 2; i++) fn();
  return median(samples(7, fn));
}
const rawMonth = measure(() => rawSum.all(monthMonths));
const rawYear = measure(() => rawSum.all(yearMonths));
// Cold: the first read on this connection (nothing kept yet): the grouped query over 2 M rows.
const coldMonth = time(() => getFigures(store, 'P', '2024-05')).ms;
const coldYear = time(() => getFigures(store, 'P', '2024')).ms;
const month = measure(() => getFigures(store, 'P', '2024-05'));
const year = measure(() => getFigures(store, 'P', '2024'));
// After a district's bundle: one value of May changes, so May is summed again, the rest is kept.
const bump = store.db.prepare("UPDATE data_value SET value = value + 1, revision = revision + 1 WHERE unit_id = ? AND period = '2024-05' AND element_id = ?");
const someUnit = store.unitId('D07X13');
const someElement = store.elementId(elements[0]!.code);
const afterChange = median(
  Array.from({ length: 5 }, () => {
    bump.run(someUnit, someElement);
    return time(() => getFigures(store, 'P', '2024')).ms;
  }),
);
// The same figures as the grouped query alone (a read-only connection keeps nothing).
const direct = openStore(store.file, { readonly: true });
const same = ['2024-05', '2024-Q2', '2024'].every((p) => JSON.stringify(getFigures(direct, 'P', p)) === JSON.stringify(getFigures(store, 'P', p)));
direct.close();
console.log(`cold (nothing kept): a month ${coldMonth.toFixed(0)} ms, then the year ${coldYear.toFixed(0)} ms; same figures as the grouped query alone: ${same ? 'yes' : 'NO'}`);
const indMonth = measure(() => getIndicators(store, 'P', '2024-05'));
const indYear = measure(() => getIndicators(store, 'P', '2024'));

const ok = report(`province figures (issue 11): ${DISTRICTS} districts × ${COMMUNES} communes × ${YEARS.length} years, ${rows.toLocaleString('en')} values`, [
  { name: 'province figures, a month (+ YTD, last year)', measured: `${month.toFixed(1)} ms median; raw sum of the same rows ${rawMonth.toFixed(1)} ms`, target: '< 200 ms', ratio: month / 200 },
  { name: 'province figures, the year (+ last year)', measured: `${year.toFixed(1)} ms median; raw sum of the same rows ${rawYear.toFixed(1)} ms`, target: '< 200 ms', ratio: year / 200 },
  { name: 'province figures, the year, after one value of May changed', measured: `${afterChange.toFixed(1)} ms median`, target: '< 200 ms', ratio: afterChange / 200 },
  { name: 'the same figures with and without the kept totals', measured: same ? 'identical' : 'DIFFERENT', target: 'identical', ratio: same ? 0 : 2 },
  { name: 'province indicators with its 30 districts, a month', measured: `${indMonth.toFixed(1)} ms median`, target: '< 500 ms', ratio: indMonth / 500 },
  { name: 'province indicators with its 30 districts, the year', measured: `${indYear.toFixed(1)} ms median`, target: '< 500 ms', ratio: indYear / 500 },
]);
store.close();
tmp.remove();
process.exitCode = ok ? 0 : 1;

// Issue 11's speed figures for the province: the figures of the province for a month and for
// the year (with year-to-date and the same period last year), on 30 districts × 40 communes ×
// 2 years of every commune element — about 2 M values. Each is printed against a raw baseline
// measured in the same run: the cheapest SQL that reads the same rows and sums them.
// Target: under 200 ms median each (issue 11). Also the province's plan indicators.
// The values are written directly (as an old database migrated: nothing stored), so the bench
// first measures the figures summed from the values on a new connection ("before"), then stores
// the totals as `thongke totals rebuild` does (db/unit-total.repo.ts, migration 7) and measures
// the first read on a new connection and in a new `thongke figures` process.
// Run: node --import tsx bench/province.bench.ts
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { shippedCatalogue } from '../core/catalogue-data';
import type { OrgUnit } from '../core/orgunit';
import { makeMonth } from '../core/period';
import { getFigures } from '../db/figures.repo';
import { getIndicators } from '../db/indicators.repo';
import { openStore } from '../db/store';
import { addUnits } from '../db/units.repo';
import { ignoreStoredTotals, rebuildTotals } from '../db/unit-total.repo';
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
// Before: the first read on a new connection, summed from the values (nothing stored).
function onNewConnection(fn: (st: typeof store) => unknown, ignore: boolean): number {
  const st = openStore(store.file);
  if (ignore) ignoreStoredTotals(st.db);
  try {
    return time(() => fn(st)).ms;
  } finally {
    st.close();
  }
}
const coldMonth = onNewConnection((st) => getFigures(st, 'P', '2024-05'), true);
const coldYear = onNewConnection((st) => getFigures(st, 'P', '2024'), true);
// What `thongke totals rebuild` costs once on an old database (every month, every unit with children).
const rebuild = time(() => rebuildTotals(store));
// After: the first read on a new connection with the totals stored (5 connections, median).
const storedMonth = median(Array.from({ length: 5 }, () => onNewConnection((st) => getFigures(st, 'P', '2024-05'), false)));
const storedYear = median(Array.from({ length: 5 }, () => onNewConnection((st) => getFigures(st, 'P', '2024'), false)));
// In a new process: `thongke figures` (open, migrate check, catalogue, figures, print) against
// the same command's floor, `thongke help` (start and exit), measured in the same run.
const cli = (args: string[]) => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['bin/thongke.mjs', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`thongke ${args.join(' ')}: ${r.stderr}`);
  return performance.now() - t0;
};
// A -wal with commits makes a new process check the whole file first (db/open.ts: probeRecovery),
// as after a crash: the rebuild's pages are checkpointed, as closing the app does.
store.db.pragma('wal_checkpoint(TRUNCATE)');
cli(['help']);
const procFloor = median(Array.from({ length: 5 }, () => cli(['help'])));
const procMonth = median(Array.from({ length: 5 }, () => cli(['figures', store.file, '--unit', 'P', '--period', '2024-05', '--json'])));
const procYear = median(Array.from({ length: 5 }, () => cli(['figures', store.file, '--unit', 'P', '--period', '2024', '--json'])));
const month = measure(() => getFigures(store, 'P', '2024-05'));
const year = measure(() => getFigures(store, 'P', '2024'));
// After a value of May changes by hand (no bundle stores it again): May is summed again on this
// connection, the rest is read from stored totals.
const bump = store.db.prepare("UPDATE data_value SET value = value + 1, revision = revision + 1 WHERE unit_id = ? AND period = '2024-05' AND element_id = ?");
const someUnit = store.unitId('D07X13');
const someElement = store.elementId(elements[0]!.code);
const afterChange = median(
  Array.from({ length: 5 }, () => {
    bump.run(someUnit, someElement);
    return time(() => getFigures(store, 'P', '2024')).ms;
  }),
);
// The same figures through stored totals as summed from the values.
const direct = openStore(store.file);
ignoreStoredTotals(direct.db);
const same = ['2024-05', '2024-Q2', '2024'].every((p) => JSON.stringify(getFigures(direct, 'P', p)) === JSON.stringify(getFigures(store, 'P', p)));
direct.close();
console.log(`before (summed from the values, new connection): a month ${coldMonth.toFixed(0)} ms, the year ${coldYear.toFixed(0)} ms; totals rebuilt in ${(rebuild.ms / 1000).toFixed(1)} s (${rebuild.result.totals.toLocaleString('en')} rows)`);
console.log(`load: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
const indMonth = measure(() => getIndicators(store, 'P', '2024-05'));
const indYear = measure(() => getIndicators(store, 'P', '2024'));

const ok = report(`province figures (issue 11): ${DISTRICTS} districts × ${COMMUNES} communes × ${YEARS.length} years, ${rows.toLocaleString('en')} values`, [
  { name: 'province figures, a month, first read on a new connection (stored totals)', measured: `${storedMonth.toFixed(1)} ms median of 5; before (summed) ${coldMonth.toFixed(0)} ms; raw sum ${rawMonth.toFixed(1)} ms`, target: '< 200 ms', ratio: storedMonth / 200 },
  { name: 'province figures, the year, first read on a new connection (stored totals)', measured: `${storedYear.toFixed(1)} ms median of 5; before (summed) ${coldYear.toFixed(0)} ms; raw sum ${rawYear.toFixed(1)} ms`, target: '< 200 ms', ratio: storedYear / 200 },
  { name: 'thongke figures in a new process, a month', measured: `${procMonth.toFixed(0)} ms median of 5; the process floor (thongke help) ${procFloor.toFixed(0)} ms; figures part ${(procMonth - procFloor).toFixed(0)} ms`, target: '< 200 ms above the floor', ratio: (procMonth - procFloor) / 200 },
  { name: 'thongke figures in a new process, the year', measured: `${procYear.toFixed(0)} ms median of 5; figures part ${(procYear - procFloor).toFixed(0)} ms`, target: '< 200 ms above the floor', ratio: (procYear - procFloor) / 200 },
  { name: 'province figures, a month (+ YTD, last year), same connection', measured: `${month.toFixed(1)} ms median; raw sum of the same rows ${rawMonth.toFixed(1)} ms`, target: '< 200 ms', ratio: month / 200 },
  { name: 'province figures, the year (+ last year), same connection', measured: `${year.toFixed(1)} ms median; raw sum of the same rows ${rawYear.toFixed(1)} ms`, target: '< 200 ms', ratio: year / 200 },
  { name: 'province figures, the year, after one value of May changed', measured: `${afterChange.toFixed(1)} ms median`, target: '< 200 ms', ratio: afterChange / 200 },
  { name: 'the same figures through stored totals and summed from the values', measured: same ? 'identical' : 'DIFFERENT', target: 'identical', ratio: same ? 0 : 2 },
  { name: 'province indicators with its 30 districts, a month', measured: `${indMonth.toFixed(1)} ms median`, target: '< 500 ms', ratio: indMonth / 500 },
  { name: 'province indicators with its 30 districts, the year', measured: `${indYear.toFixed(1)} ms median`, target: '< 500 ms', ratio: indYear / 500 },
]);
store.close();
tmp.remove();
process.exitCode = ok ? 0 : 1;

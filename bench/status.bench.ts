// Issue 11's speed figure: the province's reporting status for 30 districts × 12 months under
// 100 ms, printed beside a raw baseline measured in the same run (one prepared SELECT of the
// year's bundle_received rows of those districts: the least any status table must read).
// The province is real: 30 generated districts (the demo's year under other codes, each signed
// with its own key) registered by units import and imported as bundles.
// Run: node --import tsx bench/status.bench.ts
import { openStore } from '../db/store';
import { exportBundle, importBundles } from '../service/bundle';
import { importUnitsCsv, reportingStatus } from '../service/status';
import { ctxOf, demoDistrict, emptyProvince, newKey, renamedBundle } from '../test/bundle/fixtures';
import { benchDir, median, report, time } from './util';

const DISTRICTS = 30;
const tmp = benchDir();
demoDistrict(tmp.path('district.sqlite'));
const district = openStore(tmp.path('district.sqlite'));
const year = exportBundle(ctxOf(district), 'TH_HH', '2024-01', '2024-12', 'vi');
district.close();

emptyProvince(tmp.path('province.sqlite'));
const province = openStore(tmp.path('province.sqlite'));
const codes = Array.from({ length: DISTRICTS }, (_, i) => `D${String(i + 1).padStart(2, '0')}`);
importUnitsCsv(province, ['code,name,level,parent', ...codes.map((c, i) => `${c},Huyện ${i + 1},district,TH`)].join('\n'), 'units.csv', false, new Date().toISOString());
const files = codes.map((c, i) => ({ name: `${c}.tkb`, bytes: renamedBundle(year.bytes, c, `Huyện ${i + 1}`, newKey()) }));
const imported = importBundles(ctxOf(province), files, { dryRun: false, trust: true, lang: 'vi' });
if (imported.files.some((f) => f.status !== 'imported')) throw new Error(imported.files.find((f) => f.status !== 'imported')!.message);

const ctx = ctxOf(province, new Date('2025-01-20T08:00:00+07:00'));
const check = reportingStatus(ctx, 2024, undefined, 'vi');
const cells = check.units.reduce((n, u) => n + u.months.length, 0);
if (check.units.length !== DISTRICTS || cells !== DISTRICTS * 12 || check.totals.some((t) => t.received !== DISTRICTS)) {
  throw new Error(`unexpected status: ${check.units.length} units, ${cells} cells`);
}

const raw = province.db.prepare(
  `SELECT u.code, r.period, r.revision, r.received_at, r.first_sent_at, r.unexplained FROM bundle_received r JOIN org_unit u ON u.id = r.unit_id
   WHERE r.period BETWEEN '2024-01' AND '2024-12' AND u.code IN (SELECT value FROM json_each(?))`,
);
const codesJson = JSON.stringify(codes);
// Alternated, so that the load of a shared machine weighs on both sides alike.
const ours: number[] = [];
const raws: number[] = [];
for (let i = 0; i < 5; i++) {
  reportingStatus(ctx, 2024, undefined, 'vi');
  raw.all(codesJson);
}
for (let i = 0; i < 31; i++) {
  ours.push(time(() => reportingStatus(ctx, 2024, undefined, 'vi')).ms);
  raws.push(time(() => raw.all(codesJson)).ms);
}
province.close();
tmp.remove();
const ourMs = median(ours);
const rawMs = median(raws);
const ok = report('reporting status (issue 11)', [
  { name: `province status, ${DISTRICTS} districts × 12 months (${cells} cells)`, measured: `${ourMs.toFixed(2)} ms`, target: '< 100 ms', ratio: ourMs / 100 },
]);
console.log(`      raw baseline (one SELECT of the ${cells} bundle_received rows): ${rawMs.toFixed(2)} ms; status / raw = ${(ourMs / rawMs).toFixed(1)}×`);
process.exitCode = ok ? 0 : 1;

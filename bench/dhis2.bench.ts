// Issue 11's DHIS2 figure: the ADX message of a province month (30 districts × 40 units, the
// demo district's May 2024 under 30 codes, received as sync bundles) in under 500 ms, printed
// against a raw baseline measured in the same run: the same rows read with one raw SELECT and
// written with JSON.stringify (no identifiers resolved, no XML).
// Run: node --import tsx bench/dhis2.bench.ts
import Database from 'better-sqlite3';
import { openStore } from '../db/store';
import { exportBundle, importBundles } from '../service/bundle';
import { exportDhis2 } from '../service/dhis2';
import { ctxOf, demoDistrict, emptyProvince, newKey, NOW, renamedBundle } from '../test/bundle/fixtures';
import { benchDir, median, report, time, timeAsync } from './util';

const tmp = benchDir();
demoDistrict(tmp.path('district.sqlite'));
const district = openStore(tmp.path('district.sqlite'));
const may = exportBundle(ctxOf(district), 'TH_HH', '2024-05', undefined, 'vi');
district.close();

const bundles = Array.from({ length: 30 }, (_, i) => {
  const code = `TH_D${String(i + 1).padStart(2, '0')}`;
  return { name: `${code}.tkb`, bytes: renamedBundle(may.bytes, code, `Huyện ${i + 1}`, newKey()) };
});
emptyProvince(tmp.path('province.sqlite'));
const province = openStore(tmp.path('province.sqlite'));
const ctx = ctxOf(province, NOW);
const imported = importBundles(ctx, bundles, { dryRun: false, trust: true, lang: 'vi' });
const refused = imported.files.filter((f) => f.status !== 'imported');
if (refused.length > 0) throw new Error(refused[0]!.message);

const adx = () => exportDhis2(ctx, { unit: 'TH', period: '2024-05', format: 'adx' });
const json = () => exportDhis2(ctx, { unit: 'TH', period: '2024-05', format: 'json' });

// The raw side: the same rows, one SELECT on a connection of its own, JSON.stringify.
const raw = new Database(tmp.path('province.sqlite'), { readonly: true });
const select = raw.prepare(`SELECT u.code AS unit, e.code AS element, v.value, v.comment, v.updated_by, v.updated_at
  FROM data_value v JOIN org_unit u ON u.id = v.unit_id JOIN data_element e ON e.id = v.element_id
  WHERE v.period = '2024-05' AND v.value IS NOT NULL ORDER BY u.code, e.code`);
const rawOnce = () => JSON.stringify(select.all());

// Warm up, then alternate so that the load of a shared machine weighs on both sides alike.
await adx();
await json();
rawOnce();
const adxMs: number[] = [];
const jsonMs: number[] = [];
const rawMs: number[] = [];
for (let i = 0; i < 7; i++) {
  adxMs.push((await timeAsync(adx)).ms);
  jsonMs.push((await timeAsync(json)).ms);
  rawMs.push(time(rawOnce).ms);
}
const sample = await adx();
const rows = select.all().length;
raw.close();
province.close();

const a = median(adxMs);
const j = median(jsonMs);
const r = median(rawMs);
const ok = report('DHIS2 bridge (issue 11)', [
  {
    name: `ADX of a province month (${sample.values.toLocaleString('en')} values, ${sample.orgUnits} units, ${(sample.text.length / 1e6).toFixed(1)} MB)`,
    measured: `${a.toFixed(0)} ms median = ${(a / r).toFixed(1)} × raw SELECT + JSON.stringify of the same ${rows.toLocaleString('en')} rows (${r.toFixed(0)} ms)`,
    target: '< 500 ms',
    ratio: a / 500,
  },
  {
    name: 'dataValueSet JSON of the same month',
    measured: `${j.toFixed(0)} ms median = ${(j / r).toFixed(1)} × raw`,
    target: '< 500 ms',
    ratio: j / 500,
  },
]);
tmp.remove();
process.exitCode = ok ? 0 : 1;

// Issue 2's speed figures, each against this machine's own limit measured in the same run:
// 1. CSV import of 100,000 values vs raw better-sqlite3 prepared inserts in one transaction
//    (target: at least 30% of the raw throughput);
// 2. setting one value (durable commit + audit row) vs a raw single-row durable commit
//    (target: at most 2×);
// 3. the figures of a district month (37 communes, every element, year-to-date, last year)
//    (target: under 20 ms median).
// Run: node --import tsx bench/data.bench.ts
import Database from 'better-sqlite3';
import { shippedCatalogue } from '../core/catalogue-data';
import { makeMonth } from '../core/period';
import { importValuesCsv } from '../db/csv.repo';
import { getFigures } from '../db/figures.repo';
import { configure } from '../db/open';
import { setValue } from '../db/values.repo';
import { benchDir, districtStore, median, report, samples, time } from './util';

const tmp = benchDir();
const now = new Date(2030, 0, 15); // 100,000 values reach past 2025
const COMMUNES = Array.from({ length: 37 }, (_, i) => `X${String(i + 1).padStart(2, '0')}`);
const cat = shippedCatalogue();
const communeElements = cat.elements.filter((e) => e.entryLevel === 'commune' && e.kind !== 'derived' && e.valueType === 'count');

const freshStore = (name: string) => districtStore(tmp.path(name), COMMUNES);

// 100,000 rows: 37 communes × the commune count elements × as many months as it takes.
const rows: [string, string, string, number][] = [];
outer: for (let m = 0; ; m++) {
  const period = makeMonth(2023 + Math.floor(m / 12), (m % 12) + 1);
  for (const c of COMMUNES) {
    for (const e of communeElements) {
      rows.push([c, period, e.code, (m * 7 + c.length * 13 + e.sort) % 500]);
      if (rows.length === 100_000) break outer;
    }
  }
}
const csv = 'unit,period,element,value\n' + rows.map((r) => r.join(',')).join('\n') + '\n';

// 1. Raw baseline: the same rows as integer ids, prepared INSERTs in one transaction, into a
//    fresh file each time. Both sides run 3 times after a warm-up; the medians are compared.
const elementIndex = new Map(cat.elements.map((e, i) => [e.code, i]));
let rawCount = 0;
function rawImport(): number {
  const raw = new Database(tmp.path(`raw${rawCount++}.sqlite`));
  configure(raw);
  raw.exec(`CREATE TABLE v (unit_id INTEGER, period TEXT, element_id INTEGER, value REAL,
    PRIMARY KEY (unit_id, period, element_id)) STRICT, WITHOUT ROWID`);
  const ins = raw.prepare('INSERT INTO v VALUES (?, ?, ?, ?)');
  const ms = time(() =>
    raw.transaction(() => {
      for (const [u, p, e, v] of rows) ins.run(COMMUNES.indexOf(u), p, elementIndex.get(e)!, v);
    })(),
  ).ms;
  raw.close();
  return ms;
}
let importCount = 0;
function ourImport(): number {
  const s = freshStore(`import${importCount++}.sqlite`);
  const r = time(() => importValuesCsv(s, csv, 'bench.csv', 'bench', now));
  if (r.result.count !== 100_000) throw new Error(`imported ${r.result.count}`);
  s.close();
  return r.ms;
}
rawImport();
ourImport();
const rawRuns = [rawImport(), rawImport(), rawImport()];
const rawMs = median(rawRuns);
const ourRuns = [ourImport(), ourImport(), ourImport()];
const ourMs = median(ourRuns);
console.log(`raw runs ${rawRuns.map((x) => x.toFixed(0)).join(", ")} ms; import runs ${ourRuns.map((x) => x.toFixed(0)).join(", ")} ms`);
const rawRate = 100_000 / rawMs;
const ourRate = 100_000 / ourMs;
const store = freshStore('figures.sqlite');
importValuesCsv(store, csv, 'bench.csv', 'bench', now);

// 2. One durable value vs one raw durable single-row commit (WAL, synchronous=FULL both).
const raw = new Database(tmp.path('single-raw.sqlite'));
configure(raw);
raw.exec('CREATE TABLE v (unit_id INTEGER, period TEXT, element_id INTEGER, value REAL, PRIMARY KEY (unit_id, period, element_id)) STRICT, WITHOUT ROWID');
const single = raw.prepare('INSERT OR REPLACE INTO v VALUES (?, ?, ?, ?)');
let k = 0;
const rawSingle = median(samples(300, () => single.run(1, '2030-01', k++ % 50, k)));
let j = 0;
const oneStore = freshStore('single.sqlite');
const ourSingle = median(
  samples(300, () => {
    j++;
    setValue(oneStore, { unit: COMMUNES[j % 37]!, period: '2024-06', element: communeElements[j % 10]!.code, value: j }, 'bench', 'ui', now);
  }),
);

// 3. District figures for a month with year-to-date and last year, on the imported data.
for (let i = 0; i < 5; i++) getFigures(store, 'D', '2024-05');
const figures = median(samples(50, () => getFigures(store, 'D', '2024-05')));

const ok = report('data core (issue 2)', [
  {
    name: 'CSV import, 100,000 values',
    measured: `${Math.round(ourRate * 1000).toLocaleString('en')} values/s = ${((ourRate / rawRate) * 100).toFixed(0)}% of raw ${Math.round(rawRate * 1000).toLocaleString('en')}/s`,
    target: '≥ 30% of raw prepared inserts',
    ratio: 0.3 / (ourRate / rawRate),
  },
  {
    name: 'set one value (durable + audit)',
    measured: `${ourSingle.toFixed(3)} ms median vs raw durable commit ${rawSingle.toFixed(3)} ms = ${(ourSingle / rawSingle).toFixed(2)}×`,
    target: '≤ 2× raw',
    ratio: ourSingle / rawSingle / 2,
  },
  {
    name: 'figures of a district month (37 communes, all elements, YTD, last year)',
    measured: `${figures.toFixed(2)} ms median`,
    target: '< 20 ms',
    ratio: figures / 20,
  },
]);
store.close();
oneStore.close();
raw.close();
tmp.remove();
process.exitCode = ok ? 0 : 1;

// What migration 7's triggers (stored totals) add to a write by hand, in one run:
// - "before": the same database with the three unit_total value triggers dropped (main's schema);
// - "district": the triggers, nothing stored (every district database: one index lookup each);
// - "stored": the triggers, the month's totals stored (a province typing its own values: the
//   month's totals of the unit and the units above it are forgotten).
// A cell (setValue: one durable transaction with its audit row) and a 37 × 20 paste (setValues,
// 740 cells, one transaction), measured interleaved so the machine's load hits all three alike.
// Run: node --import tsx bench/totals-write.bench.ts
import { readFileSync } from 'node:fs';
import { shippedCatalogue } from '../core/catalogue-data';
import type { Store } from '../db/store';
import { storeTotals } from '../db/unit-total.repo';
import { setValue, setValues } from '../db/values.repo';
import { benchDir, districtStore, median, report, time } from './util';

const tmp = benchDir();
const COMMUNES = Array.from({ length: 37 }, (_, i) => `X${String(i + 1).padStart(2, '0')}`);
const elements = shippedCatalogue()
  .elements.filter((e) => e.entryLevel === 'commune' && e.kind === 'flow' && e.valueType === 'count')
  .map((e) => e.code);
const now = new Date(2024, 6, 10);
const MONTH = '2024-06';

function make(name: string): Store {
  const store = districtStore(tmp.path(name), COMMUNES);
  // A month already entered: every commune, every count element.
  setValues(store, COMMUNES.flatMap((unit) => elements.map((element, i) => ({ unit, period: MONTH, element, value: i }))), 'bench', 'ui', now);
  return store;
}

const before = make('before.sqlite');
before.db.exec('DROP TRIGGER unit_total_value_insert; DROP TRIGGER unit_total_value_update; DROP TRIGGER unit_total_value_delete;');
const district = make('district.sqlite');
const stored = make('stored.sqlite');
const restore = () => stored.db.transaction(() => storeTotals(stored, 'D', [MONTH]))();

let k = 0;
const cell = (store: Store) => {
  k++;
  setValue(store, { unit: COMMUNES[k % 37]!, period: MONTH, element: elements[k % 20]!, value: 1000 + k }, 'bench', 'ui', now);
};
const paste = (store: Store) => {
  k++;
  setValues(store, COMMUNES.flatMap((unit) => elements.slice(0, 20).map((element, i) => ({ unit, period: MONTH, element, value: k + i }))), 'bench', 'ui', now);
};

function interleaved(n: number, fn: (s: Store) => void): [number, number, number] {
  const out: [number[], number[], number[]] = [[], [], []];
  for (let i = 0; i < n; i++) {
    out[0].push(time(() => fn(before)).ms);
    out[1].push(time(() => fn(district)).ms);
    restore();
    out[2].push(time(() => fn(stored)).ms);
  }
  return [median(out[0]), median(out[1]), median(out[2])];
}

for (let i = 0; i < 20; i++) interleaved(1, cell);
const [cellBefore, cellDistrict, cellStored] = interleaved(300, cell);
for (let i = 0; i < 3; i++) interleaved(1, paste);
const [pasteBefore, pasteDistrict, pasteStored] = interleaved(21, paste);
const stillStored = (stored.db.prepare('SELECT count(*) AS n FROM unit_total_done').get() as { n: number }).n;

const ms = (x: number) => `${x.toFixed(2)} ms`;
console.log(`load: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
const ok = report('stored totals: the cost of a write by hand (migration 7 triggers)', [
  { name: 'one cell, a district (nothing stored)', measured: `${ms(cellDistrict)} median of 300; without the triggers ${ms(cellBefore)}`, target: '≤ 1,2 × without', ratio: cellDistrict / cellBefore / 1.2 },
  { name: 'one cell, the month stored (forgets D and P)', measured: `${ms(cellStored)} median of 300`, target: '≤ 1,5 × without', ratio: cellStored / cellBefore / 1.5 },
  { name: 'paste 37 × 20, a district', measured: `${ms(pasteDistrict)} median of 21; without the triggers ${ms(pasteBefore)}`, target: '≤ 1,2 × without', ratio: pasteDistrict / pasteBefore / 1.2 },
  { name: 'paste 37 × 20, the month stored', measured: `${ms(pasteStored)} median of 21`, target: '≤ 2 × without', ratio: pasteStored / pasteBefore / 2 },
  { name: 'the write forgot the stored month', measured: `${stillStored} stored (unit, month) pairs left`, target: '0', ratio: stillStored === 0 ? 0 : 2 },
]);
for (const s of [before, district, stored]) s.close();
tmp.remove();
process.exitCode = ok ? 0 : 1;

// Issue 3's speed figures, on the demo database (Hoằng Hóa: 37 communes + the district):
// 1. re-checking the rules touched by one edited cell — the entry grid's live check: the
//    district month's windows are in memory, one commune cell changes, and the rules reading
//    that element (or a derived element computed from it) plus its outlier flag are re-checked
//    on the commune and on the district aggregate (target: under 1 ms median);
// 2. validating a whole district month from the database — load 13 months of values, every
//    rule on 40 units (37 communes, 2 facilities, the district), outliers, completeness (target: under 50 ms median).
// Run: node --import tsx bench/quality.bench.ts
import { shippedRules } from '../core/rules/shipped';
import { recheckCell, validateWindows } from '../core/rules/validate';
import { createDemoDatabase, DEMO_DISTRICT } from '../db/demo';
import { validateMonth } from '../service/quality';
import { loadWindows } from '../db/quality.repo';
import { openStore } from '../db/store';
import { benchDir, median, report, samples } from './util';

const PERIOD = '2024-05';
const tmp = benchDir();
const file = tmp.path('demo.sqlite');
createDemoDatabase(file);
const store = openStore(file);

try {
  const rules = shippedRules(store.catalogue);
  const tree = store.tree();
  const communes = (tree.children.get(DEMO_DISTRICT) ?? []).filter((c) => tree.units.get(c)?.level === 'commune');
  // Elements that at least one rule reads, entered on communes: the cells whose edits cost most.
  const touched = store.catalogue.elements.filter((e) => e.entryLevel === 'commune' && e.kind !== 'derived' && rules.byElement.has(e.code));

  // 1. One edited cell, windows in memory.
  const w = loadWindows(store, DEMO_DISTRICT, PERIOD);
  let k = 0;
  const cell = () => {
    const unit = communes[k % communes.length]!;
    const e = touched[k % touched.length]!;
    k++;
    const old = w.own.get(unit)!.get(e.code, 0);
    recheckCell(rules, store.catalogue, tree, w, unit, e.code, (old ?? 0) + 1, 'vi');
  };
  samples(500, cell); // warm-up
  const cellTimes = samples(5000, cell);

  // 2. The whole district month, from the database.
  samples(5, () => validateMonth(store, DEMO_DISTRICT, PERIOD, 'vi'));
  const monthTimes = samples(41, () => validateMonth(store, DEMO_DISTRICT, PERIOD, 'vi'));
  const loadTimes = samples(41, () => loadWindows(store, DEMO_DISTRICT, PERIOD));
  const fresh = loadWindows(store, DEMO_DISTRICT, PERIOD);
  const checkTimes = samples(41, () => validateWindows(rules, store.catalogue, tree, fresh, 'vi'));
  const last = validateMonth(store, DEMO_DISTRICT, PERIOD, 'vi');

  const cellMs = median(cellTimes);
  const monthMs = median(monthTimes);
  console.log(
    `demo ${DEMO_DISTRICT} ${PERIOD}: ${rules.rules.length} rules, ${w.order.length} units, ` +
      `${touched.length} commune elements read by rules; month: ${last.violations.length} violations, ` +
      `${last.outliers.length} outliers; parts of the month: load ${median(loadTimes).toFixed(2)} ms, checks ${median(checkTimes).toFixed(2)} ms`,
  );
  const ok = report('data quality (issue 3)', [
    { name: 're-check one edited cell (rules touching it + outlier, commune and district)', measured: `${cellMs.toFixed(3)} ms median`, target: '< 1 ms', ratio: cellMs / 1 },
    { name: 'validate a district month (40 units, every rule, outliers, completeness, from SQLite)', measured: `${monthMs.toFixed(2)} ms median`, target: '< 50 ms', ratio: monthMs / 50 },
  ]);
  process.exitCode = ok ? 0 : 1;
} finally {
  store.close();
  tmp.remove();
}

import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { openStore } from '../db/store';
import { exportBundle, importBundles } from '../service/bundle';
import { ctxOf, demoDistrict, emptyProvince, newKey, renamedBundle } from '../test/bundle/fixtures';
import { benchDir, time } from './util';
import { Session } from 'node:inspector';
const tmp = benchDir();
demoDistrict(tmp.path('d.sqlite'));
const d = openStore(tmp.path('d.sqlite'));
const year = exportBundle(ctxOf(d), 'TH_HH', '2024-01', '2024-12', 'vi');
const bundles = Array.from({ length: 10 }, (_, i) => ({ name: `${i}.tkb`, bytes: renamedBundle(year.bytes, `TH_D${i}`, `H ${i}`, newKey()) }));
emptyProvince(tmp.path('p0.sqlite'));
const s = openStore(tmp.path('p0.sqlite'));
const session = new Session(); session.connect();
session.post('Profiler.enable'); session.post('Profiler.start');
const t = time(() => importBundles(ctxOf(s), bundles, { dryRun: false, trust: true, lang: 'vi' }));
session.post('Profiler.stop', (err, { profile }) => {
  const p = profile as any;
  const idx = new Map(p.nodes.map((n: any) => [n.id, n]));
  const cnt = new Map<number, number>(); for (const x of p.samples) cnt.set(x, (cnt.get(x) || 0) + 1);
  const self = new Map<string, number>();
  for (const [id, c] of cnt) { const n: any = idx.get(id); const k = n.callFrame.functionName + ' ' + n.callFrame.url.split('/').slice(-2).join('/') + ':' + n.callFrame.lineNumber; self.set(k, (self.get(k) || 0) + c); }
  const tot = p.samples.length;
  console.log(t.ms);
  [...self].sort((a, b) => b[1] - a[1]).slice(0, 20).forEach(([k, c]) => console.log((c / tot * 100).toFixed(1) + '%', k));
});
tmp.remove();

// Issue 9's memory figure: `thongke values import` of a file of 1,000,000 lines, run as a user
// runs it (node bin/thongke.mjs, the built bundle), peaks under 400 MB of resident memory.
// The peak is the child's own maxRSS (process.resourceUsage(), read by a hook on its exit), so
// the figure is the command's, whatever this script holds. Also printed: the time the import
// takes, and a refused file (the same million lines, one bad line near the end) — refused with
// the database file unchanged, at a similar peak.
// Run: node --import tsx bench/import-memory.bench.ts (builds the CLI first).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { shippedCatalogue } from '../core/catalogue-data';
import { makeMonth } from '../core/period';
import { openStore } from '../db/store';
import { addUnits } from '../db/units.repo';
import { benchDir, report } from './util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LINES = 1_000_000;
const LIMIT_MB = 400;

const built = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT, stdio: 'inherit' });
if (built.status !== 0) throw new Error('npm run build:cli failed');

const tmp = benchDir();
const COMMUNES = Array.from({ length: 100 }, (_, i) => `X${String(i + 1).padStart(3, '0')}`);
const elements = shippedCatalogue().elements.filter((e) => e.entryLevel === 'commune' && e.kind !== 'derived' && e.valueType === 'count');

const db = tmp.path('import.sqlite');
const store = openStore(db, { create: true });
addUnits(store.db, [
  { code: 'P', name: 'Tỉnh', level: 'province', parent: null },
  { code: 'D', name: 'Huyện', level: 'district', parent: 'P' },
  ...COMMUNES.map((c) => ({ code: c, name: `Xã ${c}`, level: 'commune' as const, parent: 'D' })),
]);
store.close();

// 1,000,000 lines: 100 communes × the commune count elements × as many months from 2000 as it takes.
const parts: string[] = ['unit,period,element,value,comment\n'];
let n = 0;
outer: for (let m = 0; ; m++) {
  const period = makeMonth(2000 + Math.floor(m / 12), (m % 12) + 1);
  for (const c of COMMUNES) {
    for (const e of elements) {
      parts.push(`${c},${period},${e.code},${(m * 7 + n) % 500},${n % 10 === 0 ? 'ghi chú' : ''}\n`);
      if (++n === LINES) break outer;
    }
  }
}
const good = tmp.path('million.csv');
writeFileSync(good, parts.join(''));
// The same file with one bad line near the end (a negative count).
const badLine = LINES - 10;
parts[badLine] = parts[badLine]!.replace(/,(\d+),/, ',-5,');
const bad = tmp.path('million-bad.csv');
writeFileSync(bad, parts.join(''));
parts.length = 0;

const HOOK = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nMAXRSS '+process.resourceUsage().maxRSS+'\\n'))`;
function importRun(file: string): { code: number | null; mb: number; seconds: number; out: string; err: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', HOOK, 'bin/thongke.mjs', 'values', 'import', db, file], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, THONGKE_LANG: 'en' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - t0) / 1000;
  const kb = Number(/MAXRSS (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { code: r.status, mb: kb / 1024, seconds, out: r.stdout.trim(), err: r.stderr.replace(/\nMAXRSS \d+\n/, '').trim() };
}
const hash = () => createHash('sha256').update(readFileSync(db)).digest('hex');

console.log(`file: ${LINES.toLocaleString('en')} lines, ${(statSync(good).size / 1e6).toFixed(0)} MB`);
const before = hash();
const refused = importRun(bad);
const unchanged = hash() === before;
console.log(`refused file: exit ${refused.code}, ${refused.seconds.toFixed(1)} s, peak ${refused.mb.toFixed(0)} MB, database unchanged: ${unchanged}`);
console.log(`  ${refused.err.split('\n').slice(0, 2).join('\n  ')}`);
const done = importRun(good);
console.log(`import: exit ${done.code}, ${done.seconds.toFixed(1)} s, peak ${done.mb.toFixed(0)} MB — ${done.out}`);
if (done.code !== 0) console.log(done.err);
tmp.remove();

const ok = report('values import memory (issue 9)', [
  { name: `values import of ${LINES.toLocaleString('en')} lines, peak RSS`, measured: `${done.mb.toFixed(0)} MB`, target: `< ${LIMIT_MB} MB`, ratio: done.code === 0 ? done.mb / LIMIT_MB : Infinity },
  { name: 'the same file with a bad line near the end, peak RSS (refused, database unchanged)', measured: `${refused.mb.toFixed(0)} MB`, target: `< ${LIMIT_MB} MB`, ratio: refused.code === 1 && unchanged ? refused.mb / LIMIT_MB : Infinity },
]);
process.exitCode = ok ? 0 : 1;

// Issue 9's CLI start figures, in one run on this machine: `thongke help`, `units --json` and
// `figures --json` on the demo district, each as a fresh process through bin/thongke.mjs (the
// prebuilt bundle), against the floor `node -e "require('better-sqlite3')"` — a Node start that
// loads the one native module every database command needs. Target: median of 10 ≤ 5× the floor.
// The runs are interleaved (floor, help, units, figures, floor, …) so that a busy moment of the
// machine weighs on every figure alike.
// Run: node --import tsx bench/cli.bench.ts (builds the CLI first).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchDir, median, report } from './util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 10;
const LIMIT = 5;

function run(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, THONGKE_LANG: '' } });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const built = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT, stdio: 'inherit' });
if (built.status !== 0) throw new Error('npm run build:cli failed');

const tmp = benchDir();
const db = tmp.path('demo.sqlite');
run(['bin/thongke.mjs', 'init', db, '--demo']);

const cases: Record<string, string[]> = {
  floor: ['-e', "require('better-sqlite3')"],
  'thongke help': ['bin/thongke.mjs', 'help'],
  'thongke units --json': ['bin/thongke.mjs', 'units', db, '--json'],
  'thongke figures --json': ['bin/thongke.mjs', 'figures', db, '--unit', 'TH_HH', '--period', '2024-05', '--json'],
};
const times = new Map<string, number[]>(Object.keys(cases).map((k) => [k, []]));
for (const args of Object.values(cases)) run(args); // warm the file cache
for (let i = 0; i < RUNS; i++) for (const [name, args] of Object.entries(cases)) times.get(name)!.push(run(args));
tmp.remove();

const floor = median(times.get('floor')!);
console.log(`floor: node -e "require('better-sqlite3')" median of ${RUNS}: ${floor.toFixed(0)} ms`);
const lines = Object.keys(cases)
  .filter((name) => name !== 'floor')
  .map((name) => {
    const ms = median(times.get(name)!);
    const x = ms / floor;
    return { name: `${name}, median of ${RUNS}`, measured: `${ms.toFixed(0)} ms = ${x.toFixed(2)}× floor`, target: `≤ ${LIMIT}× floor (${(LIMIT * floor).toFixed(0)} ms)`, ratio: x / LIMIT };
  });
const ok = report('CLI start (issue 9)', lines);
process.exitCode = ok ? 0 : 1;

// npm run bench: builds the app and the CLI, then runs every bench/*.bench.ts, one after the
// other, each in its own process (a bench's memory or open browser never weighs on the next).
// Exit code 1 when any figure misses its target or a bench fails.
// Run: npm run bench            (every bench)
//      npm run bench -- cli data (only the benches whose file name starts with one of the words)
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((w) => f.startsWith(w)))
  .sort();

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const built = spawnSync(npm, ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
if (built.status !== 0) {
  console.error('npm run build failed');
  process.exit(1);
}

const results: { bench: string; ok: boolean; seconds: number }[] = [];
for (const bench of benches) {
  console.log(`\n######## bench/${bench}`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', `bench/${bench}`], { cwd: ROOT, stdio: 'inherit' });
  results.push({ bench, ok: r.status === 0, seconds: (performance.now() - t0) / 1000 });
}

console.log('\n######## summary');
for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  bench/${r.bench} (${r.seconds.toFixed(0)} s)`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;

// The fault suite: real child processes run the app's writers — `thongke init --demo`,
// `thongke values import`, the app's backup and its restore — on real SQLite files and are
// killed with SIGKILL at a random moment of the operation, more than 100 times in all. After
// each kill the files are opened as the app opens them, and then:
//   - the database holds exactly the state before the operation or exactly the state after it
//     (every row of every table that holds user data compared, hashed);
//   - PRAGMA integrity_check is ok;
//   - no stray file is left beside it (temporary copies, -wal, -shm, -journal): only the
//     database, and for a backup or a restore only complete backups.
// Kill moments are drawn uniformly over the operation's duration (measured in the loop: a run
// left to finish first, then every run that finishes before its kill) from a seeded generator:
// the seed is printed, and FAULT_SEED=<seed> replays the same fractions of the duration (the
// milliseconds follow the machine's speed). FAULT_KILLS=<n> sets the kills of import, backup
// and restore (init gets the same number, 10% of it with --demo); FAULT_DEBUG=1 prints each run.
// Workers are one esbuild bundle of worker.ts (about 0.2 s of CPU to start, against seconds
// through tsx), built into dist/faults/ when the suite starts.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedCatalogue } from '../../core/catalogue-data';
import { UserError } from '../../core/errors';
import { setValues } from '../../db/values.repo';
import { openStore, type Store } from '../../db/store';
import { Host } from '../../electron/host';
import { smallStore } from '../helpers/fixture';

const ROOT = resolve(__dirname, '../..');
const SEED = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));
const KILLS = Number(process.env.FAULT_KILLS ?? 26);
/** Workers started ahead of their turn. */
const PREPARED = 2;
/** Runs of each operation left to finish, to measure its duration, before the kills. */
const WARMUP = 1;

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let tmp: string;
let worker: string;
let compileCache: string;

beforeAll(async () => {
  console.log(`fault suite seed ${SEED} (replay: FAULT_SEED=${SEED})`);
  tmp = mkdtempSync(join(tmpdir(), 'thongke-faults-'));
  compileCache = join(tmp, 'compile-cache');
  // Beside node_modules, so the bundle finds better-sqlite3 (native, not bundled).
  worker = join(ROOT, 'dist', 'faults', `worker-${process.pid}.mjs`);
  await build({
    entryPoints: [join(ROOT, 'test/faults/worker.ts')],
    outfile: worker,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // Native, or loaded only by the PDF and XLSX exports the worker never makes.
    external: ['better-sqlite3', 'playwright-core', 'exceljs', '@resvg/resvg-js', 'echarts'],
    minify: true,
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'error',
  });
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  if (worker) rmSync(worker, { force: true });
});

interface Outcome {
  /** true when the kill landed before the worker finished. */
  killed: boolean;
  /** Milliseconds from "go" to "done", or to the kill. */
  ms: number;
  stderr: string;
}

interface Worker {
  ready: Promise<void>;
  /** Starts the operation and kills the worker `killAfterMs` later (null: let it finish). */
  go: (killAfterMs: number | null) => Promise<Outcome>;
}

function startWorker(argv: string[]): Worker {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [worker, ...argv], {
    cwd: ROOT,
    env: { ...process.env, NODE_COMPILE_CACHE: compileCache },
  });
  let stdout = '';
  let stderr = '';
  let readyResolve!: () => void;
  const ready = new Promise<void>((res, rej) => {
    readyResolve = res;
    child.once('exit', (code, signal) => rej(new Error(`worker ended before ready (${code ?? signal}): ${stderr}`)));
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) =>
    // 'close', not 'exit': every byte the worker wrote ("done") has been read by then.
    child.on('close', (code, signal) => res({ code, signal })),
  );
  let started = 0;
  let doneAt = 0;
  let sentAt = 0;
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
    if (stdout.includes('ready\n')) readyResolve();
    if (!doneAt && stdout.includes('done\n')) doneAt = performance.now();
  });
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  ready.catch(() => undefined);
  return {
    ready,
    go: async (killAfterMs) => {
      await ready;
      started = performance.now();
      child.stdin.write('go\n');
      let timer: NodeJS.Timeout | undefined;
      if (killAfterMs !== null) {
        timer = setTimeout(() => {
          sentAt = performance.now() - started;
          child.kill('SIGKILL');
        }, killAfterMs);
      }
      const { code, signal } = await exited;
      clearTimeout(timer);
      // Killed while exiting, after "done": the operation had finished; not counted as a kill.
      if (signal === 'SIGKILL' && !doneAt) return { killed: true, ms: sentAt, stderr };
      if (signal === 'SIGKILL') return { killed: false, ms: doneAt - started, stderr };
      if (code !== 0) throw new Error(`worker ${argv.join(' ')} failed (${code}): ${stderr}`);
      return { killed: false, ms: doneAt - started, stderr };
    },
  };
}

/** Every row of every table that holds user data, hashed. */
function stateOf(store: Store): string {
  const hash = createHash('sha256');
  for (const t of ['org_unit', 'org_unit_history', 'data_value', 'audit', 'plan_target', 'narrative', 'setting', 'month_status', 'data_element']) {
    hash.update(`${t}\n`);
    for (const row of store.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).raw().iterate()) hash.update(`${JSON.stringify(row)}\n`);
  }
  return hash.digest('hex');
}

function intact(store: Store): string {
  return store.db.pragma('integrity_check', { simple: true }) as string;
}

/** Opens a database the way the CLI does and reads its state; null when there is none. */
function cliState(file: string): string | null {
  let store: Store;
  try {
    store = openStore(file);
  } catch (e) {
    if (e instanceof UserError && e.key === 'error.databaseMissing') return null;
    throw e;
  }
  try {
    expect(intact(store)).toBe('ok');
    return stateOf(store);
  } finally {
    store.close();
  }
}

/** A database file's state, opened read-only (a backup is left exactly as it is). */
function fileState(file: string): string {
  const store = openStore(file, { readonly: true });
  try {
    expect(intact(store)).toBe('ok');
    return stateOf(store);
  } finally {
    store.close();
  }
}

/** Starts the app on `userData` as Electron's main process does, reads the state, closes. */
function appState(userData: string): string {
  const host = new Host({ userData, appVersion: 'faults' });
  host.start();
  const store = host.store;
  expect(store).not.toBeNull();
  try {
    expect(intact(store!)).toBe('ok');
    return stateOf(store!);
  } finally {
    store!.close();
  }
}

const ls = (dir: string) => readdirSync(dir).sort();

/** Commune-level counts of the catalogue: what the import writes, for 3 communes × 24 months. */
function importCsv(): string {
  const elements = shippedCatalogue()
    .elements.filter((e) => e.entryLevel === 'commune' && e.valueType === 'count' && e.kind !== 'derived')
    .map((e) => e.code);
  const lines = ['unit,period,element,value,comment'];
  let n = 0;
  for (const unit of ['C1', 'C2', 'C3']) {
    for (let y = 2023; y <= 2024; y++) {
      for (let m = 1; m <= 12; m++) {
        for (const el of elements) {
          n++;
          lines.push(`${unit},${y}-${String(m).padStart(2, '0')},${el},${n % 997},${n % 3 === 0 ? 'ghi chú số liệu nhập lại ' + n : ''}`);
        }
      }
    }
  }
  return lines.join('\n') + '\n';
}

/** The small district with a few values: the state before an import. */
function writeBase(file: string): void {
  const store = smallStore(file);
  setValues(
    store,
    ['C1', 'C2', 'C3'].flatMap((unit, i) => [
      { unit, period: '2024-05', element: 'EPI_FULL_U1', value: 10 + i },
      { unit, period: '2024-04', element: 'CUR_VISITS', value: 100 + i },
    ]),
    'faults',
    'ui',
    new Date(2024, 5, 1),
  );
  store.close();
}

/** Kills one operation `kills` times at random moments; `check` runs after each kill. */
async function killRepeatedly(opts: {
  name: string;
  kills: number;
  durationMs: number;
  /** Unkilled runs first, to measure the duration (default WARMUP). */
  warmup?: number;
  random: () => number;
  setup: (dir: string) => string[];
  /** Checks the files after a run; says which state they hold. */
  check: (dir: string, where: string) => 'before' | 'after';
}): Promise<number> {
  let killed = 0;
  const seen = { before: 0, after: 0 };
  // The duration is measured in the loop's own conditions (the next workers loading beside
  // it): the first WARMUP runs finish unkilled and give it; later unkilled runs (a kill drawn
  // after the end) keep it current. A duration from a quiet moment would squeeze every kill
  // into the operation's first part.
  let duration = opts.durationMs;
  const warm: number[] = [];
  const warmup = opts.warmup ?? WARMUP;
  let i = 0;
  const prepare = () => {
    const dir = join(tmp, `${opts.name}-${i++}`);
    mkdirSync(dir);
    return { dir, w: startWorker(opts.setup(dir)) };
  };
  // Workers load (a fifth of a second of CPU each) while the last one's files are checked.
  const queue = Array.from({ length: Math.min(PREPARED, opts.kills) }, prepare);
  const cap = opts.kills * 3;
  for (let round = 0; killed < opts.kills && round < cap + warmup; round++) {
    if (queue.length === 0) queue.push(prepare());
    const { dir, w } = queue.shift()!;
    const warming = round < warmup;
    const delay = Math.round(opts.random() * duration * 1.05);
    const t0 = performance.now();
    const outcome = await w.go(warming ? null : delay);
    const t1 = performance.now();
    if (outcome.killed) killed++;
    else if (warming) {
      warm.push(outcome.ms);
      duration = warm.reduce((a, b) => a + b, 0) / warm.length;
    } else duration = (duration + outcome.ms) / 2;
    if (killed + queue.length < opts.kills) queue.push(prepare());
    const where = `seed ${SEED}, ${opts.name} run ${round}, ${outcome.killed ? `killed after ${delay} ms (sent at ${Math.round(outcome.ms)})` : 'not killed, finished'} of ${Math.round(duration)} ms`;
    if (outcome.killed) seen[opts.check(dir, where)]++;
    else opts.check(dir, where);
    if (process.env.FAULT_DEBUG) console.log(`${where}: op ${Math.round(t1 - t0)} ms, check ${Math.round(performance.now() - t1)} ms`);
    rmSync(dir, { recursive: true, force: true });
  }
  // Workers prepared but not needed.
  for (const { w } of queue) await w.go(0).catch(() => undefined);
  console.log(`${opts.name}: ${killed} kills, ${seen.before} left the state before, ${seen.after} the state after`);
  return killed;
}

describe('fault injection: SIGKILL at random moments', () => {
  const random = rng(SEED);
  let totalKills = 0;

  // The demo takes seconds to build: a few kills of it, the rest on an empty database.
  const demoKills = Math.ceil(KILLS * 0.1);
  for (const [demo, kills] of [
    [true, demoKills],
    [false, KILLS - demoKills],
  ] as const) {
    it(`init${demo ? ' --demo' : ''}: no database or the whole new one, never a half-made one`, async () => {
      const extra = demo ? ['--demo'] : [];
      // Calibration: one run to completion gives the duration and the after-state.
      const dir = join(tmp, `init${demo}-calibrate`);
      mkdirSync(dir);
      const file = join(dir, 'new.sqlite');
      const { ms } = await startWorker(['init', file, ...extra]).go(null);
      const after = cliState(file);
      expect(ls(dir)).toEqual(['new.sqlite']);
      const r = await killRepeatedly({
        name: `init${demo ? '-demo' : ''}`,
        kills,
        durationMs: ms,
        // The demo takes seconds: its calibration run is the measure.
        warmup: demo ? 0 : WARMUP,
        random,
        setup: (d) => ['init', join(d, 'new.sqlite'), ...extra],
        check: (d, where) => {
          // What the user does next: any command on the file (it says "no database" or opens it).
          const state = cliState(join(d, 'new.sqlite'));
          if (state === null) {
            expect(ls(d), where).toEqual([]);
            return 'before';
          }
          expect(state, where).toBe(after);
          expect(ls(d), where).toEqual(['new.sqlite']);
          return 'after';
        },
      });
      totalKills += r;
    }, 120_000);
  }

  it('values import: the database before or after the whole file', async () => {
    const base = join(tmp, 'base.sqlite');
    writeBase(base);
    const csv = join(tmp, 'values.csv');
    writeFileSync(csv, importCsv());
    const before = fileState(base);
    const dir = join(tmp, 'import-calibrate');
    mkdirSync(dir);
    copyFileSync(base, join(dir, 'db.sqlite'));
    const { ms } = await startWorker(['import', join(dir, 'db.sqlite'), csv]).go(null);
    const after = fileState(join(dir, 'db.sqlite'));
    expect(after).not.toBe(before);
    const r = await killRepeatedly({
      name: 'import',
      kills: KILLS,
      durationMs: ms,
      random,
      setup: (d) => {
        copyFileSync(base, join(d, 'db.sqlite'));
        return ['import', join(d, 'db.sqlite'), csv];
      },
      check: (d, where) => {
        const state = cliState(join(d, 'db.sqlite'));
        expect([before, after], where).toContain(state);
        expect(ls(d), where).toEqual(['db.sqlite']);
        return state === before ? 'before' : 'after';
      },
    });
    totalKills += r;
  }, 120_000);

  // The live database of the backup and restore runs: the base after the import (bigger), and
  // a backup of the base before it (smaller): a restore shrinks the database.
  function userDataWith(dir: string, live: string, backup?: { name: string; file: string }): string {
    const userData = join(dir, 'userData');
    mkdirSync(join(userData, 'backups'), { recursive: true });
    copyFileSync(live, join(userData, 'thongke.sqlite'));
    if (backup) copyFileSync(backup.file, join(userData, 'backups', backup.name));
    return userData;
  }

  it('backup: the live database unchanged; no backup or a complete one', async () => {
    const live = join(tmp, 'import-calibrate', 'db.sqlite');
    const state = fileState(live);
    const dir = join(tmp, 'backup-calibrate');
    mkdirSync(dir);
    const { ms } = await startWorker(['backup', userDataWith(dir, live)]).go(null);
    const r = await killRepeatedly({
      name: 'backup',
      kills: KILLS,
      durationMs: ms,
      random,
      setup: (d) => ['backup', userDataWith(d, live)],
      check: (d, where) => {
        const userData = join(d, 'userData');
        expect(appState(userData), where).toBe(state);
        expect(ls(userData), where).toEqual(['backups', 'thongke.sqlite']);
        const backups = ls(join(userData, 'backups'));
        expect(backups.length, `${where}: ${backups.join(', ')}`).toBeLessThanOrEqual(1);
        for (const b of backups) {
          expect(b, where).toMatch(/^thongke-manual-\d{8}-\d{6}\.sqlite$/);
          expect(fileState(join(userData, 'backups', b)), where).toBe(state);
        }
        return backups.length === 0 ? 'before' : 'after';
      },
    });
    totalKills += r;
  }, 120_000);

  it('restore (shrinking the database): exactly the old or exactly the backup', async () => {
    const live = join(tmp, 'import-calibrate', 'db.sqlite');
    const base = join(tmp, 'base.sqlite');
    expect(statSync(base).size).toBeLessThan(statSync(live).size);
    const before = fileState(live);
    const restored = fileState(base);
    const backup = { name: 'thongke-manual-20240601-080000.sqlite', file: base };
    const dir = join(tmp, 'restore-calibrate');
    mkdirSync(dir);
    const calibrate = userDataWith(dir, live, backup);
    const { ms } = await startWorker(['restore', calibrate, backup.name]).go(null);
    expect(appState(calibrate)).toBe(restored);
    // No stale page of the bigger database: the file is the backup's size, no -wal beside it.
    expect(statSync(join(calibrate, 'thongke.sqlite')).size).toBe(statSync(base).size);
    const r = await killRepeatedly({
      name: 'restore',
      kills: KILLS,
      durationMs: ms,
      random,
      setup: (d) => ['restore', userDataWith(d, live, backup), backup.name],
      check: (d, where) => {
        const userData = join(d, 'userData');
        const state = appState(userData);
        expect([before, restored], where).toContain(state);
        expect(ls(userData), where).toEqual(['backups', 'thongke.sqlite']);
        for (const b of ls(join(userData, 'backups'))) {
          if (b === backup.name) continue;
          // The safety backup taken before the swap: complete, the state before.
          expect(b, where).toMatch(/^thongke-restore-\d{8}-\d{6}\.sqlite$/);
          expect(fileState(join(userData, 'backups', b)), where).toBe(before);
        }
        return state === before ? 'before' : 'after';
      },
    });
    totalKills += r;
  }, 120_000);

  it('killed more than 100 times in all', () => {
    console.log(`fault suite: ${totalKills} kills (seed ${SEED})`);
    expect(totalKills).toBeGreaterThanOrEqual(KILLS * 4);
  });
});

// Helpers for the benchmarks: timing, medians and the one-line report format
// "name: measured (target …) → ratio". Benchmarks are scripts, never timed unit tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../db/store';
import { addUnits } from '../db/units.repo';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function time<T>(fn: () => T): { ms: number; result: T } {
  const t0 = performance.now();
  const result = fn();
  return { ms: performance.now() - t0, result };
}

export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t0 = performance.now();
  const result = await fn();
  return { ms: performance.now() - t0, result };
}

export function samples(n: number, fn: () => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(time(fn).ms);
  return out;
}

export interface Line {
  name: string;
  measured: string;
  target: string;
  /** measured / limit, or limit / measured for "at least" figures: ≤ 1 passes. */
  ratio: number;
}

export function report(title: string, lines: Line[]): boolean {
  console.log(`\n== ${title}`);
  let ok = true;
  for (const l of lines) {
    const pass = l.ratio <= 1;
    ok &&= pass;
    console.log(`${pass ? 'PASS' : 'FAIL'}  ${l.name}: ${l.measured} (target ${l.target}) → ratio ${l.ratio.toFixed(3)}`);
  }
  return ok;
}

export function benchDir(): { path: (n: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'thongke-bench-'));
  return { path: (n) => join(dir, n), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A new database file holding a province P, its district D and the district's communes. */
export function districtStore(file: string, communes: readonly string[]): Store {
  const store = openStore(file, { create: true });
  addUnits(store.db, [
    { code: 'P', name: 'Tỉnh', level: 'province', parent: null },
    { code: 'D', name: 'Huyện', level: 'district', parent: 'P' },
    ...communes.map((c) => ({ code: c, name: `Xã ${c}`, level: 'commune' as const, parent: 'D' })),
  ]);
  store.invalidateUnits();
  return store;
}

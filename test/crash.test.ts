// Nothing a user entered is ever lost: a process writing values is killed (SIGKILL) at random
// moments, many times; every value it reported as saved must be in the file afterwards, and
// the file must pass integrity_check. Also: a full disk leaves the data as it was.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli/main';
import { openStore } from '../db/store';
import { smallStore, snapshot, tempDir, type TempDir } from './helpers/fixture';

let tmp: TempDir;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.remove());

interface Saved {
  n: number;
  unit: string;
  period: string;
  element: string;
}

/** Runs the writer until it has reported `after` saves (plus a random delay), then SIGKILLs it. */
function writeAndKill(file: string, start: number, after: number, extraMs: number): Promise<Saved[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/writer.ts', file, String(start)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const saved: Saved[] = [];
    let buffer = '';
    let stderr = '';
    let killing = false;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const [, n, unit, period, element] = line.split(' ');
        saved.push({ n: Number(n), unit: unit!, period: period!, element: element! });
      }
      if (!killing && saved.length >= after) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), extraMs);
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer ended without being killed: ${stderr}`));
      else resolve(saved);
    });
  });
}

describe('crash safety', () => {
  it('keeps every value reported as saved across repeated SIGKILLs', async () => {
    const file = tmp.path('crash.sqlite');
    smallStore(file).close();
    const expected = new Map<string, number>();
    let next = 0;
    for (let round = 0; round < 12; round++) {
      const saved = await writeAndKill(file, next, 1 + ((round * 7) % 20), (round * 13) % 40);
      expect(saved.length).toBeGreaterThan(0);
      for (const s of saved) expected.set(`${s.unit}|${s.period}|${s.element}`, s.n);
      next = saved[saved.length - 1]!.n + 1;
      // After each crash the file opens, passes integrity_check and holds every saved value.
      const store = openStore(file);
      try {
        expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
        const rows = store.db
          .prepare(
            `SELECT u.code AS unit, v.period, e.code AS element, v.value FROM data_value v
             JOIN org_unit u ON u.id = v.unit_id JOIN data_element e ON e.id = v.element_id`,
          )
          .all() as { unit: string; period: string; element: string; value: number }[];
        const stored = new Map(rows.map((r) => [`${r.unit}|${r.period}|${r.element}`, r.value]));
        for (const [key, value] of expected) {
          // The writer may have committed one more value after its last report: never fewer.
          expect(stored.get(key), key).toBeGreaterThanOrEqual(value);
        }
      } finally {
        store.close();
      }
    }
    expect(next).toBeGreaterThan(12);
  }, 120_000);

  it('reports a full disk clearly and leaves the data as it was', async () => {
    const file = tmp.path('full.sqlite');
    const store = smallStore(file);
    const before = snapshot(store);
    store.close();
    // A real SQLITE_FULL from SQLite itself: cap the file's page count just above its size.
    const lines = ['unit,period,element,value,comment'];
    for (let m = 1; m <= 12; m++) {
      for (const u of ['C1', 'C2', 'C3']) {
        lines.push(`${u},2024-${String(m).padStart(2, '0')},CUR_VISITS,${m * 10},${'ghi chú dài '.repeat(40)}`);
      }
    }
    const csv = tmp.path('big.csv');
    writeFileSync(csv, lines.join('\n'));
    const capped = openStore(file);
    const pages = capped.db.pragma('page_count', { simple: true }) as number;
    capped.close();
    process.env.THONGKE_TEST_MAX_PAGES = String(pages + 1);
    const err: string[] = [];
    try {
      const code = await main(['values', 'import', file, csv], { err: (t) => err.push(t), out: () => {}, now: () => new Date(2024, 11, 31) });
      expect(code).toBe(1);
    } finally {
      delete process.env.THONGKE_TEST_MAX_PAGES;
    }
    expect(err.join('\n')).toContain('Ổ đĩa đã đầy');
    const after = openStore(file);
    expect(after.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(snapshot(after)).toBe(before);
    after.close();
  });
});

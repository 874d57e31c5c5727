// A large values file through `thongke values import` (issue 9: the file is read line by line,
// checked in one pass and written in another inside one transaction): a file of 200,000 lines
// is imported whole, and the same size of file with bad lines — one of them near the end — is
// refused with every bad line listed and the database file left byte for byte as it was.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedCatalogue } from '../core/catalogue-data';
import { makeMonth } from '../core/period';
import { openStore } from '../db/store';
import { addUnits } from '../db/units.repo';
import { runCli } from './helpers/cli';
import { tempDir, type TempDir } from './helpers/fixture';

const LINES = 200_000;
const COMMUNES = Array.from({ length: 40 }, (_, i) => `X${String(i + 1).padStart(2, '0')}`);
const elements = shippedCatalogue().elements.filter((e) => e.entryLevel === 'commune' && e.kind !== 'derived' && e.valueType === 'count');

let tmp: TempDir;
let db: string;
const now = () => new Date(2024, 5, 10);

/** LINES value lines over the communes, elements and months from 2000-01 on; `value(i)` per line. */
function valuesFile(name: string, value: (i: number) => string): string {
  const lines = ['unit,period,element,value,comment'];
  let i = 0;
  outer: for (let m = 0; ; m++) {
    const period = makeMonth(2000 + Math.floor(m / 12), (m % 12) + 1);
    for (const c of COMMUNES) {
      for (const e of elements) {
        lines.push(`${c},${period},${e.code},${value(i)},${i % 7 === 0 ? 'ước tính' : ''}`);
        if (++i === LINES) break outer;
      }
    }
  }
  const path = tmp.path(name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

beforeAll(() => {
  tmp = tempDir();
  db = tmp.path('large.sqlite');
  const store = openStore(db, { create: true });
  addUnits(store.db, [
    { code: 'P', name: 'Tỉnh', level: 'province', parent: null },
    { code: 'D', name: 'Huyện', level: 'district', parent: 'P' },
    ...COMMUNES.map((c) => ({ code: c, name: `Xã ${c}`, level: 'commune' as const, parent: 'D' })),
  ]);
  store.close();
});
afterAll(() => tmp.remove());

describe('a values file of 200,000 lines', () => {
  it('is imported whole, every value and its audit row', async () => {
    const file = valuesFile('big.csv', (i) => String(i % 500));
    const r = await runCli(['values', 'import', db, file, '--lang', 'en'], now);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain(`Imported ${LINES} values`);
    const store = openStore(db);
    try {
      expect(store.db.prepare('SELECT count(*) AS n FROM data_value').get()).toEqual({ n: LINES });
      expect(store.db.prepare('SELECT count(*) AS n FROM audit').get()).toEqual({ n: LINES });
      const commented = store.db.prepare("SELECT count(*) AS n FROM data_value WHERE comment = 'ước tính'").get() as { n: number };
      expect(commented.n).toBe(Math.ceil(LINES / 7));
    } finally {
      store.close();
    }
  });

  it('with bad lines, one near the end, is refused: every bad line listed, the database file unchanged', async () => {
    const early = 1_234;
    const late = LINES - 3;
    // New values on every line (each would be a change), two of them negative.
    const file = valuesFile('bad.csv', (i) => (i === early || i === late ? '-7' : String((i % 500) + 1)));
    const before = sha(db);
    const r = await runCli(['values', 'import', db, file, '--lang', 'en'], now);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    const lines = r.err.split('\n');
    expect(lines[0]).toContain('2 line(s) have errors. The database is unchanged.');
    // Line numbers count the header: value i is on line i + 2.
    expect(lines[1]).toMatch(new RegExp(`^Line ${early + 2}: .*cannot be negative \\(-7\\)`));
    expect(lines[2]).toMatch(new RegExp(`^Line ${late + 2}: .*cannot be negative \\(-7\\)`));
    expect(lines).toHaveLength(3);
    expect(sha(db)).toBe(before);
  });
});

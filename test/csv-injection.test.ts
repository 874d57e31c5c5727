// CSV injection (OWASP): comments (and codes) that a spreadsheet would run as formulas are
// exported with an apostrophe in front, and `values import` reads back exactly what was typed.
// Real database, real `thongke values export` / `values import`, the file parsed as Excel would
// see its cells.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../db/store';
import { exportValues, setValues } from '../db/values.repo';
import { runCli } from './helpers/cli';
import { tempDir, type TempDir } from './helpers/fixture';
import { makeFixture } from './report/fixture';

const COMMENTS = [
  "=cmd|' /C calc'!A0",
  '+1+1',
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
  '-',
  'Tăng - giảm so với tháng trước',
  "'=không phải công thức",
  "''",
  'a,b "trong ngoặc"',
];

let tmp: TempDir;
let db: string;
let cells: { unit: string; period: string; element: string; value: number | null }[];
beforeAll(() => {
  tmp = tempDir('thongke-csv-inj-');
  db = tmp.path('f.sqlite');
  const store = makeFixture(db);
  cells = exportValues(store, '2024-05', 'TH_HH_01').slice(0, COMMENTS.length);
  setValues(store, cells.map((c, i) => ({ unit: c.unit, period: c.period, element: c.element, value: c.value, comment: COMMENTS[i]! })), 'test', 'ui', new Date(2024, 5, 10));
  store.close();
});
afterAll(() => tmp.remove());

function comments(): (string | null)[] {
  const store = openStore(db);
  try {
    const byKey = new Map(exportValues(store, '2024-05', 'TH_HH_01').map((v) => [v.element, v.comment]));
    return cells.map((c) => byKey.get(c.element) ?? null);
  } finally {
    store.close();
  }
}

describe('values export and import with formula-like comments', () => {
  it('no exported cell starts as a formula, and import gives back exactly the comments typed', async () => {
    const out = tmp.path('v.csv');
    expect((await runCli(['values', 'export', db, '--period', '2024-05', '--unit', 'TH_HH_01', '--out', out])).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const exported = new Map(rows.slice(1).map((r) => [r[2], r[4]]));
    expect(exported.get(cells[0]!.element)).toBe("'=cmd|' /C calc'!A0");
    expect(exported.get(cells[6]!.element)).toBe("'-");
    expect(exported.get(cells[7]!.element)).toBe('Tăng - giảm so với tháng trước');

    // Clear the comments, import the file: every comment comes back as it was typed.
    const store = openStore(db);
    setValues(store, cells.map((c) => ({ ...c, comment: null })), 'test', 'ui', new Date(2024, 5, 10));
    store.close();
    expect(comments().every((c) => c === null)).toBe(true);
    const imp = await runCli(['values', 'import', db, out]);
    expect(imp).toMatchObject({ code: 0 });
    expect(comments()).toEqual(COMMENTS);
    // A second import of the same file changes nothing: what export wrote is what import reads.
    expect((await runCli(['values', 'import', db, out])).out).toContain('(0 thay đổi)');
  });
});

// The real `thongke` executable as a user runs it: exit codes and one-sentence errors.
// bin/thongke.mjs runs the prebuilt bundle dist/cli/thongke.mjs (built by `npm test`'s build
// step, rebuilt by bin/thongke.mjs when older than the sources).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, type TempDir } from './helpers/fixture';

let tmp: TempDir;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.remove());

function thongke(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/thongke.mjs', ...args], { encoding: 'utf8', env: { ...process.env, THONGKE_LANG: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the thongke executable', () => {
  it('runs the built bundle: help lists every command, --json gives the typed result', () => {
    const help = thongke('help');
    expect(help.code).toBe(0);
    expect(help.err).toBe('');
    expect(help.out).toMatch(/^Thống kê Y tế — các lệnh:/);
    for (const c of ['init', 'units', 'values import', 'figures', 'report']) expect(help.out).toContain(`thongke ${c} `);
    expect(existsSync('dist/cli/thongke.mjs')).toBe(true);
    // The bundle holds no TypeScript loader and none of the report libraries at its top.
    const bundle = readFileSync('dist/cli/thongke.mjs', 'utf8');
    expect(bundle).not.toMatch(/from "(tsx|playwright-core|exceljs|docx)"/);

    const db = tmp.path('demo.sqlite');
    expect(thongke('init', db, '--demo').code).toBe(0);
    const units = thongke('units', db, '--json');
    expect(units.code).toBe(0);
    const tree = JSON.parse(units.out) as { code: string; parent: string | null }[];
    expect(tree.find((u) => u.code === 'TH_HH')).toMatchObject({ parent: 'TH' });
    expect(tree.filter((u) => u.parent === 'TH_HH').length).toBe(39);
    const figures = thongke('figures', db, '--unit', 'TH_HH', '--period', '2024-05', '--json');
    expect(figures.code).toBe(0);
    const f = JSON.parse(figures.out) as { unit: string; figures: { element: string; value: number | null }[] };
    expect(f.unit).toBe('TH_HH');
    expect(f.figures.length).toBeGreaterThan(100);
  });

  it('creates a database and lists its (empty) tree', () => {
    const db = tmp.path('a.sqlite');
    expect(thongke('init', db)).toMatchObject({ code: 0 });
    const units = thongke('units', db, '--json');
    expect(units.code).toBe(0);
    expect(JSON.parse(units.out)).toEqual([]);
  });

  it('exits 2 on wrong usage and 1 with one Vietnamese sentence on a user error', () => {
    expect(thongke('units').code).toBe(2);
    const notDb = tmp.path('x.sqlite');
    writeFileSync(notDb, 'x'.repeat(200));
    const r = thongke('units', notDb);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('không phải cơ sở dữ liệu của Thống kê Y tế');
    expect(r.err).not.toMatch(/\bat .+:\d+:\d+/);
    const en = thongke('units', notDb, '--lang', 'en');
    expect(en.err).toContain('is not a Thống kê Y tế database');
  });
});

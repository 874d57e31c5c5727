// The real `thongke` executable as a user runs it: exit codes and one-sentence errors.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
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

// The bundle commands as a user types them (cli/main.ts in process, real files).
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { NOW, demoDistrict, fileState } from './fixtures';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'thongke-bundle-cli-'));
  demoDistrict(join(dir, 'd.sqlite'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), now: () => NOW });
  return { code, out, err };
}

describe('thongke bundle', () => {
  it('init a province, export to a folder, import with trust, log, sent, key', async () => {
    const d = join(dir, 'd.sqlite');
    const p = join(dir, 'p.sqlite');
    const init = await run('init', p, '--unit', 'TH', '--name', 'Tỉnh Thanh Hóa', '--level', 'province');
    expect(init.code).toBe(0);
    expect(JSON.parse((await run('units', p, '--json')).out)).toMatchObject([{ code: 'TH', name: 'Tỉnh Thanh Hóa', level: 'province', parent: null }]);
    const usb = join(dir, 'usb');
    rmSync(usb, { force: true, recursive: true });
    (await import('node:fs')).mkdirSync(usb);
    const exp = await run('bundle', 'export', d, '--unit', 'TH_HH', '--period', '2024-04..2024-05', '--out', usb, '--json');
    expect(exp.code, exp.err).toBe(0);
    const e = JSON.parse(exp.out) as { file: string; fileName: string; size: number; fingerprint: string };
    expect(e.fileName).toBe('TH_HH_2024-04_2024-05_r1.tkb');
    expect(readdirSync(usb)).toEqual([e.fileName]);
    expect(exp.err).toMatch(/chưa được đánh dấu hoàn thành/);
    const key = await run('bundle', 'key', d);
    expect(key.out).toContain(e.fingerprint);

    const before = fileState(p);
    const first = await run('bundle', 'import', p, e.file);
    expect(first.code).toBe(1);
    expect(first.err).toContain(e.fingerprint);
    expect(first.err).toMatch(/--trust/);
    expect(fileState(p)).toBe(before);

    const ok = await run('bundle', 'import', p, e.file, '--trust', '--json');
    expect(ok.code, ok.err).toBe(0);
    const [s] = JSON.parse(ok.out) as { status: string; counts: { imported: number; updated: number; ignored: number; deleted: number }; conflicts: unknown[] }[];
    expect(s!.status).toBe('imported');
    expect(s!.counts.imported).toBeGreaterThan(4000);
    expect(s!.conflicts).toEqual([]);
    const twice = await run('bundle', 'import', p, e.file);
    expect(twice.code).toBe(0);
    expect(twice.out).toMatch(/không có gì thay đổi/);

    const log = JSON.parse((await run('bundle', 'log', p, '--json')).out) as { result: string }[];
    expect(log.map((l) => l.result).sort()).toEqual(['imported', 'refused', 'unchanged']);
    const sent = JSON.parse((await run('bundle', 'sent', d, '--json')).out) as { period: string; revision: number }[];
    expect(sent.map((x) => [x.period, x.revision]).sort()).toEqual([['2024-04', 1], ['2024-05', 1]]);
    expect((await run('bundle', 'log', p)).out).toMatch(/imported\tTH_HH\t2024-04,2024-05\tr1,r1/);
  });

  it('several files at once: each on its own; a bad one is refused (exit 1), the others imported', async () => {
    const d = join(dir, 'd.sqlite');
    const p = join(dir, 'p.sqlite');
    await run('init', p, '--unit', 'TH', '--name', 'Tỉnh Thanh Hóa', '--level', 'province');
    const a = join(dir, 'a.tkb');
    expect((await run('bundle', 'export', d, '--unit', 'TH_HH', '--period', '2024-03', '--out', a)).code).toBe(0);
    const csv = join(dir, 'b.tkb');
    writeFileSync(csv, 'unit,period,element,value\n');
    const r = await run('bundle', 'import', p, a, csv, '--trust');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Đã nhận số liệu của Huyện Hoằng Hóa \(tháng 3\/2024\)/);
    expect(r.err).toMatch(/Không nhận tệp "b.tkb": đây không phải gói số liệu/);
    const en = await run('bundle', 'import', p, csv, '--lang', 'en');
    expect(en.err).toMatch(/File "b.tkb" refused: this is not a Thống kê Y tế sync bundle/);
  });

  it('wrong usage and wrong periods', async () => {
    const d = join(dir, 'd.sqlite');
    expect((await run('bundle', 'export', d, '--unit', 'TH_HH')).code).toBe(2);
    expect((await run('init', join(dir, 'x.sqlite'), '--unit', 'TH', '--level', 'province')).code).toBe(2);
    expect(existsSync(join(dir, 'x.sqlite'))).toBe(false);
    const back = await run('bundle', 'export', d, '--unit', 'TH_HH', '--period', '2024-05..2024-01', '--out', join(dir, 'x.tkb'));
    expect(back.code).toBe(1);
    expect(back.err).toMatch(/tháng đầu phải trước/);
    const future = await run('bundle', 'export', d, '--unit', 'TH_HH', '--period', '2025-03', '--out', join(dir, 'x.tkb'));
    expect(future.code).toBe(1);
    expect(existsSync(join(dir, 'x.tkb'))).toBe(false);
    expect((await run('bundle', 'export', d, '--unit', 'TH_HH', '--period', '2022-01..2024-12', '--out', join(dir, 'x.tkb'))).err).toMatch(/tối đa 24 tháng/);
  });
});

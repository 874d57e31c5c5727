// `thongke units import` and `thongke status` as a user types them (cli/main.ts in process, a
// test clock, real files), and the built executable as a separate process.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { demoDistrict, fileState } from '../bundle/fixtures';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'thongke-status-cli-'));
  demoDistrict(join(dir, 'd.sqlite'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(now: Date, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), now: () => now });
  return { code, out, err };
}
const vn = (local: string) => new Date(`${local}+07:00`);

const UNITS = '\uFEFFcode;name;level;parent\nTH_HH;Huyện Hoằng Hóa;district;TH\nTH_NS;Huyện Nông Cống;district;TH\n';
const BAD = 'code,name,level,parent\nTH_A,Huyện A,district,TH\nTH_B,Huyện B,tinh,TH\nTH_C,Huyện C,district,TH_ZZ\n';

describe('thongke units import / status (in process, test clock)', () => {
  it('registers, imports a bundle, prints the status in Vietnamese and JSON, and the reminders', async () => {
    const p = join(dir, 'p.sqlite');
    const d = join(dir, 'd.sqlite');
    const t0 = vn('2024-05-10T09:00:00');
    expect((await run(t0, 'init', p, '--unit', 'TH', '--name', 'Tỉnh Thanh Hóa', '--level', 'province')).code).toBe(0);
    writeFileSync(join(dir, 'units.csv'), UNITS);
    writeFileSync(join(dir, 'bad.csv'), BAD);
    const dry = await run(t0, 'units', 'import', p, join(dir, 'units.csv'), '--dry-run');
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toMatch(/sẽ đăng ký 2 đơn vị mới/);
    const before = fileState(p);
    const bad = await run(t0, 'units', 'import', p, join(dir, 'bad.csv'));
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/Dòng 3: cấp "tinh" không hợp lệ/);
    expect(bad.err).toMatch(/Dòng 4: đơn vị cấp trên "TH_ZZ"/);
    expect(fileState(p)).toBe(before);
    const ok = await run(t0, 'units', 'import', p, join(dir, 'units.csv'));
    expect(ok.out).toMatch(/Đã đăng ký 2 đơn vị mới/);

    const usb = join(dir, 'usb');
    mkdirSync(usb);
    const exp = await run(vn('2024-05-11T15:00:00'), 'bundle', 'export', d, '--unit', 'TH_HH', '--period', '2024-04', '--out', usb, '--json');
    expect(exp.code, exp.err).toBe(0);
    const file = (JSON.parse(exp.out) as { file: string }).file;
    const imp = await run(vn('2024-05-20T08:00:00'), 'bundle', 'import', p, file, '--trust');
    expect(imp.code, imp.err).toBe(0);

    const at = vn('2024-05-20T10:00:00');
    const json = await run(at, 'status', p, '--year', '2024', '--json');
    expect(json.code, json.err).toBe(0);
    const r = JSON.parse(json.out) as { year: number; units: { unit: string; name: string; months: { period: string; state: string; revision: number | null; sentAt: string | null; receivedAt: string | null; complete: boolean | null; unexplained: number | null }[] }[] };
    expect(r.year).toBe(2024);
    const hh = r.units.find((u) => u.unit === 'TH_HH')!;
    expect(hh.months[3]).toMatchObject({ period: '2024-04', state: 'on-time', revision: 1, sentAt: vn('2024-05-11T15:00:00').toISOString(), receivedAt: vn('2024-05-20T08:00:00').toISOString(), complete: false });
    expect(hh.months[2]).toMatchObject({ period: '2024-03', state: 'missing' });
    expect(hh.months[4]).toMatchObject({ period: '2024-05', state: 'not-due' });

    const year = await run(at, 'status', p, '--year', '2024');
    expect(year.out).toContain('Tình hình báo cáo năm 2024 gửi Tỉnh Thanh Hóa');
    expect(year.out).toMatch(/TH_HH\t✗\t✗\t✗\t✓\t·/);
    expect(year.out).toContain('Tháng 4/2024 (hạn 12/05/2024): đã nhận 1/2 (50%), đúng hạn 1 (50%), muộn 0, chưa gửi 1, chưa đến hạn 0');
    const month = await run(at, 'status', p, '--year', '2024', '--month', '4');
    expect(month.out).toMatch(/TH_HH\tHuyện Hoằng Hóa\tĐúng hạn\tr1\t11\/05\/2024 15:00\t20\/05\/2024 08:00\tchưa\t\d+/);
    expect(month.out).toMatch(/TH_NS\tHuyện Nông Cống\tChưa gửi \(quá hạn\)\t—/);
    const remind = await run(at, 'status', p, '--year', '2024', '--month', '4', '--reminders');
    expect(remind.out).toContain('chưa nhận được báo cáo thống kê tháng 4/2024 (hạn 12/05/2024) của 1 đơn vị sau:\n- Huyện Nông Cống');
    const en = await run(at, 'status', p, '--year', '2024', '--month', '4', '--lang', 'en');
    expect(en.out).toContain('On time');
    expect((await run(at, 'status', p, '--year', '2024', '--reminders')).code).toBe(2);
    expect((await run(at, 'status', p, '--month', '4')).code).toBe(2);
    expect((await run(at, 'status', p, '--year', '2024', '--month', '13')).code).toBe(2);
  });
});

describe('the thongke executable (npm run build:cli first)', () => {
  function thongke(...args: string[]) {
    const r = spawnSync(process.execPath, ['bin/thongke.mjs', ...args], { encoding: 'utf8', env: { ...process.env, THONGKE_LANG: '' } });
    return { code: r.status, out: r.stdout, err: r.stderr };
  }

  it('units import and status in a real process: exit codes, Vietnamese output, JSON, refusals byte-identical', () => {
    const p = join(dir, 'p.sqlite');
    expect(thongke('init', p, '--unit', 'TH', '--name', 'Tỉnh Thanh Hóa', '--level', 'province').code).toBe(0);
    writeFileSync(join(dir, 'units.csv'), UNITS);
    writeFileSync(join(dir, 'bad.csv'), BAD);
    const before = fileState(p);
    const bad = thongke('units', 'import', p, join(dir, 'bad.csv'));
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/Dòng 3: cấp "tinh" không hợp lệ/);
    expect(fileState(p)).toBe(before);
    const ok = thongke('units', 'import', p, join(dir, 'units.csv'), '--json');
    expect(ok.code, ok.err).toBe(0);
    expect((JSON.parse(ok.out) as { added: unknown[] }).added).toHaveLength(2);
    // The machine's clock: 2024 is long past, so every month of it is missing.
    const s = thongke('status', p, '--year', '2024', '--json');
    expect(s.code, s.err).toBe(0);
    const r = JSON.parse(s.out) as { units: { unit: string; months: { state: string }[] }[]; totals: { expected: number; missing: number; reportingRate: number }[] };
    expect(r.units.map((u) => u.unit)).toEqual(['TH_HH', 'TH_NS']);
    expect(r.units[0]!.months.every((m) => m.state === 'missing')).toBe(true);
    expect(r.totals[0]).toMatchObject({ expected: 2, missing: 2, reportingRate: 0 });
    const text = thongke('status', p, '--year', '2024', '--month', '5', '--reminders');
    expect(text.code).toBe(0);
    expect(text.out).toContain('- Huyện Hoằng Hóa');
    expect(thongke('status', p).code).toBe(2);
    const help = thongke('help');
    expect(help.out).toContain('thongke status ');
    expect(help.out).toContain('thongke units import ');
  });
});

// Each unit's own report settings (issue 13): the report.unitSettings / report.setUnitSettings
// operations, `thongke report settings` in process and as the built executable (run
// `npm run build:cli` first), and the report printing what was set. Refusals leave the file
// byte for byte.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type Envelope, type UnitSettingsView } from '../../core/api';
import { openStore, type Store } from '../../db/store';
import { loadReportModel } from '../../export/report/load';
import { createService } from '../../service';
import { demoDistrict } from '../bundle/fixtures';
import { runCli } from '../helpers/cli';
import { tempDir, type TempDir } from '../helpers/fixture';

let tmp: TempDir;
let db: string;
const NOW = new Date('2024-06-10T09:00:00+07:00');

beforeEach(() => {
  tmp = tempDir();
  db = tmp.path('demo.sqlite');
  demoDistrict(db);
});
afterEach(() => tmp.remove());

async function withStore<T>(f: (call: <R>(op: string, args: unknown) => Promise<Envelope<R>>, store: Store) => Promise<T>): Promise<T> {
  const store = openStore(db);
  try {
    const call = <R>(op: string, args: unknown) => dispatch(createService({ store, now: () => NOW, user: 'Lan' }), op, args, 'vi') as Promise<Envelope<R>>;
    return await f(call, store);
  } finally {
    store.close();
  }
}
const value = <R>(r: Envelope<R>): R => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('report.unitSettings / report.setUnitSettings', () => {
  it("shows the level's defaults, sets fields, prints them in the commune's report and goes back to the default when a field is emptied", async () => {
    await withStore(async (call, store) => {
      const first = value(await call<UnitSettingsView>('report.unitSettings', { unit: 'TH_HH_02', period: '2024-05' }));
      expect(first.own).toEqual({});
      expect(first.defaults).toMatchObject({
        parentBody: 'TRUNG TÂM Y TẾ HUYỆN HOẰNG HÓA',
        unitName: 'TRẠM Y TẾ XÃ HOẰNG GIANG',
        unitShort: 'TYT',
        place: 'Hoằng Giang',
        signerTitle: ['TRƯỞNG TRẠM'],
        signerName: '',
      });
      // From July 2025 a station answers to the commune's People's Committee (TT 43/2025).
      expect(value(await call<UnitSettingsView>('report.unitSettings', { unit: 'TH_HH_02', period: '2025-08' })).defaults.parentBody).toBe('UBND XÃ HOẰNG GIANG');

      const set = value(
        await call<UnitSettingsView>('report.setUnitSettings', {
          unit: 'TH_HH_02',
          period: '2024-05',
          values: { signerName: ' Nguyễn Thị Lan ', signerTitle: ['KT. TRƯỞNG TRẠM', 'PHÓ TRƯỞNG TRẠM', ''], place: 'Hoằng Giang' },
        }),
      );
      expect(set.own).toEqual({ signerName: 'Nguyễn Thị Lan', signerTitle: ['KT. TRƯỞNG TRẠM', 'PHÓ TRƯỞNG TRẠM'], place: 'Hoằng Giang' });
      // A second call keeps what it does not name.
      value(await call('report.setUnitSettings', { unit: 'TH_HH_02', values: { unitShort: 'TYT-HG' } }));
      const m = loadReportModel(store, { unit: 'TH_HH_02', period: '2024-05' });
      expect(m.closing.signerName).toBe('Nguyễn Thị Lan');
      expect(m.closing.signerTitle).toEqual(['KT. TRƯỞNG TRẠM', 'PHÓ TRƯỞNG TRẠM']);
      expect(m.header.number).toContain('/BC-TYT-HG');
      // The district's report is not touched by the commune's settings.
      expect(loadReportModel(store, { unit: 'TH_HH', period: '2024-05' }).closing.signerName).not.toBe('Nguyễn Thị Lan');

      // Emptied: back to the level's default; the whole entry goes when nothing is left.
      const back = value(await call<UnitSettingsView>('report.setUnitSettings', { unit: 'TH_HH_02', values: { signerName: '', signerTitle: [] } }));
      expect(back.own).toEqual({ place: 'Hoằng Giang', unitShort: 'TYT-HG' });
      value(await call('report.setUnitSettings', { unit: 'TH_HH_02', values: {}, replace: true }));
      const all = value(await call<Record<string, unknown>>('settings.get', {}));
      expect(all['report.units']).toEqual({});
      expect(loadReportModel(store, { unit: 'TH_HH_02', period: '2024-05' }).closing.signerTitle).toEqual(['TRƯỞNG TRẠM']);
    });
  });

  it('refuses an unknown unit, an unknown field and a line too long, with the file unchanged', async () => {
    const before = readFileSync(db);
    await withStore(async (call) => {
      const unknown = await call('report.setUnitSettings', { unit: 'NOPE', values: { signerName: 'X' } });
      expect(unknown.ok).toBe(false);
      if (!unknown.ok) expect(unknown.error.message).toContain('Không có đơn vị mã "NOPE"');
      expect((await call('report.setUnitSettings', { unit: 'TH_HH_02', values: { signer: 'X' } })).ok).toBe(false);
      expect((await call('report.setUnitSettings', { unit: 'TH_HH_02', values: { place: 'x'.repeat(301) } })).ok).toBe(false);
    });
    expect(readFileSync(db).equals(before)).toBe(true);
  });
});

describe('thongke report settings', () => {
  const run = (...argv: string[]) => runCli(argv, () => NOW);

  it('shows the settings with their defaults and sets fields with --set (lists split at "|")', async () => {
    const shown = await run('report', 'settings', db, '--unit', 'TH_HH_02');
    expect(shown.code).toBe(0);
    expect(shown.out.split('\n')).toEqual([
      'Cơ quan chủ quản: TRUNG TÂM Y TẾ HUYỆN HOẰNG HÓA (mặc định)',
      'Tên đơn vị ở đầu báo cáo: TRẠM Y TẾ XÃ HOẰNG GIANG (mặc định)',
      'Ký hiệu văn bản: TYT (mặc định)',
      'Địa danh: Hoằng Giang (mặc định)',
      'Nơi nhận: UBND xã (B/c); | Trung tâm Y tế (B/c); | Lưu: VT. (mặc định)',
      'Chức vụ người ký: TRƯỞNG TRẠM (mặc định)',
      'Họ tên người ký: (chưa có)',
    ]);
    const set = await run('report', 'settings', db, '--unit', 'TH_HH_02', '--set', 'signerName=Nguyễn Thị Lan', '--set', 'recipients=UBND xã Hoằng Giang (B/c);|Lưu: VT.');
    expect(set.code).toBe(0);
    expect(set.out).toContain('Đã lưu thiết lập báo cáo của đơn vị TH_HH_02 (2 mục).');
    expect(set.out).toContain('Nơi nhận: UBND xã Hoằng Giang (B/c); | Lưu: VT.\n');
    expect(set.out).toContain('Họ tên người ký: Nguyễn Thị Lan');
    const json = JSON.parse((await run('report', 'settings', db, '--unit', 'TH_HH_02', '--json')).out) as UnitSettingsView;
    expect(json.own).toEqual({ signerName: 'Nguyễn Thị Lan', recipients: ['UBND xã Hoằng Giang (B/c);', 'Lưu: VT.'] });
    expect(json.defaults.unitName).toBe('TRẠM Y TẾ XÃ HOẰNG GIANG');
  });

  it('refuses an unknown field (exit 1) and an unknown unit, leaving the file byte for byte; no --unit is a usage error', async () => {
    const before = readFileSync(db);
    const bad = await run('report', 'settings', db, '--unit', 'TH_HH_02', '--set', 'signer=Lan');
    expect(bad).toMatchObject({ code: 1, out: '' });
    expect(bad.err.trim()).toBe(
      'Không có thiết lập "signer". Dùng --set TÊN=GIÁ_TRỊ với TÊN là một trong: parentBody, unitName, unitShort, place, recipients, signerTitle, signerName.',
    );
    const nope = await run('report', 'settings', db, '--unit', 'NOPE', '--set', 'signerName=Lan');
    expect(nope.code).toBe(1);
    expect(nope.err).toContain('NOPE');
    expect(readFileSync(db).equals(before)).toBe(true);
    expect((await run('report', 'settings', db)).code).toBe(2);
  });

  it('works as the built executable', () => {
    const thongke = (...args: string[]) => {
      const r = spawnSync(process.execPath, ['bin/thongke.mjs', ...args], { encoding: 'utf8', env: { ...process.env, THONGKE_LANG: '' } });
      return { code: r.status, out: r.stdout, err: r.stderr };
    };
    const ok = thongke('report', 'settings', db, '--unit', 'TH_HH_02', '--period', '2025-08', '--set', 'signerTitle=KT. TRƯỞNG TRẠM|PHÓ TRƯỞNG TRẠM');
    expect(ok).toMatchObject({ code: 0, err: '' });
    expect(ok.out).toContain('Cơ quan chủ quản: UBND XÃ HOẰNG GIANG (mặc định)');
    expect(ok.out).toContain('Chức vụ người ký: KT. TRƯỞNG TRẠM | PHÓ TRƯỞNG TRẠM');
    const before = readFileSync(db);
    const bad = thongke('report', 'settings', db, '--unit', 'TH_HH_02', '--set', 'x');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Không có thiết lập "x"');
    expect(readFileSync(db).equals(before)).toBe(true);
    expect(thongke('help').out).toContain('thongke report settings <db> --unit CODE');
  });
});

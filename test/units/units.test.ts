// Units as users change them (issue 13), on real SQLite files through the service's dispatch:
// a merger from July 2025 with year-on-year figures across it, a rename with the old name for
// old periods, and refusals that leave the database as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type Envelope } from '../../core/api';
import type { Figure, Figures } from '../../core/figures';
import { nameIn } from '../../core/orgunit';
import { openStore, type Store } from '../../db/store';
import { unitHistory } from '../../db/unit-changes.repo';
import { createService } from '../../service';
import { demoDistrict } from '../bundle/fixtures';
import { smallStore, tempDir, type TempDir } from '../helpers/fixture';

let tmp: TempDir;
let store: Store;
const NOW = new Date('2025-08-05T09:00:00+07:00');

function call<T>(op: string, args: unknown, user = 'Nguyễn Thị Lan'): Promise<Envelope<T>> {
  return dispatch(createService({ store, now: () => NOW, user }), op, args, 'vi') as Promise<Envelope<T>>;
}
async function ok<T>(op: string, args: unknown): Promise<T> {
  const r = await call<T>(op, args);
  if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
  return r.value;
}
async function refused(op: string, args: unknown): Promise<string> {
  const before = dump();
  const r = await call(op, args);
  if (r.ok) throw new Error(`${op} was accepted`);
  expect(dump()).toBe(before);
  return r.error.message;
}
/** Every row of the tables a unit change may touch. */
function dump(): string {
  return JSON.stringify(
    ['org_unit', 'org_unit_history', 'data_value', 'narrative'].map((t) => store.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()),
  );
}
const fig = (f: Figures, element: string): Figure => f.figures.find((x) => x.element === element)!;

afterEach(() => {
  store.close();
  tmp.remove();
});

describe('a merger from July 2025 in the demo district', () => {
  beforeEach(() => {
    tmp = tempDir();
    demoDistrict(tmp.path('demo.sqlite'));
    store = openStore(tmp.path('demo.sqlite'));
  });

  it('keeps the old communes’ values where they were and gives the new commune their sums for last year and the year to date', async () => {
    const district2024 = await ok<Figures>('figures.get', { unit: 'TH_HH', period: '2024-07' });
    const old = await Promise.all(['TH_HH_01', 'TH_HH_02'].map((u) => ok<Figures>('figures.get', { unit: u, period: '2024-07' })));
    // March 2025, before the merger: the old communes still report.
    await ok('values.set', { unit: 'TH_HH_01', period: '2025-03', element: 'DIS_DIARRHOEA', value: 4 });
    await ok('values.set', { unit: 'TH_HH_02', period: '2025-03', element: 'DIS_DIARRHOEA', value: 6 });

    const r = await ok<{ into: { code: string; openedFrom: string }; created: boolean; sites: string[] }>('units.merge', {
      units: ['TH_HH_01', 'TH_HH_02'],
      into: 'TH_HH_MOI',
      name: 'Xã Hoằng Mới',
      from: '2025-07',
      keepSites: true,
    });
    expect(r.created).toBe(true);
    expect(r.into).toMatchObject({ code: 'TH_HH_MOI', level: 'commune', parent: 'TH_HH', openedFrom: '2025-07' });
    expect(r.sites).toEqual(['TH_HH_01_DT', 'TH_HH_02_DT']);
    expect(store.unit('TH_HH_01_DT')).toMatchObject({ name: 'Điểm trạm Bút Sơn', level: 'facility', parent: 'TH_HH_MOI' });
    expect(store.unit('TH_HH_01')).toMatchObject({ closedFrom: '2025-07', mergedInto: 'TH_HH_MOI' });

    await ok('values.set', { unit: 'TH_HH_MOI', period: '2025-07', element: 'DIS_DIARRHOEA', value: 25 });
    const now = await ok<Figures>('figures.get', { unit: 'TH_HH_MOI', period: '2025-07' });
    const lastYear = fig(old[0]!, 'DIS_DIARRHOEA').value! + fig(old[1]!, 'DIS_DIARRHOEA').value!;
    expect(lastYear).toBeGreaterThan(0);
    expect(fig(now, 'DIS_DIARRHOEA')).toMatchObject({ value: 25, lastYear, ytd: 25 + 4 + 6 });
    const visits = fig(old[0]!, 'CUR_VISITS').value! + fig(old[1]!, 'CUR_VISITS').value!;
    expect(fig(now, 'CUR_VISITS').lastYear).toBe(visits);
    expect(now.predecessors).toEqual({ units: ['TH_HH_01', 'TH_HH_02'], value: false, ytd: true, lastYear: true });

    // The district's totals of 2024 are what they were: the old values count once.
    expect(await ok<Figures>('figures.get', { unit: 'TH_HH', period: '2024-07' })).toEqual(district2024);
    // The old communes keep their own figures, and no longer take values.
    expect(fig(await ok<Figures>('figures.get', { unit: 'TH_HH_01', period: '2024-07' }), 'DIS_DIARRHOEA').value).toBe(fig(old[0]!, 'DIS_DIARRHOEA').value);
    expect(await refused('values.set', { unit: 'TH_HH_01', period: '2025-07', element: 'DIS_DIARRHOEA', value: 1 })).toContain('đã sáp nhập');
    expect(await refused('values.set', { unit: 'TH_HH_MOI', period: '2025-06', element: 'DIS_DIARRHOEA', value: 1 })).toBe(
      'Đơn vị "Xã Hoằng Mới" hoạt động từ tháng 7/2025, không nhận số liệu tháng 6/2025.',
    );
    // The district of July 2025 counts the new commune, not the old ones twice.
    const d = await ok<Figures>('figures.get', { unit: 'TH_HH', period: '2025-07' });
    expect(fig(d, 'DIS_DIARRHOEA').value).toBe(25);
    expect(d.predecessors).toBeUndefined();

    const history = unitHistory(store);
    expect(history.map((h) => [h.unit, h.change, h.newValue, h.from, h.changedBy])).toEqual([
      ['TH_HH_MOI', 'add', 'Xã Hoằng Mới', '2025-07', 'Nguyễn Thị Lan'],
      ['TH_HH_01', 'merge', 'TH_HH_MOI', '2025-07', 'Nguyễn Thị Lan'],
      ['TH_HH_02', 'merge', 'TH_HH_MOI', '2025-07', 'Nguyễn Thị Lan'],
      ['TH_HH_01_DT', 'site', expect.stringMatching(/^Điểm trạm /), '2025-07', 'Nguyễn Thị Lan'],
      ['TH_HH_02_DT', 'site', expect.stringMatching(/^Điểm trạm /), '2025-07', 'Nguyễn Thị Lan'],
    ]);
    expect(history[0]!.changedAt).toBe(NOW.toISOString());
  });

  it('merges into an existing commune: its own past plus the merged ones', async () => {
    const a = await ok<Figures>('figures.get', { unit: 'TH_HH_03', period: '2024-08' });
    const b = await ok<Figures>('figures.get', { unit: 'TH_HH_04', period: '2024-08' });
    await ok('units.merge', { units: ['TH_HH_04'], into: 'TH_HH_03', from: '2025-07' });
    const f = await ok<Figures>('figures.get', { unit: 'TH_HH_03', period: '2025-08' });
    expect(fig(f, 'CUR_VISITS').lastYear).toBe(fig(a, 'CUR_VISITS').value! + fig(b, 'CUR_VISITS').value!);
    expect(f.predecessors).toMatchObject({ units: ['TH_HH_04'], lastYear: true, value: false });
  });

  it('renames a commune from a month: an old period prints the old name', async () => {
    const before = store.unit('TH_HH_05').name;
    await ok('units.rename', { unit: 'TH_HH_05', name: 'Xã Hoằng Tên Mới', from: '2025-07' });
    expect(store.unit('TH_HH_05').name).toBe('Xã Hoằng Tên Mới');
    const at = async (period: string) => (await ok<{ name: string }>('units.nameIn', { unit: 'TH_HH_05', period })).name;
    expect(await at('2024-05')).toBe(before);
    expect(await at('2025-Q2')).toBe(before);
    expect(await at('2025-07')).toBe('Xã Hoằng Tên Mới');
    expect(await at('2025')).toBe('Xã Hoằng Tên Mới');
    // Two renames: each period has its own name.
    await ok('units.rename', { unit: 'TH_HH_05', name: 'Xã Hoằng Tên Thứ Ba', from: '2026-01' });
    const h = unitHistory(store, 'TH_HH_05');
    expect(nameIn(store.unit('TH_HH_05'), '2025-09', h)).toBe('Xã Hoằng Tên Mới');
    expect(nameIn(store.unit('TH_HH_05'), '2024-12', h)).toBe(before);
    expect(nameIn(store.unit('TH_HH_05'), '2026-02', h)).toBe('Xã Hoằng Tên Thứ Ba');
  });

  it('refuses to close or merge a commune from a month it has values for, and changes nothing', async () => {
    expect(await refused('units.close', { unit: 'TH_HH_05', from: '2024-06' })).toMatch(/còn số liệu tháng 6\/2024, từ tháng 6\/2024/);
    expect(await refused('units.merge', { units: ['TH_HH_05', 'TH_HH_06'], into: 'TH_HH_X', name: 'Xã X', from: '2024-11' })).toContain('còn số liệu');
  });
});

describe('refusals on a small tree', () => {
  beforeEach(() => {
    tmp = tempDir();
    store = smallStore(tmp.path('u.sqlite'));
  });

  it('names each refusal in Vietnamese and leaves the database byte for byte', async () => {
    expect(await refused('units.move', { unit: 'D', parent: 'C1', from: '2025-07' })).toBe(
      'Không thể đặt "Huyện mẫu" dưới "Xã Một": "Xã Một" là chính nó hoặc nằm trong nó.',
    );
    expect(await refused('units.merge', { units: ['C1', 'C2'], into: 'C1', from: '2025-07' })).toBe('Không thể sáp nhập đơn vị "Xã Một" vào chính nó.');
    expect(await refused('units.merge', { units: ['C1', 'C1'], into: 'C2', from: '2025-07' })).toContain('hai lần');
    expect(await refused('units.merge', { units: ['C1'], into: 'NEW', from: '2025-07' })).toContain('--name');
    expect(await refused('units.merge', { units: ['C1'], into: 'F1', from: '2025-07' })).toContain('khác cấp');
    expect(await refused('units.close', { unit: 'D', from: '2025-07' })).toContain('còn các đơn vị trực thuộc');
    expect(await refused('units.rename', { unit: 'C1', name: 'Xã Một', from: '2025-07' })).toContain('đã mang tên này');
    expect(await refused('units.add', { name: 'Xã Bốn', level: 'district', parent: 'D' })).toContain('cấp thấp hơn');
    expect(await refused('units.add', { code: 'C2', name: 'Xã Bốn', level: 'commune', parent: 'D' })).toContain('đã là của đơn vị "Xã Hai"');
    expect(await refused('units.rename', { unit: 'NOPE', name: 'X', from: '2025-07' })).toContain('Không có đơn vị mã "NOPE"');
    // Values after the closing month (entered in July, closing from June).
    await ok('values.set', { unit: 'C3', period: '2025-07', element: 'DIS_DIARRHOEA', value: 3 });
    expect(await refused('units.close', { unit: 'C3', from: '2025-06' })).toBe(
      'Đơn vị "Thị trấn Ba" còn số liệu tháng 7/2025, từ tháng 6/2025 trở đi: không thể giải thể hay sáp nhập từ tháng 6/2025. Chọn tháng sau tháng có số liệu cuối cùng, hoặc xoá số liệu đó trước.',
    );
    await ok('units.close', { unit: 'C3', from: '2025-08' });
    expect(await refused('units.close', { unit: 'C3', from: '2025-09' })).toContain('đã sáp nhập hoặc giải thể từ tháng 8/2025');
    expect(await refused('units.move', { unit: 'C3', parent: 'P', from: '2025-09' })).toContain('không hoạt động');
  });

  it('counts a moved commune under its old parent before the move and under the new one from it', async () => {
    for (const [period, value] of [['2025-05', 4], ['2025-08', 9]] as const) {
      await ok('values.set', { unit: 'C1', period, element: 'DIS_DIARRHOEA', value });
      await ok('values.set', { unit: 'C2', period, element: 'DIS_DIARRHOEA', value: 1 });
    }
    await ok('units.add', { code: 'R', name: 'Trung tâm Y tế khu vực Mẫu', level: 'district', parent: 'P', from: '2025-07' });
    await ok('units.move', { unit: 'C1', parent: 'R', from: '2025-07' });
    const at = async (unit: string, period: string) => fig(await ok<Figures>('figures.get', { unit, period }), 'DIS_DIARRHOEA');
    expect((await at('D', '2025-05')).value).toBe(5);
    expect((await at('R', '2025-05')).value).toBeNull();
    expect((await at('D', '2025-08')).value).toBe(1);
    expect(await at('R', '2025-08')).toMatchObject({ value: 9, lastYear: null });
    // The year: each month where it was.
    expect((await at('D', '2025')).value).toBe(4 + 1 + 1);
    expect((await at('R', '2025')).value).toBe(9);
    expect((await at('P', '2025')).value).toBe(4 + 1 + 9 + 1);
  });

  it('refuses to restructure a unit received by bundle', async () => {
    store.db.prepare("UPDATE org_unit SET received_from = 'D' WHERE code IN ('C1', 'C2')").run();
    store.invalidateUnits();
    expect(await refused('units.rename', { unit: 'C1', name: 'Xã Khác', from: '2025-07' })).toBe(
      'Đơn vị "Xã Một" nhận số liệu qua gói của "Huyện mẫu": cây đơn vị của nơi gửi không sửa ở đây. Đơn vị gửi tự thay đổi rồi gửi gói mới.',
    );
    expect(await refused('units.merge', { units: ['C1', 'C2'], into: 'NEW', name: 'Xã Mới', from: '2025-07' })).toContain('nhận số liệu qua gói');
    expect(await refused('units.add', { name: 'Điểm trạm X', level: 'facility', parent: 'C1' })).toContain('nhận số liệu qua gói');
  });

  it('adds, moves and closes with who and when in the history; levels carry the province’s names', async () => {
    const u = await ok<{ code: string }>('units.add', { name: 'Trung tâm Y tế khu vực Mẫu', level: 'district', parent: 'P', from: '2025-07' });
    expect(u.code).toBe('P_MAU');
    await ok('units.move', { unit: 'C1', parent: 'P_MAU', from: '2025-07' });
    await ok('units.add', { code: 'C1_DT', name: 'Điểm trạm Một', level: 'facility', parent: 'C1' });
    await ok('units.close', { unit: 'C1_DT', from: '2025-09' });
    expect(store.unit('C1').parent).toBe('P_MAU');
    const h = await ok<{ unit: string; change: string; oldValue: string | null; newValue: string | null; from: string | null; changedBy: string }[]>(
      'units.history',
      {},
    );
    expect(h.map((x) => [x.unit, x.change, x.oldValue, x.newValue, x.from, x.changedBy])).toEqual([
      ['P_MAU', 'add', null, 'Trung tâm Y tế khu vực Mẫu', '2025-07', 'Nguyễn Thị Lan'],
      ['C1', 'move', 'D', 'P_MAU', '2025-07', 'Nguyễn Thị Lan'],
      ['C1_DT', 'add', null, 'Điểm trạm Một', null, 'Nguyễn Thị Lan'],
      ['C1_DT', 'close', null, null, '2025-09', 'Nguyễn Thị Lan'],
    ]);
    expect((await ok<unknown[]>('units.history', { unit: 'C1' })).length).toBe(1);
    expect(await ok('units.levelNames', {})).toEqual({ province: 'Tỉnh', district: 'Huyện', commune: 'Xã', facility: 'Cơ sở' });
    await ok('settings.set', {
      key: 'units.levelNames',
      value: { province: 'Tỉnh', district: 'Trung tâm Y tế khu vực', commune: 'Xã', facility: 'Điểm trạm' },
    });
    expect(await ok('units.levelNames', {})).toMatchObject({ district: 'Trung tâm Y tế khu vực', facility: 'Điểm trạm' });
  });
});

// The demo with 2025 (`thongke init --demo --reform-2025`): the July 2025 merger of Hoằng Hóa's
// communes, made through the units operations, on a real SQLite file. May 2024 is unchanged, and
// a new commune's 2025 month compares with its predecessors' 2024.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Figures } from '../../core/figures';
import { REFORM_GROUPS } from '../../db/demo/reform2025';
import { getFigures } from '../../db/figures.repo';
import { openStore, type Store } from '../../db/store';
import { unitHistory } from '../../db/unit-changes.repo';
import { tempDir, type TempDir } from '../helpers/fixture';
import { runCli } from '../helpers/cli';

let tmp: TempDir;
let store: Store;
const value = (f: Figures, e: string) => f.figures.find((x) => x.element === e)!;

beforeAll(async () => {
  tmp = tempDir();
  const r = await runCli(['init', tmp.path('demo.sqlite'), '--demo', '--reform-2025'], () => new Date('2026-01-20T08:00:00+07:00'));
  expect(r).toMatchObject({ code: 0, err: '' });
  store = openStore(tmp.path('demo.sqlite'));
}, 120_000);
afterAll(() => {
  store.close();
  tmp.remove();
});

describe('the demo district through the July 2025 merger', () => {
  it('keeps May 2024 figure for figure', () => {
    const f = getFigures(store, 'TH_HH', '2024-05');
    expect(value(f, 'EPI_FULL_U1').value).toBe(307);
    expect(f.predecessors).toBeUndefined();
  });

  it('has the new communes from July 2025, the old ones closed into them, history by the demo user', () => {
    const chau = store.unit('TH_HH_HOANG_CHAU');
    expect(chau).toMatchObject({ name: 'Xã Hoằng Châu', level: 'commune', parent: 'TH_HH', openedFrom: '2025-07' });
    for (const c of ['TH_HH_19', 'TH_HH_26', 'TH_HH_27', 'TH_HH_28']) expect(store.unit(c)).toMatchObject({ closedFrom: '2025-07', mergedInto: 'TH_HH_HOANG_CHAU' });
    // The former stations of the confirmed group stay as "điểm trạm".
    expect(store.units().filter((u) => u.parent === 'TH_HH_HOANG_CHAU').map((u) => u.name)).toEqual([
      'Điểm trạm Hoằng Thắng',
      'Điểm trạm Hoằng Phong',
      'Điểm trạm Hoằng Lưu',
      'Điểm trạm Hoằng Châu',
    ]);
    expect(REFORM_GROUPS.flatMap((g) => g.from)).toHaveLength(37);
    expect(REFORM_GROUPS.filter((g) => !g.confirmed).every((g) => g.name.includes('(tên tạm)'))).toBe(true);
    const h = unitHistory(store, 'TH_HH_28');
    expect(h).toMatchObject([{ change: 'merge', newValue: 'TH_HH_HOANG_CHAU', from: '2025-07', changedBy: 'Lê Thị Hương' }]);
  });

  it('compares a new commune’s 2025 month with its predecessors’ 2024, and says so', () => {
    const f = getFigures(store, 'TH_HH_HOANG_CHAU', '2025-08');
    const old = ['TH_HH_19', 'TH_HH_26', 'TH_HH_27', 'TH_HH_28'].map((c) => getFigures(store, c, '2024-08'));
    const visits = old.reduce((a, o) => a + value(o, 'CUR_VISITS').value!, 0);
    expect(value(f, 'CUR_VISITS').lastYear).toBe(visits);
    expect(value(f, 'CUR_VISITS').value).toBeGreaterThan(visits);
    expect(f.predecessors).toMatchObject({ units: ['TH_HH_19', 'TH_HH_26', 'TH_HH_27', 'TH_HH_28'], value: false, ytd: true, lastYear: true });
    // Year to date across the merger: January–June of the old communes plus July–August of the new one.
    const ytdOld = ['TH_HH_19', 'TH_HH_26', 'TH_HH_27', 'TH_HH_28'].reduce((a, c) => a + value(getFigures(store, c, '2025-H1'), 'CUR_VISITS').value!, 0);
    const julAug = value(getFigures(store, 'TH_HH_HOANG_CHAU', '2025-07'), 'CUR_VISITS').value! + value(f, 'CUR_VISITS').value!;
    expect(value(f, 'CUR_VISITS').ytd).toBe(ytdOld + julAug);
  });

  it('counts each value once in the district, before and after the merger', () => {
    const d24 = getFigures(store, 'TH_HH', '2024-08');
    const d25 = getFigures(store, 'TH_HH', '2025-08');
    expect(value(d25, 'CUR_VISITS').lastYear).toBe(value(d24, 'CUR_VISITS').value);
    const ratio = value(d25, 'CUR_VISITS').value! / value(d24, 'CUR_VISITS').value!;
    expect(ratio).toBeGreaterThan(1.02);
    expect(ratio).toBeLessThan(1.06);
    expect(d25.predecessors).toBeUndefined();
  });

  it('`thongke figures` says on stderr which columns add the former units', async () => {
    const r = await runCli(['figures', tmp.path('demo.sqlite'), '--unit', 'TH_HH_HOANG_CHAU', '--period', '2025-08']);
    expect(r.code).toBe(0);
    expect(r.err.trim()).toBe('Lũy kế năm, Cùng kỳ năm trước: cộng các đơn vị cũ (Xã Hoằng Thắng, Xã Hoằng Phong, Xã Hoằng Lưu, Xã Hoằng Châu).');
    expect(r.out.split('\n')[0]).toBe('element\tvalue\tytd\tplan\t%plan\tlastYear\tname');
  });
});

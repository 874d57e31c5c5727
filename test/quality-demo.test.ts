// The checks on the embedded demo district (Hoằng Hóa): May 2024 aggregated to the district is
// seed 004, whose COVID-19 dose parts add up to 526.604 while the reported total is 509.591.
import { recheckCell } from '../core/rules/validate';
import { shippedRules } from '../core/rules/shipped';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli/main';
import { createDemoDatabase, DEMO_DISTRICT } from '../db/demo';
import { markComplete, validateMonth } from '../service/quality';
import { loadWindows } from '../db/quality.repo';
import { openStore, type Store } from '../db/store';
import { tempDir, type TempDir } from './helpers/fixture';

/** The live check of one edited cell (core/rules/validate.ts), fed from the database. */
function recheck(store: Store, unit: string, period: string, element: string, value: number | null, lang: 'vi' | 'en') {
  return recheckCell(shippedRules(store.catalogue), store.catalogue, store.tree(), loadWindows(store, unit, period), unit, element, value, lang);
}

let tmp: TempDir;
let file: string;
let store: Store;

beforeAll(() => {
  tmp = tempDir();
  file = tmp.path('demo.sqlite');
  createDemoDatabase(file);
  store = openStore(file);
});
afterAll(() => {
  store.close();
  tmp.remove();
});

describe('data quality on the demo district', () => {
  it("flags seed 004's COVID slip on the district, in vi-VN numbers", () => {
    const r = validateMonth(store, DEMO_DISTRICT, '2024-05', 'vi');
    const slip = r.violations.find((v) => v.unit === DEMO_DISTRICT && v.rule === 'PARTS_COVID_DOSES_CUM')!;
    expect(slip).toMatchObject({ importance: 'high', left: 509_591, right: 526_604 });
    expect(slip.message).toContain('526.604');
    expect(slip.message).toContain('509.591');
    // Every other check seed 004 implies holds on the district's figures.
    expect(r.violations.filter((v) => v.unit === DEMO_DISTRICT).map((v) => v.rule)).toEqual(['PARTS_COVID_DOSES_CUM']);
    expect(r.ruleProblems).toEqual([]);
    expect(r.completeness.byUnit).toHaveLength(38);
    expect(r.completeness.pct).toBe(100);
  });

  it('flags the outbreak of food poisoning against the district history, with the expected range', () => {
    const r = validateMonth(store, DEMO_DISTRICT, '2024-05', 'vi');
    const o = r.outliers.find((x) => x.unit === DEMO_DISTRICT && x.element === 'FS_POISONING_CASES')!;
    expect(o.value).toBe(82);
    expect(o.message).toMatch(/là 82, .*khoảng dự kiến \d+–\d+/);
  });

  it('flags only a handful of values in May 2024, none of them steady growth', () => {
    const r = validateMonth(store, DEMO_DISTRICT, '2024-05', 'vi');
    const flagged = r.outliers.map((o) => `${o.unit} ${o.element} ${o.value} (${o.low}–${o.high})`);
    console.info(`May 2024, ${DEMO_DISTRICT} and its communes: ${flagged.length} possible outliers\n  ${flagged.join('\n  ')}`);
    expect(r.outliers.length).toBeLessThanOrEqual(5);
    // The wedding-meal outbreak, on the commune and on the district.
    expect(r.outliers.filter((o) => o.element === 'FS_POISONING_CASES').map((o) => [o.unit, o.value])).toEqual([
      [DEMO_DISTRICT, 82],
      ['TH_HH_27', 74],
    ]);
    // Cashless payments, e-prescriptions and chip-ID visits grow by design: not outliers.
    expect(r.outliers.filter((o) => o.element === 'DX_PAYMENTS_CASHLESS' || o.element === 'DX_EPRESCRIPTIONS')).toEqual([]);
  });

  it('flags typing slips on the demo with a range around the usual value, not the noise of small counts', () => {
    const flag = (unit: string, element: string, value: number) =>
      recheck(store, unit, '2024-05', element, value, 'vi').outliers.find((o) => o.unit === unit && o.element === element);
    const current = (unit: string, element: string) => loadWindows(store, unit, '2024-05').own.get(unit)!.get(element, 0)!;
    // Station visits of Hoằng Quang: 165 in May 2024.
    expect(current('TH_HH_05', 'CUR_VISITS')).toBe(165);
    expect(flag('TH_HH_05', 'CUR_VISITS', 165)).toBeUndefined();
    for (const slip of [1650, 17, 15, 0]) {
      const o = flag('TH_HH_05', 'CUR_VISITS', slip)!;
      expect(o, `CUR_VISITS ${slip}`).toBeDefined();
      expect(o.low).toBeLessThan(165);
      expect(o.high).toBeGreaterThan(165);
      expect(o.low).toBeGreaterThan(80);
      expect(o.high).toBeLessThan(400);
    }
    // A growing series (e-prescriptions) typed ten times too small; a stock that halves.
    expect(current('TH_HH_12', 'DX_EPRESCRIPTIONS')).toBe(62);
    expect(flag('TH_HH_12', 'DX_EPRESCRIPTIONS', 6)).toBeDefined();
    expect(current('TH_HH_03', 'MH_MANAGED')).toBe(50);
    expect(flag('TH_HH_03', 'MH_MANAGED', 25)).toMatchObject({ low: 40, high: 56 });
    // Small counts: 5 fully immunised infants, then 0 or 1, is no slip.
    expect(current('TH_HH_05', 'EPI_FULL_U1')).toBe(5);
    for (const x of [0, 1, 9]) expect(flag('TH_HH_05', 'EPI_FULL_U1', x)).toBeUndefined();
  });

  it('refuses to mark May 2024 complete and lists the slip', () => {
    const r = markComplete(store, DEMO_DISTRICT, '2024-05', 'lan', new Date(2024, 5, 10), 'vi');
    expect(r.completed).toBe(false);
    expect(r.unexplained[0]).toMatchObject({ unit: DEMO_DISTRICT, rule: 'PARTS_COVID_DOSES_CUM' });
  });

  it('`thongke validate` exits 1 and prints the slip', async () => {
    const out: string[] = [];
    const code = await main(['validate', file, '--unit', DEMO_DISTRICT, '--period', '2024-05', '--json'], { out: (t) => out.push(t), err: () => {} });
    expect(code).toBe(1);
    const report = JSON.parse(out.join('')) as { violations: { unit: string; rule: string; left: number; right: number; message: string }[] };
    const slip = report.violations.find((v) => v.unit === DEMO_DISTRICT && v.rule === 'PARTS_COVID_DOSES_CUM');
    expect(slip).toMatchObject({ left: 509_591, right: 526_604 });
    expect(slip?.message).toBe(
      'Các thành phần của "Tổng số mũi tiêm vắc xin phòng Covid-19 (cộng dồn)" cộng lại được 526.604, khác tổng đã báo cáo 509.591 (chênh lệch 17.013).',
    );
  });
});

// The checks on the embedded demo district (Hoằng Hóa): May 2024 aggregated to the district is
// seed 004, whose COVID-19 dose parts add up to 526.604 while the reported total is 509.591.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli/main';
import { createDemoDatabase, DEMO_DISTRICT } from '../db/demo';
import { markComplete, validateMonth } from '../db/quality';
import { openStore, type Store } from '../db/store';
import { tempDir, type TempDir } from './helpers/fixture';

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

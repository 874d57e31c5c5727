// The province's plan indicators on a real SQLite file: districts summed by each element's
// kind, ratios of sums (never the mean of the districts' ratios), the target's direction, and
// missing parts. Through the service (as the app calls it) and the CLI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorsView } from '../../core/api/indicators';
import type { IndicatorValue } from '../../core/indicators';
import type { Store } from '../../db/store';
import { openStore } from '../../db/store';
import { addUnits } from '../../db/units.repo';
import { service } from '../bundle/fixtures';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/fixture';

const tmp = tempDir('thongke-indicators-');
let store: Store;
let file: string;

// A province of two districts, two communes each.
const UNITS = [
  { code: 'P', name: 'Tỉnh mẫu', level: 'province', parent: null },
  { code: 'DA', name: 'Huyện A', level: 'district', parent: 'P' },
  { code: 'A1', name: 'Xã A1', level: 'commune', parent: 'DA' },
  { code: 'A2', name: 'Xã A2', level: 'commune', parent: 'DA' },
  { code: 'DB', name: 'Huyện B', level: 'district', parent: 'P' },
  { code: 'B1', name: 'Xã B1', level: 'commune', parent: 'DB' },
  { code: 'B2', name: 'Xã B2', level: 'commune', parent: 'DB' },
] as const;

type Entry = [unit: string, period: string, element: string, value: number];
const ENTRIES: Entry[] = [
  // Infant deaths and live births: DA 1 / 50 = 20‰, DB 1 / 200 = 5‰; the province 2 / 250 = 8‰,
  // while the mean of the districts' ratios is 12.5‰.
  ['A1', '2024-05', 'RH_INFANT_DEATHS', 1],
  ['A1', '2024-05', 'RH_LIVE_BIRTHS', 20],
  ['A2', '2024-05', 'RH_INFANT_DEATHS', 0],
  ['A2', '2024-05', 'RH_LIVE_BIRTHS', 30],
  ['B1', '2024-05', 'RH_INFANT_DEATHS', 1],
  ['B1', '2024-05', 'RH_LIVE_BIRTHS', 120],
  ['B2', '2024-05', 'RH_INFANT_DEATHS', 0],
  ['B2', '2024-05', 'RH_LIVE_BIRTHS', 80],
  // Population (a stock: summed over units, the latest month over months) and people living
  // with HIV/AIDS (stocks): DA 3 / 2,000 = 0.15%, DB 9 / 2,000 = 0.45%; province 12 / 4,000 = 0.3%.
  ['A1', '2024-04', 'POP_TOTAL', 900],
  ['A1', '2024-05', 'POP_TOTAL', 1000],
  ['A2', '2024-05', 'POP_TOTAL', 1000],
  ['B1', '2024-05', 'POP_TOTAL', 1500],
  ['B2', '2024-05', 'POP_TOTAL', 500],
  ['A1', '2024-05', 'HIV_LIVING', 2],
  ['A2', '2024-05', 'AIDS_LIVING', 1],
  ['A2', '2024-05', 'HIV_LIVING', 0],
  ['A1', '2024-05', 'AIDS_LIVING', 0],
  ['B1', '2024-05', 'HIV_LIVING', 8],
  ['B2', '2024-05', 'HIV_LIVING', 0],
  ['B1', '2024-05', 'AIDS_LIVING', 1],
  ['B2', '2024-05', 'AIDS_LIVING', 0],
  // Full immunization (a flow: the year to date adds the months) against the age group (a stock):
  // DA (40 + 59) / 100 = 99% (floor 98 met), DB 90 / 100 = 90% (missed).
  ['A1', '2024-04', 'EPI_FULL_U1', 40],
  ['A1', '2024-05', 'EPI_FULL_U1', 29],
  ['A2', '2024-05', 'EPI_FULL_U1', 30],
  ['A1', '2024-05', 'EPI_CHILDREN_TARGET_GROUP', 60],
  ['A2', '2024-05', 'EPI_CHILDREN_TARGET_GROUP', 40],
  ['B1', '2024-05', 'EPI_FULL_U1', 90],
  ['B1', '2024-05', 'EPI_CHILDREN_TARGET_GROUP', 70],
  ['B2', '2024-05', 'EPI_CHILDREN_TARGET_GROUP', 30],
  // Boys and girls born: DB has boys only, no girls entered.
  ['A1', '2024-05', 'FP_BIRTHS_BOYS', 10],
  ['A1', '2024-05', 'FP_BIRTHS_GIRLS', 10],
  ['B1', '2024-05', 'FP_BIRTHS_BOYS', 5],
  // Maternal deaths: entered in DA only (0); DB has live births but no maternal deaths entered.
  ['A1', '2024-05', 'RH_MATERNAL_DEATHS', 0],
  ['A2', '2024-05', 'RH_MATERNAL_DEATHS', 0],
];

beforeAll(async () => {
  file = tmp.path('province.sqlite');
  store = openStore(file, { create: true });
  addUnits(store.db, UNITS.map((u) => ({ ...u })));
  store.invalidateUnits();
  await service(store)['values.setMany']({
    entries: ENTRIES.map(([unit, period, element, value]) => ({ unit, period, element, value })),
  });
});
afterAll(() => {
  store.close();
  tmp.remove();
});

const get = async (unit: string, period: string): Promise<IndicatorsView> => service(store)['indicators.get']({ unit, period });
function of(view: IndicatorsView, unit: string, code: string): IndicatorValue {
  const u = view.units.find((x) => x.unit === unit)!;
  return u.indicators.find((i) => i.code === code)!;
}

describe('province indicators', () => {
  it('lists the unit first, then each child unit, with the 2024 plan in its order', async () => {
    const v = await get('P', '2024-05');
    expect(v.units.map((u) => u.unit)).toEqual(['P', 'DA', 'DB']);
    expect(v.planYear).toBe(2024);
    expect(v.definitions.map((d) => d.code)).toHaveLength(15);
    expect(v.units[0]!.indicators.map((i) => i.code)).toEqual(v.definitions.map((d) => d.code));
  });

  it('sums the districts by kind: flows over units, stocks at the latest month', async () => {
    const v = await get('P', '2024-05');
    const hiv = of(v, 'P', 'IND12_HIV_PREVALENCE');
    // HIV + AIDS over four communes; population of May only (A1's April 900 is not added).
    expect(hiv.numerator).toBe(12);
    expect(hiv.denominator).toBe(4000);
    expect(hiv.value).toBeCloseTo(0.3, 12);
    // The year to date adds A1's April and May (a flow).
    const epi = of(v, 'DA', 'IND04_EPI_FULL');
    expect(epi.numerator).toBe(99);
    expect(epi.denominator).toBe(100);
    expect(of(v, 'P', 'IND04_EPI_FULL').numerator).toBe(189);
    expect(of(v, 'P', 'IND04_EPI_FULL').denominator).toBe(200);
  });

  it('takes the ratio of the sums, which differs from the mean of the districts’ ratios', async () => {
    const v = await get('P', '2024-05');
    const da = of(v, 'DA', 'IND10_INFANT_MORTALITY');
    const db = of(v, 'DB', 'IND10_INFANT_MORTALITY');
    const p = of(v, 'P', 'IND10_INFANT_MORTALITY');
    expect(da.value).toBeCloseTo(20, 12);
    expect(db.value).toBeCloseTo(5, 12);
    expect([p.numerator, p.denominator]).toEqual([2, 250]);
    expect(p.value).toBeCloseTo(8, 12);
    const meanOfRatios = (da.value! + db.value!) / 2;
    expect(meanOfRatios).toBeCloseTo(12.5, 12);
    expect(Math.abs(p.value! - meanOfRatios)).toBeGreaterThan(4);
  });

  it('judges by the direction: a ceiling met and missed, a floor met and missed', async () => {
    const v = await get('P', '2024-05');
    // Infant mortality < 8: DB 5 meets it; DA 20 misses it; the province's 8 is not below 8.
    expect(of(v, 'DB', 'IND10_INFANT_MORTALITY')).toMatchObject({ target: 8, direction: '<', onTrack: true, gap: null });
    expect(of(v, 'DA', 'IND10_INFANT_MORTALITY')).toMatchObject({ onTrack: false, gap: null });
    expect(of(v, 'P', 'IND10_INFANT_MORTALITY').onTrack).toBe(false);
    // HIV < 0.3: DA 0.15 meets it; DB 0.45 and the province's 0.3 do not.
    expect(of(v, 'DA', 'IND12_HIV_PREVALENCE').onTrack).toBe(true);
    expect(of(v, 'DB', 'IND12_HIV_PREVALENCE').onTrack).toBe(false);
    expect(of(v, 'P', 'IND12_HIV_PREVALENCE').onTrack).toBe(false);
    // Full immunization ≥ 98: DA 99 meets it; DB 90 and the province's 94.5 miss it.
    expect(of(v, 'DA', 'IND04_EPI_FULL')).toMatchObject({ target: 98, direction: '>=', onTrack: true });
    expect(of(v, 'DB', 'IND04_EPI_FULL')).toMatchObject({ value: 90, onTrack: false });
    expect(of(v, 'P', 'IND04_EPI_FULL').value).toBeCloseTo(94.5, 12);
    expect(of(v, 'P', 'IND04_EPI_FULL').onTrack).toBe(false);
  });

  it('leaves a value null with the reason when a part is missing', async () => {
    const v = await get('P', '2024-05');
    // Not computable from the catalogue at all.
    expect(of(v, 'P', 'IND02_BEDS')).toMatchObject({ value: null, onTrack: null, gap: 'notInCatalogue', missing: ['beds'], target: 21.3 });
    expect(of(v, 'P', 'IND06_LIFE_EXPECTANCY')).toMatchObject({ value: null, gap: 'notInCatalogue', missing: ['lifeTable'] });
    // DB has no girls entered: the denominator is missing, never taken as 0.
    expect(of(v, 'DB', 'IND08_SEX_RATIO')).toMatchObject({ numerator: 5, denominator: null, value: null, gap: 'denominatorMissing', missing: ['FP_BIRTHS_GIRLS'] });
    expect(of(v, 'DA', 'IND08_SEX_RATIO')).toMatchObject({ value: 100, onTrack: true });
    // No maternal deaths entered in DB.
    expect(of(v, 'DB', 'IND09_MATERNAL_MORTALITY')).toMatchObject({ numerator: null, value: null, gap: 'numeratorMissing', missing: ['RH_MATERNAL_DEATHS'] });
    expect(of(v, 'DA', 'IND09_MATERNAL_MORTALITY')).toMatchObject({ value: 0, onTrack: true });
    // Doctors: nothing entered anywhere.
    expect(of(v, 'P', 'IND01_DOCTORS')).toMatchObject({ gap: 'numeratorMissing', missing: ['ST_CENTRE_UNI_DOCTOR', 'ST_CHS_DOCTOR'] });
  });

  it('uses the latest plan up to the period’s year: 2021’s set and targets for 2022', async () => {
    const v = await get('P', '2022');
    expect(v.planYear).toBe(2021);
    expect(v.definitions.map((d) => d.code)).not.toContain('IND08_SEX_RATIO');
    expect(of(v, 'P', 'IND09_MATERNAL_MORTALITY').target).toBe(27);
    const before = await get('P', '2020-05');
    expect(before.planYear).toBeNull();
    expect(before.units[0]!.indicators.every((i) => i.target === null && i.onTrack === null)).toBe(true);
  });

  it('refuses an unknown unit and a bad period with a sentence', async () => {
    store.close();
    const bad = await runCli(['indicators', file, '--unit', 'NOPE', '--period', '2024-05']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('NOPE');
    const badPeriod = await runCli(['indicators', file, '--unit', 'P', '--period', '2024-13']);
    expect(badPeriod.code).toBe(1);
    const usage = await runCli(['indicators', file, '--unit', 'P']);
    expect(usage.code).toBe(2);
    store = openStore(file);
  });

  it('prints the table in Vietnamese and the same data as JSON from the CLI', async () => {
    store.close();
    const text = await runCli(['indicators', file, '--unit', 'P', '--period', '2024-05']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('Chỉ tiêu kế hoạch của Tỉnh mẫu, tháng 5/2024 (kế hoạch năm 2024)');
    expect(text.out).toContain('Tỷ suất tử vong trẻ em dưới 1 tuổi (trên 1.000 trẻ đẻ sống)\t2\t250\t8‰\t< 8\tChưa đạt');
    expect(text.out).toContain('Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin\t189\t200\t94,5%\t≥ 98\tChưa đạt');
    expect(text.out).toContain('Không tính được: danh mục thiếu số giường bệnh');
    expect(text.out).toContain('Huyện B');
    // A missing part is named, not shown as its code.
    expect(text.out).toContain('Thiếu số liệu mẫu số: Trẻ gái');
    expect(text.out).not.toContain('FP_BIRTHS_GIRLS');
    const json = await runCli(['indicators', file, '--unit', 'DA', '--period', '2024-Q2', '--json']);
    expect(json.code).toBe(0);
    const v = JSON.parse(json.out) as IndicatorsView;
    expect(v.units.map((u) => u.unit)).toEqual(['DA', 'A1', 'A2']);
    expect(of(v, 'DA', 'IND10_INFANT_MORTALITY').value).toBeCloseTo(20, 12);
    store = openStore(file);
  });
});

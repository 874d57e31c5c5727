// The embedded demo district, created through the real CLI (`thongke init <db> --demo`) in a
// temporary SQLite file: May 2024 aggregated to Hoằng Hóa must be seed 004 figure for figure,
// and the other months must obey the rules a real district's data obeys.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli/main';
import { formatPer100, formatPercentFixed } from '../core/format';
import { demoValues } from '../db/demo';
import { MONTHS } from '../db/demo/series';
import { getFigures } from '../db/figures.repo';
import { getNarrative } from '../db/narrative.repo';
import { getSetting } from '../db/settings.repo';
import { openStore, type Store } from '../db/store';

/** Every figure of seed-004-figures.md, as the May 2024 report prints it for the district. */
const SEED_004: Readonly<Record<string, number>> = {
  DIS_INFLUENZA: 235, DIS_DIARRHOEA: 140, COVID_DOSES_MONTH: 42, COVID_DOSES_CUM: 509591,
  COVID_DOSE1: 157422, COVID_DOSE2: 157561, COVID_DOSE3: 36724, COVID_BOOSTER: 17013,
  COVID_BOOSTER1: 103236, COVID_BOOSTER2: 38317, COVID_ADDITIONAL: 16331,
  NHC_COMMUNES_APPRAISED: 15,
  IEC_ARTICLES: 194, IEC_ART_DISEASE: 53, IEC_ART_FOOD_SAFETY: 25, IEC_ART_SOCIAL: 63, IEC_ART_OTHER: 53, IEC_COUNSELLED: 2822,
  EPI_CHILDREN_TARGET_GROUP: 3521, EPI_FULL_U1: 307, EPI_MEASLES2: 243, EPI_TT2_PREGNANT: 203, EPI_NT_PROTECTED: 280,
  MAL_SLIDES: 25, MAL_POSITIVE: 0,
  FS_BUSINESSES: 610, FS_POISONING_CASES: 82,
  SAN_LATRINE_PCT: 92.3,
  OH_COMPANIES_INSPECTED: 2, OH_WORKERS_EXAMINED: 114,
  INJ_CASES: 77, INJ_POISONING: 0,
  HIV_LIVING: 268, AIDS_LIVING: 63, HIV_METHADONE: 110, HIV_NEW: 0, AIDS_DEATHS: 0,
  HIV_COUNSELLING: 50, HIV_NEEDLES: 6000, HIV_CONDOMS: 1440,
  IOD_GOITRE_MANAGED: 335, IOD_GOITRE_SIMPLE: 303, IOD_BASEDOW: 32, IOD_SALT_COVERAGE: 98,
  TB_NEW_ALL: 1, TB_UNDER_TREATMENT: 16, TB_NEW_AFB: 0, TB_CURE_RATE: 7.7,
  MH_COMMUNES_PROGRAMME: 31, MH_MANAGED: 1196, MH_STABLE: 1196, MH_NEW: 0,
  FP_BIRTHS: 258, FP_BIRTHS_BOYS: 140, FP_BIRTHS_GIRLS: 118, FP_THIRD_CHILD: 56,
  FP_CONTRACEPTIVE_USERS: 2726, FP_PILL: 1380, FP_CONDOM: 1344, FP_IUD: 2,
  RH_ANC4: 255, RH_ANC_AVG: 3.2, RH_U5_DEATHS: 0, RH_LBW: 8, RH_LIVE_BIRTHS: 258,
  LAB_AFB: 103, LAB_HIV: 43, LAB_MALARIA: 25, LAB_FOOD_SAFETY: 10, LAB_OTHER: 31,
  CUR_TB_BHYT_PKDK: 10, CUR_VISITS: 7954, CUR_VISITS_BHYT: 2529, CUR_REFERRALS: 82, CUR_FEES: 49875000,
  DX_CCCD_VISITS: 1924, DX_CCCD_INSURANCE_OK: 1721,
  DX_EHR_PEOPLE: 238168, DX_EHR_PCT: 99.35, DX_EHR_B: 238017, DX_EHR_B_PCT: 99.29,
  DX_EHR_C: 231149, DX_EHR_C_PCT: 96.43, DX_EHR_D: 237976, DX_EHR_D_PCT: 99.28,
  DX_EPRESCRIPTIONS: 2414, DX_PAYMENTS: 853, DX_PAYMENTS_CASHLESS: 354,
  ST_CENTRE_TOTAL: 51, ST_CENTRE_PERMANENT: 50, ST_CENTRE_CONTRACT: 1,
  ST_CENTRE_POSTGRAD: 7, ST_CENTRE_MASTER: 2, ST_CENTRE_SPECIALIST1: 5,
  ST_CENTRE_UNIVERSITY: 22, ST_CENTRE_UNI_DOCTOR: 5, ST_CENTRE_UNI_NURSE: 6, ST_CENTRE_UNI_PHARMACIST: 1,
  ST_CENTRE_UNI_PUBLIC_HEALTH: 3, ST_CENTRE_UNI_OTHER: 7,
  ST_CENTRE_COLLEGE: 10, ST_CENTRE_COL_NURSE: 5, ST_CENTRE_COL_ACCOUNTANT: 1, ST_CENTRE_COL_PHARMACIST: 2, ST_CENTRE_COL_LAB: 2,
  ST_CENTRE_SECONDARY: 11, ST_CENTRE_SEC_ASSISTANT_DOCTOR: 11, ST_CENTRE_DRIVER: 1,
  ST_METHADONE_TOTAL: 2, ST_METHADONE_PHARMACIST: 1, ST_METHADONE_GUARD: 1,
  ST_CHS_TOTAL: 187, ST_CHS_DOCTOR: 39, ST_CHS_ASSISTANT_DOCTOR: 102, ST_CHS_MIDWIFE: 15, ST_CHS_NURSE: 31,
  AREA_KM2: 203,
};

/** Parts that may not exceed their whole, in every commune and month. */
const PART_OF: readonly [part: string, whole: string][] = [
  ['CUR_VISITS_BHYT', 'CUR_VISITS'],
  ['DX_CCCD_INSURANCE_OK', 'DX_CCCD_VISITS'],
  ['DX_PAYMENTS_CASHLESS', 'DX_PAYMENTS'],
  ['MH_STABLE', 'MH_MANAGED'],
  ['AIDS_LIVING', 'HIV_LIVING'],
  ['TB_NEW_AFB', 'TB_NEW_ALL'],
  ['RH_INFANT_DEATHS', 'RH_U5_DEATHS'],
  ['FP_THIRD_CHILD', 'FP_BIRTHS'],
  ['RH_LBW', 'RH_LIVE_BIRTHS'],
  ['DX_EHR_B', 'DX_EHR_PEOPLE'],
  ['DX_EHR_C', 'DX_EHR_PEOPLE'],
  ['DX_EHR_D', 'DX_EHR_PEOPLE'],
  ['DX_EHR_PEOPLE', 'POP_TOTAL'],
];

let dir: string;
let file: string;
let store: Store;
let initMs: number;
/** unit → period → element → value */
const values = new Map<string, Map<string, Map<string, number>>>();

const v = (unit: string, period: string, element: string): number | undefined => values.get(unit)?.get(period)?.get(element);

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  return { code, out, err };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'thongke-demo-'));
  file = join(dir, 'demo.sqlite');
  const t0 = performance.now();
  const r = await cli(['init', file, '--demo']);
  initMs = performance.now() - t0;
  expect(r, r.err).toMatchObject({ code: 0 });
  store = openStore(file);
  const rows = store.db
    .prepare(
      `SELECT u.code AS unit, v.period, e.code AS element, v.value FROM data_value v
       JOIN org_unit u ON u.id = v.unit_id JOIN data_element e ON e.id = v.element_id`,
    )
    .all() as { unit: string; period: string; element: string; value: number }[];
  for (const r of rows) {
    let byPeriod = values.get(r.unit);
    if (!byPeriod) values.set(r.unit, (byPeriod = new Map<string, Map<string, number>>()));
    let byElement = byPeriod.get(r.period);
    if (!byElement) byPeriod.set(r.period, (byElement = new Map<string, number>()));
    byElement.set(r.element, r.value);
  }
});

afterAll(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const communes = () => store.units().filter((u) => u.level === 'commune');

describe('the demo district', () => {
  // Its speed is measured by bench/cli.bench.ts, never here (a loaded machine is not a slow program).
  it('is created by `thongke init --demo`', () => {
    console.log(`init --demo took ${initMs.toFixed(0)} ms`);
    expect(communes().length).toBeGreaterThan(30);
  });

  it('reproduces every figure of seed 004 for Hoằng Hóa, May 2024', () => {
    const figures = new Map(getFigures(store, 'TH_HH', '2024-05').figures.map((f) => [f.element, f]));
    for (const [element, expected] of Object.entries(SEED_004)) {
      expect(figures.get(element)?.value, element).toBe(expected);
    }
    const pop = figures.get('POP_TOTAL')!.value!;
    expect(pop).toBeGreaterThan(230000);
    expect((238168 / pop) * 100).toBeCloseTo(99.35, 1);
    expect(formatPer100(figures.get('FP_SEX_RATIO')!.value!)).toBe('118/100');
  });

  it('has 2024 plan targets that give the seed\'s "% kế hoạch"', () => {
    const figures = new Map(getFigures(store, 'TH_HH', '2024-05').figures.map((f) => [f.element, f]));
    const pct = (e: string) => formatPercentFixed(figures.get(e)!.pctOfPlan!, 1);
    expect(figures.get('EPI_FULL_U1')!.plan).toBe(3521);
    expect(pct('EPI_FULL_U1')).toBe('8,7%');
    expect(pct('EPI_MEASLES2')).toBe('7,0%');
    expect(pct('EPI_TT2_PREGNANT')).toBe('5,6%');
    expect(pct('EPI_NT_PROTECTED')).toBe('7,9%');
    expect(figures.get('RH_U5_DEATHS')!.planDirection).toBe('<');
    expect(getFigures(store, 'TH_HH', '2023-05').figures.find((f) => f.element === 'EPI_FULL_U1')!.plan).not.toBeNull();
  });

  it('puts the methadone and polyclinic figures on their facilities', () => {
    expect(v('TH_HH_METHADONE', '2024-05', 'HIV_METHADONE')).toBe(110);
    expect(v('TH_HH_METHADONE', '2024-05', 'ST_METHADONE_TOTAL')).toBe(2);
    expect(v('TH_HH_PKDK', '2024-05', 'CUR_TB_BHYT_PKDK')).toBe(10);
    expect(v('TH_HH', '2024-05', 'HIV_METHADONE')).toBeUndefined();
  });

  it('fills every commune-level element for every commune and month, never negative', () => {
    const elements = store.catalogue.elements.filter((e) => e.entryLevel === 'commune' && e.kind !== 'derived');
    for (const u of communes()) {
      for (const m of MONTHS) {
        for (const e of elements) {
          const x = v(u.code, m, e.code);
          expect(x, `${u.code} ${m} ${e.code}`).toBeGreaterThanOrEqual(0);
        }
      }
    }
    expect(values.get('TH_HH')?.size).toBe(24);
  });

  it('adds parts up to their totals in every unit and month, except the seed\'s COVID-19 slip', () => {
    const withParts = store.catalogue.elements.filter((e) => e.parts.length > 0);
    const slipped = new Set<string>();
    for (const [unit, byPeriod] of values) {
      for (const [period, byElement] of byPeriod) {
        for (const e of withParts) {
          const total = byElement.get(e.code);
          if (total === undefined) continue;
          const sum = e.parts.reduce((a, p) => a + byElement.get(p)!, 0);
          if (e.code === 'COVID_DOSES_CUM') {
            // The statistician's total leaves out the "mũi nhắc lại" column.
            expect(total, `${unit} ${period}`).toBe(sum - byElement.get('COVID_BOOSTER')!);
            if (total !== sum) slipped.add(unit);
          } else {
            expect(total, `${unit} ${period} ${e.code}`).toBe(sum);
          }
        }
        if (byElement.has('FP_BIRTHS')) expect(byElement.get('RH_LIVE_BIRTHS')).toBe(byElement.get('FP_BIRTHS'));
      }
    }
    // The slip sits in the six communes that still use the old "mũi nhắc lại" heading.
    expect(slipped.size).toBe(6);
  });

  it('keeps every part within its whole in every commune and month', () => {
    for (const u of communes()) {
      for (const m of MONTHS) {
        for (const [part, whole] of PART_OF) {
          expect(v(u.code, m, part)!, `${u.code} ${m} ${part}`).toBeLessThanOrEqual(v(u.code, m, whole)!);
        }
      }
    }
  });

  it('never lets a cumulative total decrease from one month to the next', () => {
    const cumulative = store.catalogue.elements.filter((e) => e.kind === 'cumulative');
    for (const u of communes()) {
      for (const e of cumulative) {
        for (let m = 1; m < MONTHS.length; m++) {
          expect(v(u.code, MONTHS[m]!, e.code)!, `${u.code} ${MONTHS[m]} ${e.code}`).toBeGreaterThanOrEqual(v(u.code, MONTHS[m - 1]!, e.code)!);
        }
      }
    }
  });

  it('has seasons: more influenza in winter, more diarrhoea in summer', () => {
    const district = (e: string, m: string) => getFigures(store, 'TH_HH', m).figures.find((f) => f.element === e)!.value!;
    expect(district('DIS_INFLUENZA', '2024-01')).toBeGreaterThan(district('DIS_INFLUENZA', '2024-07'));
    expect(district('DIS_DIARRHOEA', '2024-07')).toBeGreaterThan(district('DIS_DIARRHOEA', '2024-01'));
  });

  it('lists 37 communes and two facilities under Hoằng Hóa through `units --json`', async () => {
    const r = await cli(['units', file, '--json']);
    expect(r.code).toBe(0);
    const units = JSON.parse(r.out) as { code: string; name: string; level: string; parent: string | null }[];
    const under = units.filter((u) => u.parent === 'TH_HH');
    expect(under.filter((u) => u.level === 'commune')).toHaveLength(37);
    expect(under.filter((u) => u.level === 'facility').map((u) => u.name)).toEqual([
      'Phòng khám đa khoa - TTYT Hoằng Hóa',
      'Cơ sở điều trị Methadone Hoằng Hóa',
    ]);
    expect(units.find((u) => u.code === 'TH')).toMatchObject({ level: 'province', parent: null });
    expect(new Set(units.map((u) => u.name)).size).toBe(units.length);
  });

  it('has the report settings and narrative that carries over', () => {
    expect(getSetting(store, 'unit.home')).toBe('TH_HH');
    expect(getSetting(store, 'report.signerTitle')).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
    expect(getSetting(store, 'report.recipients')).toHaveLength(4);
    const may = getNarrative(store, 'TH_HH', '2024-05');
    expect(may).toHaveLength(19);
    expect(may.every((s) => s.fromPeriod === '2024-05')).toBe(true);
    const april = getNarrative(store, 'TH_HH', '2024-04');
    expect(april.length).toBeGreaterThan(0);
    expect(april.length).toBeLessThan(19);
    const june = getNarrative(store, 'TH_HH', '2024-06');
    expect(june.find((s) => s.section === 'II.4')).toMatchObject({ fromPeriod: '2024-05' });
  });

  it('is the same every time it is made', () => {
    const a = demoValues();
    const b = demoValues();
    expect(b).toEqual(a);
  });
});

// Commune-level values of the demo district: every commune-level element for every month,
// made up but plausible, and summing to the seed's district figures in May 2024.
import {
  anchorOf,
  elementWeights,
  partSeries,
  spread,
  spreadCapped,
  sumGrids,
  thin,
  totals,
  yearly,
  type AnchorFigures,
  type CommuneGrid,
} from './grid';
import { covid, healthRecords } from './cumulative';
import { apportion, makeRng, poisson } from './random';
import { ANCHOR, MONTHS, flowSeries, stockSeries, type FlowShape } from './series';

/** Monthly flows split over communes by population, with their seasonality. */
const FLOWS: Readonly<Record<string, FlowShape>> = {
  DIS_INFLUENZA: { profile: 'influenza', noise: 0.15 },
  DIS_DIARRHOEA: { profile: 'diarrhoea', noise: 0.15 },
  IEC_COUNSELLED: { profile: 'outreach', noise: 0.1 },
  EPI_FULL_U1: { profile: 'flat', noise: 0.07 },
  EPI_MEASLES2: { profile: 'flat', noise: 0.08 },
  EPI_TT2_PREGNANT: { profile: 'births', noise: 0.08 },
  EPI_NT_PROTECTED: { profile: 'births', noise: 0.07 },
  MAL_SLIDES: { profile: 'diarrhoea', noise: 0.2 },
  // The lowland districts of Thanh Hóa have had no local malaria for years.
  MAL_POSITIVE: { profile: 'flat', noise: 0, rareMean: 0 },
  INJ_CASES: { profile: 'outreach', noise: 0.12 },
  INJ_POISONING: { profile: 'flat', noise: 0, rareMean: 0.4 },
  HIV_NEW: { profile: 'flat', noise: 0, rareMean: 0.5 },
  AIDS_DEATHS: { profile: 'flat', noise: 0, rareMean: 0.25 },
  // May 2024 had one new case; a district of 240,000 usually finds two or three a month.
  TB_NEW_ALL: { profile: 'flat', noise: 0, rareMean: 2.5 },
  MH_NEW: { profile: 'flat', noise: 0, rareMean: 1.5 },
  FP_BIRTHS_BOYS: { profile: 'births', noise: 0.08 },
  FP_BIRTHS_GIRLS: { profile: 'births', noise: 0.08 },
  RH_ANC4: { profile: 'births', noise: 0.08 },
  RH_U5_DEATHS: { profile: 'flat', noise: 0, rareMean: 0.8 },
  RH_MATERNAL_DEATHS: { profile: 'flat', noise: 0, rareMean: 0.03 },
  CUR_VISITS: { profile: 'visits', noise: 0.06 },
  CUR_REFERRALS: { profile: 'visits', noise: 0.15 },
  DX_CCCD_VISITS: { profile: 'flat', noise: 0.08, growth: 0.12, growthAfter: 0.02 },
  DX_EPRESCRIPTIONS: { profile: 'flat', noise: 0.08, growth: 0.06, growthAfter: 0.015 },
  DX_PAYMENTS: { profile: 'visits', noise: 0.08, growth: 0.01 },
};

/** Month-end levels with a slow drift (fraction per month) and noise. */
const STOCKS: Readonly<Record<string, { drift: number; noise: number }>> = {
  FS_BUSINESSES: { drift: 0.003, noise: 0.005 },
  HIV_LIVING: { drift: 0.002, noise: 0.01 },
  IOD_GOITRE_SIMPLE: { drift: -0.002, noise: 0.005 },
  IOD_BASEDOW: { drift: 0, noise: 0.02 },
  TB_UNDER_TREATMENT: { drift: 0, noise: 0.15 },
  MH_MANAGED: { drift: 0.001, noise: 0.003 },
  FP_PILL: { drift: 0.002, noise: 0.01 },
  FP_CONDOM: { drift: 0.003, noise: 0.01 },
  FP_IUD: { drift: 0, noise: 0.3 },
};

/** Commune health station staff by year: a level, not a flow (2024 is the seed's). */
const STATION_STAFF: Readonly<Record<string, Record<string, number>>> = {
  ST_CHS_DOCTOR: { '2023': 37, '2024': 39 },
  ST_CHS_ASSISTANT_DOCTOR: { '2023': 104, '2024': 102 },
  ST_CHS_MIDWIFE: { '2023': 15, '2024': 15 },
  ST_CHS_NURSE: { '2023': 31, '2024': 31 },
};

function checkAnchor(code: string, series: readonly number[], may: AnchorFigures): void {
  if (series[ANCHOR] !== anchorOf(may, code)) throw new Error(`demo: ${code} misses its May 2024 figure`);
}

/** Every commune-level element, month by month, for communes with the given population weights. */
export function communeValues(base: readonly number[], may: AnchorFigures): CommuneGrid {
  const grid: CommuneGrid = new Map();
  const rngFor = (code: string) => makeRng(code);

  for (const [code, shape] of Object.entries(FLOWS)) {
    const rng = rngFor(code);
    const series = flowSeries(anchorOf(may, code), shape, rng);
    grid.set(code, spread(series, elementWeights(base, code, 0.3), rng, 0.4));
  }
  for (const [code, s] of Object.entries(STOCKS)) {
    const rng = rngFor(code);
    grid.set(code, spread(stockSeries(anchorOf(may, code), s.drift, s.noise, rng), elementWeights(base, code, 0.3), rng, 0.03));
  }

  // Food poisoning comes in outbreaks: May 2024's 82 cases are mostly one wedding meal in one commune.
  const fsRng = rngFor('FS_POISONING_CASES');
  const fsWeights = elementWeights(base, 'FS_POISONING_CASES', 0.3);
  grid.set(
    'FS_POISONING_CASES',
    MONTHS.map((_, m) => {
      const outbreak = m === ANCHOR ? 74 : fsRng() < 0.08 ? 10 + Math.floor(fsRng() * 30) : 0;
      const scattered = m === ANCHOR ? anchorOf(may, 'FS_POISONING_CASES') - outbreak : poisson(fsRng, 2);
      const row = apportion(scattered, fsWeights.map((w) => w * (0.5 + fsRng())));
      row[Math.floor(fsRng() * row.length)]! += outbreak;
      return row;
    }),
  );

  // Parts that must stay within their whole in every commune.
  const capped = (code: string, whole: string, noise: number, trend?: (m: number) => number, maxShare?: number) => {
    const rng = rngFor(code);
    const w = grid.get(whole)!;
    const series = partSeries(totals(w), anchorOf(may, code), noise, rng, trend, maxShare);
    grid.set(code, spreadCapped(series, w, rng, 0.2));
  };
  capped('AIDS_LIVING', 'HIV_LIVING', 0.03);
  capped('CUR_VISITS_BHYT', 'CUR_VISITS', 0.04);
  capped('DX_CCCD_INSURANCE_OK', 'DX_CCCD_VISITS', 0.02, undefined, 0.97);
  // Cashless payment at the stations only took off after the district's instruction of April 2024.
  capped('DX_PAYMENTS_CASHLESS', 'DX_PAYMENTS', 0.05, (m) => Math.exp(0.25 * Math.min(0, m - ANCHOR) + 0.03 * Math.max(0, m - ANCHOR)), 0.7);

  // Births: boys + girls; live births are the same babies; third children and low birth weight among them.
  const births = sumGrids([grid.get('FP_BIRTHS_BOYS')!, grid.get('FP_BIRTHS_GIRLS')!]);
  grid.set('FP_BIRTHS', births);
  grid.set('RH_LIVE_BIRTHS', births.map((r) => [...r]));
  capped('FP_THIRD_CHILD', 'FP_BIRTHS', 0.12);
  capped('RH_LBW', 'RH_LIVE_BIRTHS', 0.3);

  // Infant deaths are among the under-five deaths; new AFB+ cases among the new TB cases.
  grid.set('RH_INFANT_DEATHS', thin(grid.get('RH_U5_DEATHS')!, 0.7, rngFor('RH_INFANT_DEATHS'), true));
  grid.set('TB_NEW_AFB', thin(grid.get('TB_NEW_ALL')!, 0.6, rngFor('TB_NEW_AFB'), true));

  // Stable patients: the managed ones minus a few relapsing (none in May 2024).
  const managed = grid.get('MH_MANAGED')!;
  const mhRng = rngFor('MH_STABLE');
  const unstable = spreadCapped(MONTHS.map((_, m) => (m === ANCHOR ? anchorOf(may, 'MH_MANAGED') - anchorOf(may, 'MH_STABLE') : poisson(mhRng, 5))), managed, mhRng, 0.5);
  grid.set('MH_STABLE', managed.map((row, m) => row.map((v, c) => v - unstable[m]![c]!)));

  grid.set('IOD_GOITRE_MANAGED', sumGrids([grid.get('IOD_GOITRE_SIMPLE')!, grid.get('IOD_BASEDOW')!]));
  grid.set('FP_CONTRACEPTIVE_USERS', sumGrids([grid.get('FP_PILL')!, grid.get('FP_CONDOM')!, grid.get('FP_IUD')!]));

  // Fees are collected in thousands of đồng.
  const feeRng = rngFor('CUR_FEES');
  const fees = flowSeries(anchorOf(may, 'CUR_FEES') / 1000, { profile: 'visits', noise: 0.08 }, feeRng);
  grid.set('CUR_FEES', spread(fees, elementWeights(base, 'CUR_FEES', 0.3), feeRng, 0.3).map((r) => r.map((v) => v * 1000)));

  // Area in quarter km², so the district sum is exact in binary floating point (203, not 202.99999).
  const area = apportion(anchorOf(may, 'AREA_KM2') * 4, elementWeights(base, 'AREA_KM2', 0.4)).map((q) => q / 4);
  grid.set('AREA_KM2', MONTHS.map(() => [...area]));

  // The immunization target group is set once a year.
  grid.set('EPI_CHILDREN_TARGET_GROUP', yearly({ '2023': 3612, '2024': anchorOf(may, 'EPI_CHILDREN_TARGET_GROUP') }, elementWeights(base, 'EPI_CHILDREN_TARGET_GROUP', 0.1)));

  // Every station has a doctor or an assistant doctor; bigger communes have a few more staff.
  const staffWeights = base.map((w) => 1 + w / 40000);
  for (const [code, byYear] of Object.entries(STATION_STAFF)) grid.set(code, yearly(byYear, staffWeights));
  grid.set('ST_CHS_TOTAL', sumGrids(Object.keys(STATION_STAFF).map((c) => grid.get(c)!)));

  covid(grid, base, may);
  healthRecords(grid, base, may);

  // COVID_DOSES_CUM is included: parts minus "mũi nhắc lại" is exactly the seed's stated total.
  for (const [code, rows] of grid) checkAnchor(code, totals(rows), may);
  return grid;
}

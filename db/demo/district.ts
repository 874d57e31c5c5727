// District-level values of the demo district: what the health centre itself reports (articles,
// laboratory, staffing, district rates), month by month, exact to the seed in May 2024.
import { anchorOf, totals, type AnchorFigures, type CommuneGrid } from './grid';
import { makeRng, poisson, type Rng } from './random';
import { ANCHOR, MONTHS, flowSeries, rateSeries, stockSeries, type FlowShape } from './series';

/** Where district-level values sit: the district unit or one of its facilities. */
export type DistrictPlace = 'district' | 'polyclinic' | 'methadone';

export interface DistrictSeries {
  element: string;
  place: DistrictPlace;
  values: number[];
}

const FLOWS: Readonly<Record<string, FlowShape>> = {
  IEC_ART_DISEASE: { profile: 'outreach', noise: 0.15 },
  IEC_ART_FOOD_SAFETY: { profile: 'outreach', noise: 0.2 },
  IEC_ART_SOCIAL: { profile: 'outreach', noise: 0.15 },
  IEC_ART_OTHER: { profile: 'outreach', noise: 0.15 },
  OH_COMPANIES_INSPECTED: { profile: 'flat', noise: 0 },
  OH_WORKERS_EXAMINED: { profile: 'flat', noise: 0.3 },
  HIV_COUNSELLING: { profile: 'flat', noise: 0.15 },
  LAB_AFB: { profile: 'flat', noise: 0.12 },
  LAB_HIV: { profile: 'flat', noise: 0.15 },
  LAB_FOOD_SAFETY: { profile: 'flat', noise: 0 },
  LAB_OTHER: { profile: 'flat', noise: 0 },
};

/** Staff of the health centre in 2023, where it differs from the seed's 2024 (one more contract post). */
const CENTRE_2023: Readonly<Record<string, number>> = {
  ST_CENTRE_TOTAL: 52,
  ST_CENTRE_CONTRACT: 2,
  ST_CENTRE_UNIVERSITY: 23,
  ST_CENTRE_UNI_OTHER: 8,
};

const STAFF_CENTRE = [
  'ST_CENTRE_TOTAL', 'ST_CENTRE_PERMANENT', 'ST_CENTRE_CONTRACT', 'ST_CENTRE_POSTGRAD', 'ST_CENTRE_MASTER',
  'ST_CENTRE_SPECIALIST1', 'ST_CENTRE_UNIVERSITY', 'ST_CENTRE_UNI_DOCTOR', 'ST_CENTRE_UNI_NURSE',
  'ST_CENTRE_UNI_PHARMACIST', 'ST_CENTRE_UNI_PUBLIC_HEALTH', 'ST_CENTRE_UNI_OTHER', 'ST_CENTRE_COLLEGE',
  'ST_CENTRE_COL_NURSE', 'ST_CENTRE_COL_ACCOUNTANT', 'ST_CENTRE_COL_PHARMACIST', 'ST_CENTRE_COL_LAB',
  'ST_CENTRE_SECONDARY', 'ST_CENTRE_SEC_ASSISTANT_DOCTOR', 'ST_CENTRE_DRIVER',
];
const STAFF_METHADONE = ['ST_METHADONE_TOTAL', 'ST_METHADONE_PHARMACIST', 'ST_METHADONE_GUARD'];

/** A monthly cure rate like the seed's 7,7% (1 of 13 patients): a few cured of a dozen or so. */
function cureRates(anchor: number, rng: Rng): number[] {
  return MONTHS.map((_, m) => {
    if (m === ANCHOR) return anchor;
    const cured = Math.min(3, poisson(rng, 1));
    const cohort = 10 + Math.floor(rng() * 9);
    return Math.round((cured / cohort) * 1000) / 10;
  });
}

/** A district percentage computed from the commune grid (numerator / denominator), the seed's value in May 2024. */
function pctFromGrid(grid: CommuneGrid, num: string, den: string, anchor: number): number[] {
  const n = totals(grid.get(num)!);
  const d = totals(grid.get(den)!);
  return MONTHS.map((_, m) => (m === ANCHOR ? anchor : Math.round((n[m]! / d[m]!) * 10000) / 100));
}

/** Every district-level element, month by month. `grid` holds the commune values already made. */
export function districtValues(grid: CommuneGrid, may: AnchorFigures): DistrictSeries[] {
  const out: DistrictSeries[] = [];
  const add = (element: string, values: number[], place: DistrictPlace = 'district') => {
    if (values[ANCHOR] !== anchorOf(may, element)) throw new Error(`demo: ${element} misses its May 2024 figure`);
    out.push({ element, place, values });
  };
  const flow = (code: string, shape: FlowShape) => flowSeries(anchorOf(may, code), shape, makeRng(code));

  for (const [code, shape] of Object.entries(FLOWS)) add(code, flow(code, shape));
  const parts = ['IEC_ART_DISEASE', 'IEC_ART_FOOD_SAFETY', 'IEC_ART_SOCIAL', 'IEC_ART_OTHER'].map((c) => out.find((s) => s.element === c)!.values);
  add('IEC_ARTICLES', MONTHS.map((_, m) => parts.reduce((a, p) => a + p[m]!, 0)));

  // Needles are handed out by the hundred, condoms by the gross.
  add('HIV_NEEDLES', flowSeries(anchorOf(may, 'HIV_NEEDLES') / 100, { profile: 'flat', noise: 0.15 }, makeRng('HIV_NEEDLES')).map((v) => v * 100));
  add('HIV_CONDOMS', flowSeries(anchorOf(may, 'HIV_CONDOMS') / 144, { profile: 'flat', noise: 0 }, makeRng('HIV_CONDOMS')).map((v) => v * 144));
  // Every malaria slide taken at a station is read at the centre's laboratory.
  add('LAB_MALARIA', totals(grid.get('MAL_SLIDES')!));

  add('HIV_METHADONE', stockSeries(anchorOf(may, 'HIV_METHADONE'), 0.002, 0.02, makeRng('HIV_METHADONE')), 'methadone');
  add('CUR_TB_BHYT_PKDK', flow('CUR_TB_BHYT_PKDK', { profile: 'flat', noise: 0 }), 'polyclinic');

  // Communes appraised against the national criteria, counted within each half-year's round.
  const appraised = [0, 0, 2, 4, 6, 8, 8, 8, 10, 10, 12, 12, 0, 0, 5, 10, 15, 15, 15, 18, 20, 22, 25, 25];
  add('NHC_COMMUNES_APPRAISED', appraised);
  add('MH_COMMUNES_PROGRAMME', MONTHS.map((m) => (m < '2023-07' ? 29 : m < '2024-01' ? 30 : anchorOf(may, 'MH_COMMUNES_PROGRAMME'))));

  add('SAN_LATRINE_PCT', rateSeries(anchorOf(may, 'SAN_LATRINE_PCT'), 0.12, 0.05, 1, 80, 99.5, makeRng('SAN_LATRINE_PCT')));
  add('IOD_SALT_COVERAGE', rateSeries(anchorOf(may, 'IOD_SALT_COVERAGE'), 0.02, 0.3, 1, 95, 99.5, makeRng('IOD_SALT_COVERAGE')));
  add('RH_ANC_AVG', rateSeries(anchorOf(may, 'RH_ANC_AVG'), 0.005, 0.12, 1, 2.8, 4, makeRng('RH_ANC_AVG')));
  add('TB_CURE_RATE', cureRates(anchorOf(may, 'TB_CURE_RATE'), makeRng('TB_CURE_RATE')));
  // Coverage of health records: computed from the commune counts, except May 2024 where the
  // report's own percentages stand (they round from slightly different denominators).
  add('DX_EHR_PCT', pctFromGrid(grid, 'DX_EHR_PEOPLE', 'POP_TOTAL', anchorOf(may, 'DX_EHR_PCT')));
  add('DX_EHR_B_PCT', pctFromGrid(grid, 'DX_EHR_B', 'POP_TOTAL', anchorOf(may, 'DX_EHR_B_PCT')));
  add('DX_EHR_C_PCT', pctFromGrid(grid, 'DX_EHR_C', 'POP_TOTAL', anchorOf(may, 'DX_EHR_C_PCT')));
  add('DX_EHR_D_PCT', pctFromGrid(grid, 'DX_EHR_D', 'POP_TOTAL', anchorOf(may, 'DX_EHR_D_PCT')));

  for (const code of STAFF_CENTRE) {
    add(code, MONTHS.map((m) => (m.startsWith('2023') ? CENTRE_2023[code] ?? anchorOf(may, code) : anchorOf(may, code))));
  }
  for (const code of STAFF_METHADONE) add(code, MONTHS.map(() => anchorOf(may, code)), 'methadone');
  return out;
}

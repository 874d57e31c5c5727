// The embedded demo district: Thanh Hóa → Hoằng Hóa → its 37 commune-level units and two
// district facilities, with 2023–2024 monthly data, plan targets, narrative and settings.
// Its May 2024, aggregated to the district, is the reference report (seed 004) figure for figure.
//
// What is real: the district, the 37 unit names as they stood in 2024, every May 2024 district
// figure, the narrative text and the report header. Everything else (how figures split over
// communes, the other 23 months, the plan targets other than EPI's) is made up, deterministic.
//
// Sources of the 37 names (before the 2025 reform): the General Statistics Office's list of
// administrative units as exported by the npm package vietnam-division 2.4.0
// (dist/xa-phuong/399.json: Thị trấn Bút Sơn and 36 xã), checked against the 2025 merger list for
// Hoằng Hóa (Nghị quyết 1686/NQ-UBTVQH15, whose groups name the other 36 units; Hoằng Phượng is
// the one unit not in them) and against the communes' own web portals (hoangphuong.hoanghoa.
// thanhhoa.gov.vn, hoangxuan…: Hoằng Xuân took in Hoằng Khánh on 1/12/2019 under Nghị quyết
// 786/NQ-UBTVQH14). Codes TH_HH_01..37 follow the statistics office's order.
import { z } from 'zod';
import { UserError } from '../core/errors';
import { NARRATIVE_SECTION_IDS } from '../core/narrative';
import { PLAN_DIRECTIONS } from '../core/plan';
import district from '../resources/demo/district.json';
import mayFile from '../resources/demo/may-2024.json';
import narrativeFile from '../resources/demo/narrative.json';
import plansFile from '../resources/demo/plans.json';
import { communeValues } from './demo/communes';
import { districtValues, type DistrictPlace } from './demo/district';
import { MONTHS } from './demo/series';
import { setNarrative } from './narrative.repo';
import { setPlans, type PlanInput } from './plans.repo';
import { readSettings } from '../core/settings';
import { setSettings } from './settings.repo';
import { createDatabase } from './create';
import type { Store } from './store';
import { addUnits, type NewUnit } from './units.repo';
import { setValues, type ValueInput } from './values.repo';

/** Every demo change is dated after the last demo month, so no value is "in the future". */
export const DEMO_NOW = new Date('2025-01-15T08:00:00+07:00');
export const DEMO_DISTRICT = district.district.code;

const plansSchema = z.object({
  unit: z.string(),
  years: z.record(z.string(), z.array(z.tuple([z.string(), z.number(), z.enum(PLAN_DIRECTIONS)]))),
});
const narrativeSchema = z.object({
  unit: z.string(),
  months: z.record(z.string(), z.record(z.string(), z.array(z.string()))),
});

/** The demo's org units, parents first. */
export function demoUnits(): NewUnit[] {
  const d = district.district.code;
  return [
    { code: district.province.code, name: district.province.name, level: 'province', parent: null },
    { code: d, name: district.district.name, level: 'district', parent: district.province.code },
    ...district.communes.map((c): NewUnit => ({ code: c.code, name: c.name, level: 'commune', parent: d })),
    { code: district.facilities.polyclinic.code, name: district.facilities.polyclinic.name, level: 'facility', parent: d },
    { code: district.facilities.methadone.code, name: district.facilities.methadone.name, level: 'facility', parent: d },
  ];
}

const PLACE_CODES: Readonly<Record<DistrictPlace, string>> = {
  district: district.district.code,
  polyclinic: district.facilities.polyclinic.code,
  methadone: district.facilities.methadone.code,
};

/** Every demo value, 2023-01 .. 2024-12: commune-level on communes, district-level on the district or its facilities. */
export function demoValues(): ValueInput[] {
  const may = mayFile.figures as Record<string, number>;
  const grid = communeValues(district.communes.map((c) => c.weight), may);
  const inputs: ValueInput[] = [];
  for (const [element, rows] of grid) {
    rows.forEach((row, m) => row.forEach((value, c) => inputs.push({ unit: district.communes[c]!.code, period: MONTHS[m]!, element, value })));
  }
  for (const s of districtValues(grid, may)) {
    s.values.forEach((value, m) => inputs.push({ unit: PLACE_CODES[s.place], period: MONTHS[m]!, element: s.element, value }));
  }
  return inputs;
}

function demoPlans(): PlanInput[] {
  const p = plansSchema.parse(plansFile);
  return Object.entries(p.years).flatMap(([year, rows]) =>
    rows.map(([element, target, direction]): PlanInput => ({ unit: p.unit, year: Number(year), element, target, direction })),
  );
}

/** A missing element would leave a hole in every demo report: refuse to seed rather than ship it. */
function checkCoverage(store: Store, inputs: readonly ValueInput[]): void {
  const given = new Set(inputs.map((i) => i.element));
  const missing = store.catalogue.elements.filter((e) => e.kind !== 'derived' && !given.has(e.code)).map((e) => e.code);
  if (missing.length > 0) throw new Error(`demo: no values for ${missing.join(', ')}`);
}

/** Fills an empty database with the demo district, in one transaction. */
export function seedDemo(store: Store): void {
  const settings = district.settings;
  const user = settings['user.name'];
  const values = demoValues();
  checkCoverage(store, values);
  const narrative = narrativeSchema.parse(narrativeFile);
  try {
    store.db.transaction(() => {
      addUnits(store.db, demoUnits(), DEMO_NOW.toISOString());
      store.invalidateUnits();
      setValues(store, values, user, 'demo', DEMO_NOW);
      setPlans(store, demoPlans(), user, DEMO_NOW);
      for (const [period, sections] of Object.entries(narrative.months)) {
        for (const [section, paragraphs] of Object.entries(sections)) {
          if (!NARRATIVE_SECTION_IDS.has(section)) throw new Error(`demo: unknown narrative section ${section}`);
          setNarrative(store, narrative.unit, period, section, paragraphs.join('\n'), user, DEMO_NOW);
        }
      }
      setSettings(store, readSettings(settings));
    })();
  } finally {
    // The unit cache may hold units of a rolled-back transaction.
    store.invalidateUnits();
  }
}

/**
 * Creates `file` as a new database holding the demo district (built in a temporary file and
 * renamed when complete: a kill never leaves a half-made demo under the final name).
 */
export function createDemoDatabase(file: string): void {
  createDatabase(file, (store) => {
    if (store.units().length > 0) throw new UserError('error.databaseExists', { file });
    seedDemo(store);
  });
}

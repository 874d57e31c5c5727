// A small district for report tests until (and besides) the demo database: the seed's May 2024
// figures spread over three communes, the demo plans, narrative and report settings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setNarrative } from '../../db/narrative.repo';
import { setPlans } from '../../db/plans.repo';
import type { Settings } from '../../core/settings';
import { setSettings } from '../../db/settings.repo';
import { openStore, type Store } from '../../db/store';
import { addUnits } from '../../db/units.repo';
import { setValues } from '../../db/values.repo';
import type { PlanDirection } from '../../core/plan';

const root = join(import.meta.dirname, '../..');
const json = <T>(p: string): T => JSON.parse(readFileSync(join(root, p), 'utf8')) as T;

export const SETTINGS: Settings = {
  'unit.home': 'TH_HH',
  'report.parentBody': 'SỞ Y TẾ THANH HÓA',
  'report.unitName': 'TRUNG TÂM Y TẾ HUYỆN HOẰNG HÓA',
  'report.unitShort': 'TTYT',
  'report.place': 'Hoằng Hóa',
  'report.signerTitle': ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'],
  'report.signerName': 'Lê Trọng Tiến',
  'report.recipients': ['Văn phòng Sở y tế (B/c);', 'VP huyện uỷ, UBND huyện (B/c);', 'Các khoa, phòng và trạm Y tế (Th/h);', 'Lưu: VT, HCTH.'],
};

export interface FixtureOptions {
  plans?: boolean;
  narrative?: boolean;
  settings?: boolean;
}

/** Creates the fixture database at `file`. Commune-level figures are split 50/30/20 %. */
export function makeFixture(file: string, opts: FixtureOptions = {}): Store {
  const store = openStore(file, { create: true });
  addUnits(store.db, [
    { code: 'TH', name: 'Tỉnh Thanh Hóa', level: 'province', parent: null },
    { code: 'TH_HH', name: 'Huyện Hoằng Hóa', level: 'district', parent: 'TH' },
    { code: 'TH_HH_01', name: 'Thị trấn Bút Sơn', level: 'commune', parent: 'TH_HH' },
    { code: 'TH_HH_02', name: 'Xã Hoằng Giang', level: 'commune', parent: 'TH_HH' },
    { code: 'TH_HH_03', name: 'Xã Hoằng Xuân', level: 'commune', parent: 'TH_HH' },
  ]);
  store.invalidateUnits();
  const figures = json<{ figures: Record<string, number> }>('resources/demo/may-2024.json').figures;
  const entries = [];
  for (const [code, v] of Object.entries(figures)) {
    const e = store.catalogue.byCode.get(code);
    if (!e || e.kind === 'derived') continue;
    if (e.entryLevel === 'commune' && e.kind !== 'rate') {
      const a = Math.floor(v * 0.5);
      const b = Math.floor(v * 0.3);
      for (const [unit, value] of [['TH_HH_01', a], ['TH_HH_02', b], ['TH_HH_03', v - a - b]] as const) {
        entries.push({ unit, period: '2024-05', element: code, value });
      }
    } else entries.push({ unit: 'TH_HH', period: '2024-05', element: code, value: v });
  }
  const now = new Date(2024, 5, 10);
  setValues(store, entries, 'test', 'demo', now);
  if (opts.plans !== false) {
    const plans = json<{ years: Record<string, [string, number, PlanDirection][]> }>('resources/demo/plans.json').years['2024'] ?? [];
    setPlans(store, plans.map(([element, target, direction]) => ({ unit: 'TH_HH', year: 2024, element, target, direction })), 'test', now);
  }
  if (opts.narrative !== false) {
    const months = json<{ months: Record<string, Record<string, string[]>> }>('resources/demo/narrative.json').months;
    for (const [section, paras] of Object.entries(months['2024-05'] ?? {})) setNarrative(store, 'TH_HH', '2024-05', section, paras.join('\n'), 'test', now);
  }
  if (opts.settings !== false) setSettings(store, SETTINGS);
  return store;
}

import { describe, expect, it } from 'vitest';
import { shippedCatalogue } from '../catalogue-data';
import { buildTree, type OrgUnit } from '../orgunit';
import { shippedRules } from './shipped';
import { recheckCell, validateWindows } from './validate';
import { buildWindows, type WindowValue } from './window';

const catalogue = shippedCatalogue();
const rules = shippedRules(catalogue);
const units: OrgUnit[] = [
  { code: 'D', name: 'Huyện', level: 'district', parent: null },
  { code: 'C1', name: 'Xã 1', level: 'commune', parent: 'D' },
  { code: 'C2', name: 'Xã 2', level: 'commune', parent: 'D' },
  { code: 'M', name: 'Cơ sở Methadone', level: 'facility', parent: 'D' },
];
const tree = buildTree(units);

const v = (unit: string, element: string, value: number, offset = 0): WindowValue => ({ unit, element, offset, value });

function windows(values: WindowValue[], first = new Map([['C1', '2023-01'], ['C2', '2023-01'], ['D', '2023-01'], ['M', '2023-01']])) {
  return buildWindows(catalogue, tree, 'D', '2024-05', values, first);
}

describe('validating a district month', () => {
  it('checks each commune on its own values and the district on the aggregate', () => {
    const w = windows([
      v('C1', 'FP_BIRTHS', 10), v('C1', 'FP_BIRTHS_BOYS', 6), v('C1', 'FP_BIRTHS_GIRLS', 4),
      v('C2', 'FP_BIRTHS', 5), v('C2', 'FP_BIRTHS_BOYS', 2), v('C2', 'FP_BIRTHS_GIRLS', 2),
      v('C1', 'RH_LIVE_BIRTHS', 10), v('C2', 'RH_LIVE_BIRTHS', 5),
      v('D', 'SAN_LATRINE_PCT', 92.3), v('C1', 'COVID_DOSES_CUM', 10, 1),
    ]);
    expect(w.agg.get('D')!.get('FP_BIRTHS', 0)).toBe(15);
    expect(w.agg.get('D')!.get('FP_SEX_RATIO', 0)).toBeCloseTo(133.33, 2);
    expect(w.agg.get('D')!.get('SAN_LATRINE_PCT', 0)).toBe(92.3);
    expect(w.agg.get('D')!.get('COVID_DOSES_CUM', 1)).toBe(10);
    const report = validateWindows(rules, catalogue, tree, w, 'vi');
    const found = report.violations.map((x) => `${x.unit}:${x.rule}`);
    expect(found).toEqual(['D:PARTS_FP_BIRTHS', 'C2:PARTS_FP_BIRTHS']);
    expect(report.violations[0]).toMatchObject({ left: 15, right: 14, elements: ['FP_BIRTHS', 'FP_BIRTHS_BOYS', 'FP_BIRTHS_GIRLS'] });
    expect(report.summary).toMatchObject({ high: 2, medium: 0 });
  });

  it('counts completeness per commune and per programme; 0 is filled, derived never expected', () => {
    const w = windows([v('C1', 'HIV_NEW', 0), v('C1', 'AIDS_DEATHS', 0), v('M', 'HIV_METHADONE', 110), v('D', 'HIV_COUNSELLING', 50)]);
    const c = validateWindows(rules, catalogue, tree, w, 'vi').completeness;
    const communeExpected = catalogue.elements.filter((e) => e.entryLevel === 'commune' && e.kind !== 'derived').length;
    const districtExpected = catalogue.elements.filter((e) => e.entryLevel === 'district' && e.kind !== 'derived').length;
    expect(c.byUnit.map((u) => [u.unit, u.expected, u.filled])).toEqual([
      ['D', districtExpected, 2],
      ['C1', communeExpected, 2],
      ['C2', communeExpected, 0],
    ]);
    expect(c.expected).toBe(districtExpected + 2 * communeExpected);
    const hiv = c.byProgramme.find((p) => p.programme === 'HIV')!;
    expect(hiv).toMatchObject({ expected: 2 * 4 + 4, filled: 4 });
    expect(c.byUnit[1]!.missing).not.toContain('HIV_NEW');
    expect(c.byUnit[1]!.missing).not.toContain('FP_SEX_RATIO');
  });

  it('flags outliers on communes and on the district aggregate', () => {
    const values: WindowValue[] = [];
    for (let off = 1; off <= 12; off++) {
      values.push(v('C1', 'CUR_VISITS', 200 + off, off), v('C2', 'CUR_VISITS', 300 - off, off));
    }
    values.push(v('C1', 'CUR_VISITS', 2000), v('C2', 'CUR_VISITS', 300));
    const report = validateWindows(rules, catalogue, tree, windows(values), 'vi');
    expect(report.outliers.map((o) => `${o.unit}:${o.element}`)).toEqual(['D:CUR_VISITS', 'C1:CUR_VISITS']);
  });

  it('re-checks one edited cell on the commune and the district above it', () => {
    const w = windows([v('C1', 'AIDS_LIVING', 5), v('C1', 'HIV_LIVING', 10), v('C2', 'HIV_LIVING', 10)]);
    expect(validateWindows(rules, catalogue, tree, w, 'vi').violations).toEqual([]);
    const check = recheckCell(rules, catalogue, tree, w, 'C2', 'AIDS_LIVING', 12, 'vi');
    expect(check.units).toEqual(['C2', 'D']);
    expect(check.violations.map((x) => `${x.unit}:${x.rule}`)).toEqual(['C2:AIDS_LE_HIV_LIVING']);
    expect(w.agg.get('D')!.get('AIDS_LIVING', 0)).toBe(17);
    const cleared = recheckCell(rules, catalogue, tree, w, 'C2', 'AIDS_LIVING', null, 'vi');
    expect(cleared.violations).toEqual([]);
    expect(w.agg.get('D')!.get('AIDS_LIVING', 0)).toBe(5);
    const ratio = recheckCell(rules, catalogue, tree, w, 'C1', 'FP_BIRTHS_BOYS', 6, 'vi');
    expect(w.agg.get('D')!.get('FP_SEX_RATIO', 0)).toBeNull();
    expect(ratio.units).toEqual(['C1', 'D']);
  });
});

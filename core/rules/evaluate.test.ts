import { describe, expect, it } from 'vitest';
import { shippedCatalogue } from '../catalogue-data';
import { checkRule, checkRules, type UnitValues } from './evaluate';
import { compileRules, type CompiledRule } from './ruleset';
import { shippedRules } from './shipped';

const catalogue = shippedCatalogue();
const shipped = shippedRules(catalogue);

/** Values keyed "CODE" (this month) or "CODE@n" (n months back). */
function unit(values: Record<string, number>, history: number | null = 12): UnitValues {
  return {
    unit: 'C1',
    history,
    get: (code, offset) => values[offset === 0 ? code : `${code}@${offset}`] ?? null,
  };
}

function one(left: string, op: string, right: string, skipIf: 'all' | 'any' = 'all'): CompiledRule {
  const set = compileRules(catalogue, [{ name: 't.json', data: { rules: [{ id: 'T', left, op, right, importance: 'high', messageVi: 'T {left} {right}', messageEn: 'T {left} {right}', skipIf }] } }], { generated: false });
  expect(set.problems).toEqual([]);
  return set.rules[0]!;
}

const COVID_MAY_2024 = {
  COVID_DOSES_CUM: 509_591, COVID_DOSE1: 157_422, COVID_DOSE2: 157_561, COVID_DOSE3: 36_724,
  COVID_BOOSTER: 17_013, COVID_BOOSTER1: 103_236, COVID_BOOSTER2: 38_317, COVID_ADDITIONAL: 16_331,
};

describe('checking rules', () => {
  it("flags seed 004's COVID slip with both numbers in vi-VN form", () => {
    const r = checkRules([shipped.byId.get('PARTS_COVID_DOSES_CUM')!], unit(COVID_MAY_2024), '2024-05', 'vi');
    expect(r.violations).toHaveLength(1);
    expect(r.violations[0]).toMatchObject({ rule: 'PARTS_COVID_DOSES_CUM', importance: 'high', left: 509_591, right: 526_604 });
    expect(r.violations[0]!.message).toContain('526.604');
    expect(r.violations[0]!.message).toContain('509.591');
    expect(r.violations[0]!.message).toContain('17.013');
    const en = checkRules([shipped.byId.get('PARTS_COVID_DOSES_CUM')!], unit(COVID_MAY_2024), '2024-05', 'en');
    expect(en.violations[0]!.message).toContain('526,604');
  });

  it("passes the seed's consistent figures", () => {
    const seed = { FP_BIRTHS: 258, FP_BIRTHS_BOYS: 140, FP_BIRTHS_GIRLS: 118, RH_LIVE_BIRTHS: 258, AIDS_LIVING: 63, HIV_LIVING: 268, MH_STABLE: 1196, MH_MANAGED: 1196 };
    const r = checkRules(shipped.rules, unit(seed), '2024-05', 'vi');
    expect(r.violations).toEqual([]);
  });

  it('skips a rule whose operands are all missing, but counts a 0 as filled', () => {
    const rule = shipped.byId.get('AIDS_LE_HIV_LIVING')!;
    expect(checkRule(rule, unit({}))).toEqual({ status: 'skip', reason: 'missing' });
    expect(checkRule(rule, unit({ AIDS_LIVING: 3 }))).toEqual({ status: 'skip', reason: 'missing' });
    expect(checkRule(rule, unit({ AIDS_LIVING: 3, HIV_LIVING: 0 }))).toEqual({ status: 'violation', left: 3, right: 0 });
    expect(checkRule(rule, unit({ AIDS_LIVING: 0, HIV_LIVING: 0 }))).toEqual({ status: 'pass' });
  });

  it('counts an empty part as 0 when other parts are filled, unless the rule says skipIf "any"', () => {
    const parts = shipped.byId.get('PARTS_FP_BIRTHS')!;
    expect(checkRule(parts, unit({ FP_BIRTHS: 10, FP_BIRTHS_BOYS: 6 }))).toEqual({ status: 'violation', left: 10, right: 6 });
    const strict = one('FP_BIRTHS', '=', 'FP_BIRTHS_BOYS + FP_BIRTHS_GIRLS', 'any');
    expect(checkRule(strict, unit({ FP_BIRTHS: 10, FP_BIRTHS_BOYS: 6 }))).toEqual({ status: 'skip', reason: 'missing' });
  });

  it('checks "both or neither filled"', () => {
    const rule = shipped.byId.get('MAL_SLIDES_AND_POSITIVE_FILLED')!;
    expect(checkRule(rule, unit({}))).toEqual({ status: 'pass' });
    expect(checkRule(rule, unit({ MAL_SLIDES: 25, MAL_POSITIVE: 0 }))).toEqual({ status: 'pass' });
    expect(checkRule(rule, unit({ MAL_SLIDES: 25 }))).toEqual({ status: 'violation', left: 25, right: null });
    const r = checkRules([rule], unit({ MAL_SLIDES: 25 }), '2024-05', 'vi');
    expect(r.violations[0]!.message).toContain('(trống)');
  });

  it('supports every operator, with floating-point noise treated as equal', () => {
    const v = unit({ SAN_LATRINE_PCT: 0.3, IOD_SALT_COVERAGE: 0.1 });
    const cases: [string, string, boolean][] = [
      ['=', 'IOD_SALT_COVERAGE * 2 + 0.1', true], ['!=', '0.3', false], ['≠', '0.2', true],
      ['<', '0.3', false], ['≤', '0.1 + 0.2', true], ['>', '0.29', true], ['≥', '0.31', false], ['>=', '0.3', true],
    ];
    for (const [op, right, ok] of cases) expect(checkRule(one('SAN_LATRINE_PCT', op, right), v).status, `${op} ${right}`).toBe(ok ? 'pass' : 'violation');
  });

  it('skips a division by zero with a note, never a crash', () => {
    const rule = one('FP_BIRTHS_BOYS / FP_BIRTHS_GIRLS * 100', '<=', '130');
    expect(checkRule(rule, unit({ FP_BIRTHS_BOYS: 3, FP_BIRTHS_GIRLS: 0 }))).toEqual({ status: 'skip', reason: 'divisionByZero' });
    const r = checkRules([rule], unit({ FP_BIRTHS_BOYS: 3, FP_BIRTHS_GIRLS: 0 }), '2024-05', 'vi');
    expect(r.violations).toEqual([]);
    expect(r.notes[0]).toMatchObject({ rule: 'T', reason: 'divisionByZero', unit: 'C1' });
    expect(r.notes[0]!.message).toContain('chia cho 0');
  });

  it('checks that a cumulative total never decreases, and skips with a note before the first data', () => {
    const rule = shipped.byId.get('CUMULATIVE_COVID_DOSES_CUM')!;
    expect(checkRule(rule, unit({ COVID_DOSES_CUM: 100, 'COVID_DOSES_CUM@1': 90 }))).toEqual({ status: 'pass' });
    expect(checkRule(rule, unit({ COVID_DOSES_CUM: 80, 'COVID_DOSES_CUM@1': 90 }))).toEqual({ status: 'violation', left: 80, right: 90 });
    expect(checkRule(rule, unit({ COVID_DOSES_CUM: 80 }, 0))).toEqual({ status: 'skip', reason: 'beforeFirstData' });
    expect(checkRule(rule, unit({}, null))).toEqual({ status: 'skip', reason: 'missing' });
    const r = checkRules([rule], unit({ COVID_DOSES_CUM: 80 }, 0), '2023-01', 'vi');
    expect(r.notes[0]!.message).toContain('tháng trước');
    const back = one('COVID_DOSES_CUM', '>=', 'COVID_DOSES_CUM[-3]');
    expect(checkRule(back, unit({ COVID_DOSES_CUM: 80, 'COVID_DOSES_CUM@3': 70 }, 2))).toEqual({ status: 'skip', reason: 'beforeFirstData' });
    expect(checkRule(back, unit({ COVID_DOSES_CUM: 80, 'COVID_DOSES_CUM@3': 70 }, 3))).toEqual({ status: 'pass' });
  });
});

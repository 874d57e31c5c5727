import { describe, expect, it } from 'vitest';
import { shippedCatalogue } from './catalogue-data';
import type { Figure } from './figures';
import { buildIndicatorSet, computeIndicator, meets, planFor, type IndicatorDef } from './indicators';
import { shippedIndicators } from './indicators-data';
import plan from '../resources/indicators/province-plan.json';

const cat = shippedCatalogue();
const fig = (element: string, value: number | null, ytd: number | null = value): Figure => ({
  element,
  kind: 'flow',
  value,
  ytd,
  plan: null,
  planDirection: null,
  pctOfPlan: null,
  ytdPctOfPlan: null,
  lastYear: null,
});

describe('meets: the target’s direction', () => {
  it('a floor (≥, >) is met at or above, missed below', () => {
    expect(meets(98, 98, '>=')).toBe(true);
    expect(meets(97.99, 98, '>=')).toBe(false);
    expect(meets(98, 98, '>')).toBe(false);
    expect(meets(98.1, 98, '>')).toBe(true);
  });
  it('a ceiling (<, ≤) is met below, missed above; < is missed at the target itself', () => {
    expect(meets(25.9, 26, '<')).toBe(true);
    expect(meets(26, 26, '<')).toBe(false);
    expect(meets(26, 26, '<=')).toBe(true);
    expect(meets(26.1, 26, '<=')).toBe(false);
  });
  it('= is met within binary noise only', () => {
    expect(meets(0.1 + 0.2, 0.3, '=')).toBe(true);
    expect(meets(99.9, 100, '=')).toBe(false);
    // 0.1 + 0.2 is 0.30000000000000004: it is not above 0.3 for a ceiling ≤ 0.3.
    expect(meets(0.1 + 0.2, 0.3, '<=')).toBe(true);
  });
});

describe('computeIndicator', () => {
  const def = (over: 'period' | 'yearToDate' = 'period'): IndicatorDef => ({
    code: 'X',
    nameVi: 'x',
    nameEn: 'x',
    unitVi: '',
    unitEn: '',
    numerator: ['A', 'B'],
    denominator: ['C'],
    factor: 1000,
    over,
    frequency: 'monthly',
    coverage: 'full',
    needs: [],
  });
  const figures = new Map([fig('A', 1, 3), fig('B', 2, 4), fig('C', 500, 1000)].map((f) => [f.element, f]));
  it('adds the numerator’s elements and divides by the denominator, times the factor', () => {
    expect(computeIndicator(def(), (c) => figures.get(c), { target: 8, direction: '<' })).toMatchObject({ numerator: 3, denominator: 500, value: 6, onTrack: true, gap: null });
    expect(computeIndicator(def('yearToDate'), (c) => figures.get(c), { target: 8, direction: '<' })).toMatchObject({ numerator: 7, denominator: 1000, value: 7, onTrack: true });
  });
  it('names the missing part, a zero denominator and a missing target', () => {
    const noB = new Map([...figures].filter(([k]) => k !== 'B'));
    expect(computeIndicator(def(), (c) => noB.get(c), null)).toMatchObject({ value: null, gap: 'numeratorMissing', missing: ['B'] });
    const zero = new Map([...figures, ['C', fig('C', 0)]]);
    expect(computeIndicator(def(), (c) => zero.get(c), null)).toMatchObject({ numerator: 3, denominator: 0, value: null, gap: 'denominatorZero' });
    expect(computeIndicator(def(), (c) => figures.get(c), null)).toMatchObject({ value: 6, onTrack: null, gap: 'noTarget' });
  });
});

describe('the shipped indicator file', () => {
  it('loads: 15 indicators, plans of 2021 and 2024; computable ones name catalogue elements', () => {
    const set = shippedIndicators(cat);
    expect(set.indicators).toHaveLength(15);
    expect([...set.plans.keys()].sort()).toEqual([2021, 2024]);
    expect(set.indicators.filter((i) => i.coverage === 'none').map((i) => i.code)).toEqual([
      'IND02_BEDS',
      'IND03_CHS_DOCTOR',
      'IND05_WASTE',
      'IND06_LIFE_EXPECTANCY',
      'IND07_NATURAL_GROWTH',
      'IND14_SATISFACTION',
    ]);
    expect(planFor(set, 2025)?.year).toBe(2024);
    expect(planFor(set, 2023)?.year).toBe(2021);
    expect(planFor(set, 2020)).toBeNull();
  });
  it('refuses a rate or unknown element as a part, and a plan of an unknown indicator', () => {
    const bad = structuredClone(plan) as { indicators: { numerator?: string[] }[]; plans: Record<string, { code: string }[]> };
    bad.indicators[0]!.numerator = ['SAN_LATRINE_PCT', 'NO_SUCH'];
    bad.plans['2024']![0]!.code = 'IND99';
    expect(() => buildIndicatorSet(bad, cat)).toThrow(/SAN_LATRINE_PCT is a rate.*NO_SUCH is not in the catalogue.*IND99 is not an indicator/);
    const noNeeds = structuredClone(plan) as { indicators: { needs?: string[] }[] };
    delete noNeeds.indicators[1]!.needs;
    expect(() => buildIndicatorSet(noNeeds, cat)).toThrow(/needs/);
  });
});

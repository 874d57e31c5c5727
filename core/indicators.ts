// The province's plan indicators (seed 001, section I.2) as data: each a ratio of aggregated
// catalogue elements (numerator / denominator × factor), a target per year with its direction,
// and on track / not on track. The ratio is taken of the sums — never an average of the units'
// ratios. Indicators whose data the catalogue lacks (life expectancy, beds, …) stay in the table
// with a null value and the reason.
import { z } from 'zod';
import type { Catalogue } from './catalogue';
import { sumsOverUnits } from './catalogue-kinds';
import type { Figure } from './figures';

const code = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'codes are UPPER_SNAKE_CASE');

export const INDICATOR_DIRECTIONS = ['>=', '>', '<=', '<', '='] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

/** full: the catalogue holds the whole figure; partial: part of it (said in the note); none: not computable here. */
export const COVERAGES = ['full', 'partial', 'none'] as const;

export const indicatorSchema = z
  .object({
    code,
    nameVi: z.string().min(1),
    nameEn: z.string().min(1),
    unitVi: z.string(),
    unitEn: z.string(),
    /** Catalogue elements added up (already aggregated over units by their kind). */
    numerator: z.array(code).min(1).optional(),
    denominator: z.array(code).min(1).optional(),
    factor: z.number().positive(),
    /** The period's value (default) or the year to date (a year's count against a year's target). */
    over: z.enum(['period', 'yearToDate']).default('period'),
    frequency: z.enum(['monthly', 'quarterly', 'yearly']),
    coverage: z.enum(COVERAGES),
    /** What the catalogue lacks, for an indicator it cannot compute. */
    needs: z.array(z.string().min(1)).default([]),
    noteVi: z.string().optional(),
    noteEn: z.string().optional(),
  })
  .strict()
  .refine((i) => (i.coverage === 'none') === (i.numerator === undefined && i.denominator === undefined), {
    message: 'a computable indicator has a numerator and a denominator; one that is not has neither',
  })
  .refine((i) => (i.coverage === 'none') === (i.needs.length > 0), { message: '"needs" says what a non-computable indicator lacks, and only then' })
  .refine((i) => (i.numerator === undefined) === (i.denominator === undefined), { message: 'numerator and denominator go together' });
export type IndicatorDef = z.infer<typeof indicatorSchema>;

const planEntry = z.object({ code, target: z.number().finite(), direction: z.enum(INDICATOR_DIRECTIONS) }).strict();

export const indicatorFileSchema = z
  .object({
    source: z.string().optional(),
    indicators: z.array(indicatorSchema).min(1),
    /** year → the indicators planned that year, with their targets: the set changes by year. */
    plans: z.record(z.string().regex(/^\d{4}$/), z.array(planEntry).min(1)),
  })
  .strict();
export type IndicatorFile = z.infer<typeof indicatorFileSchema>;

export interface IndicatorSet {
  indicators: IndicatorDef[];
  plans: ReadonlyMap<number, z.infer<typeof planEntry>[]>;
}

/** Validates the file and its references to the catalogue; throws with every problem listed. */
export function buildIndicatorSet(raw: unknown, catalogue: Catalogue): IndicatorSet {
  const parsed = indicatorFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`indicators: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const f = parsed.data;
  const problems: string[] = [];
  const codes = new Set<string>();
  for (const i of f.indicators) {
    if (codes.has(i.code)) problems.push(`${i.code}: declared twice`);
    codes.add(i.code);
    for (const c of [...(i.numerator ?? []), ...(i.denominator ?? [])]) {
      const e = catalogue.byCode.get(c);
      if (!e) problems.push(`${i.code}: ${c} is not in the catalogue`);
      // A rate or a derived figure is not summed over units: it cannot be part of a sum.
      else if (!sumsOverUnits(e.kind)) problems.push(`${i.code}: ${c} is a ${e.kind} and cannot be added up`);
    }
  }
  const plans = new Map<number, z.infer<typeof planEntry>[]>();
  for (const [year, entries] of Object.entries(f.plans)) {
    const seen = new Set<string>();
    for (const p of entries) {
      if (!codes.has(p.code)) problems.push(`plan ${year}: ${p.code} is not an indicator`);
      if (seen.has(p.code)) problems.push(`plan ${year}: ${p.code} twice`);
      seen.add(p.code);
    }
    plans.set(Number(year), entries);
  }
  if (problems.length > 0) throw new Error(`indicators: ${problems.join('; ')}`);
  return { indicators: f.indicators, plans };
}

/** The plan that applies to a year: its own, else the latest earlier one (null before any). */
export function planFor(set: IndicatorSet, year: number): { year: number; entries: z.infer<typeof planEntry>[] } | null {
  let best: number | null = null;
  for (const y of set.plans.keys()) if (y <= year && (best === null || y > best)) best = y;
  return best === null ? null : { year: best, entries: set.plans.get(best)! };
}

/** Why an indicator has no value, or no verdict. */
export type IndicatorGap = 'notInCatalogue' | 'numeratorMissing' | 'denominatorMissing' | 'denominatorZero' | 'noTarget';

export interface IndicatorValue {
  code: string;
  numerator: number | null;
  denominator: number | null;
  factor: number;
  value: number | null;
  target: number | null;
  direction: IndicatorDirection | null;
  /** null when there is no value or no target. */
  onTrack: boolean | null;
  /** Why value or onTrack is null; null when both are there. */
  gap: IndicatorGap | null;
  /** The elements with no value (numerator or denominator), or what the catalogue lacks. */
  missing: string[];
}

/** Whether a value meets its target in the target's direction. */
export function meets(value: number, target: number, direction: IndicatorDirection): boolean {
  // Ratios of sums carry binary noise (0.1 + 0.2): equal within a millionth of the target is equal.
  const eps = Math.abs(target) * 1e-9 + 1e-12;
  switch (direction) {
    case '>=':
      return value >= target - eps;
    case '>':
      return value > target + eps;
    case '<=':
      return value <= target + eps;
    case '<':
      return value < target - eps;
    case '=':
      return Math.abs(value - target) <= eps;
  }
}

/**
 * One indicator from a unit's figures (each element already aggregated over the unit's subtree
 * by its kind). Numerator and denominator are sums of elements; null when any part is missing.
 */
export function computeIndicator(def: IndicatorDef, figure: (code: string) => Figure | undefined, plan: { target: number; direction: IndicatorDirection } | null): IndicatorValue {
  const base = { code: def.code, factor: def.factor, target: plan?.target ?? null, direction: plan?.direction ?? null };
  if (!def.numerator || !def.denominator) {
    return { ...base, numerator: null, denominator: null, value: null, onTrack: null, gap: 'notInCatalogue', missing: def.needs };
  }
  const part = (c: string) => {
    const f = figure(c);
    return (def.over === 'yearToDate' ? f?.ytd : f?.value) ?? null;
  };
  const sum = (codes: string[]) => {
    const missing = codes.filter((c) => part(c) === null);
    return { missing, total: missing.length > 0 ? null : codes.reduce((a, c) => a + part(c)!, 0) };
  };
  const num = sum(def.numerator);
  const den = sum(def.denominator);
  const missing = [...num.missing, ...den.missing];
  let gap: IndicatorGap | null = null;
  let value: number | null = null;
  if (num.total === null) gap = 'numeratorMissing';
  else if (den.total === null) gap = 'denominatorMissing';
  else if (den.total === 0) gap = 'denominatorZero';
  else value = (num.total / den.total) * def.factor;
  if (value !== null && plan === null) gap = 'noTarget';
  const onTrack = value !== null && plan !== null ? meets(value, plan.target, plan.direction) : null;
  return { ...base, numerator: num.total, denominator: den.total, value, onTrack, gap, missing };
}

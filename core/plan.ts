// Annual plan targets (kế hoạch) and "% of plan". A target has a direction: most are
// "reach at least" (≥), many are ceilings (< 26 maternal deaths per 100,000; < 0.3% HIV).
import type { CatalogueElement } from './catalogue';
import { UserError } from './errors';
import { checkAmount } from './values';

export const PLAN_DIRECTIONS = ['>=', '<=', '<'] as const;
export type PlanDirection = (typeof PLAN_DIRECTIONS)[number];

export interface PlanTarget {
  unit: string;
  year: number;
  element: string;
  target: number;
  direction: PlanDirection;
}

/** value / target × 100, or null when either is missing or the target is 0. */
export function pctOfPlan(value: number | null, target: number | null): number | null {
  if (value === null || target === null || target === 0) return null;
  return (value / target) * 100;
}

export function parseDirection(s: string): PlanDirection | null {
  const t = s.trim().replace('≥', '>=').replace('≤', '<=');
  if (t === '') return '>=';
  return (PLAN_DIRECTIONS as readonly string[]).includes(t) ? (t as PlanDirection) : null;
}

/**
 * Whether a plan target fits its element, by the same rules as a value (checkAmount): whole
 * numbers for counts and money, at most 100 for a percentage, never negative; and no target for
 * a computed element (removing one, null, is allowed). Returns the error or null.
 */
export function checkTarget(e: CatalogueElement, target: number | null): UserError | null {
  if (e.kind === 'derived' && target !== null) return new UserError('error.derivedNoTarget', { element: e.nameVi });
  return checkAmount(e, target);
}

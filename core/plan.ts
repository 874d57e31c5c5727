// Annual plan targets (kế hoạch) and "% of plan". A target has a direction: most are
// "reach at least" (≥), many are ceilings (< 26 maternal deaths per 100,000; < 0.3% HIV).

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

/** Whether a value meets its target, respecting the target's direction. */
export function meetsTarget(value: number | null, target: number | null, direction: PlanDirection): boolean | null {
  if (value === null || target === null) return null;
  switch (direction) {
    case '>=':
      return value >= target;
    case '<=':
      return value <= target;
    case '<':
      return value < target;
  }
}

export function parseDirection(s: string): PlanDirection | null {
  const t = s.trim().replace('≥', '>=').replace('≤', '<=');
  if (t === '') return '>=';
  return (PLAN_DIRECTIONS as readonly string[]).includes(t) ? (t as PlanDirection) : null;
}

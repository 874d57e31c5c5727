// Annual plan targets (kế hoạch) per unit, year and element, with their direction: the plans
// screen, and anyone else, reads and edits them through these operations. The CSV import
// (`plans.importCsvText`) stays in the data area.
import { z } from 'zod';
import { PLAN_DIRECTIONS, type PlanDirection } from '../plan';
import { area } from './contract';
import { code } from './data';

/** Any integer: an out-of-range year is refused with a sentence (error.badYear), not a schema error. */
const year = z.number().int();

export interface PlanRow {
  element: string;
  programme: string;
  /** The unit's own target, or null when it has none. */
  target: number | null;
  direction: PlanDirection | null;
  /** For a unit with units below it and no target of its own: the sum of theirs, if any. */
  fromBelow: number | null;
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface PlansView {
  unit: string;
  year: number;
  /** Every element that can have a target at this unit, in catalogue order. */
  rows: PlanRow[];
}

export interface PlansResults {
  'plans.get': PlansView;
  'plans.set': PlanRow;
  'plans.copyYear': { copied: number; kept: number; overwritten: number };
}

export const plansArgs = area<PlansResults>()({
  'plans.get': z.object({ unit: code, year }).strict(),
  /** One target; null removes it. The direction defaults to "at least" (≥). */
  'plans.set': z
    .object({ unit: code, year, element: code, target: z.number().finite().nullable(), direction: z.enum(PLAN_DIRECTIONS).optional() })
    .strict(),
  /**
   * The unit's targets of year `from` into year `to`. A target already set in `to` is kept unless
   * `overwrite` is true.
   */
  'plans.copyYear': z.object({ unit: code, from: year, to: year, overwrite: z.boolean().optional() }).strict(),
});

// The entry screen's own operations (issue 12): where the month stands, i.e. how many of the
// cells that take a value hold one, per programme and per unit below, and the report's deadline
// under the same rule the province judges by (setting `status.deadline`, core/deadline.ts).
import { z } from 'zod';
import type { OrgUnitLevel } from '../orgunit';
import type { DeadlineRule } from '../settings';
import { area } from './contract';
import { code, month } from './data';

export const entryArgs = area<EntryResults>()({
  /** Filled / expected cells of a month for the unit and the units below it, and the deadline. */
  'entry.progress': z.object({ unit: code, period: month, lang: z.enum(['vi', 'en']).optional() }).strict(),
});

export interface ProgressCount {
  /** Cells holding a value (a cleared value is not one). */
  filled: number;
  /** Cells that take a value: the non-derived elements the unit's level enters. */
  expected: number;
}

export interface EntryProgress {
  unit: string;
  period: string;
  /**
   * Over every unit counted: the unit and those below it active in the month, as the month's
   * checks count completeness (core/rules/completeness.ts). A district-level element counts once
   * per district, filled when the district or one of its facilities holds it.
   */
  total: ProgressCount;
  /** Every programme in report order, with its cells over all the units counted. */
  programmes: (ProgressCount & { programme: string })[];
  /** The unit, then those below it active in the month that enter values (facilities in their district's row). */
  units: (ProgressCount & { unit: string; name: string; level: OrgUnitLevel })[];
  deadline: {
    rule: DeadlineRule;
    /** The rule in words, e.g. "trước hết ngày 12 của tháng sau". */
    ruleText: string;
    /** The last day, YYYY-MM-DD (Vietnam's calendar). */
    date: string;
    /** Whole days from today (Vietnam's calendar, the service's clock) to that day: 0 on the day, negative once past. */
    daysLeft: number;
    /** Years whose public holidays are not shipped: only weekends were counted. */
    unknownHolidayYears: number[];
  };
  /** The service's clock when counted. */
  asOf: string;
}

export interface EntryResults {
  'entry.progress': EntryProgress;
}

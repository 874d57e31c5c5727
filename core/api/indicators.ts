// The province's plan indicators (issue 11): for a unit and each of its child units, every
// indicator's numerator, denominator, value, target, direction and on track / not on track.
import { z } from 'zod';
import { area } from './contract';
import { code, periodSpec } from './data';
import type { IndicatorDef, IndicatorValue } from '../indicators';
import type { OrgUnitLevel } from '../orgunit';

export const indicatorsArgs = area<IndicatorsResults>()({
  'indicators.get': z.object({ unit: code, period: periodSpec }).strict(),
});

export interface UnitIndicators {
  unit: string;
  name: string;
  level: OrgUnitLevel;
  indicators: IndicatorValue[];
}

export interface IndicatorsView {
  unit: string;
  period: string;
  /** The plan year whose set and targets apply (the period's year, else the latest before it). */
  planYear: number | null;
  /** The indicators' definitions, in the plan's order. */
  definitions: IndicatorDef[];
  /** The unit itself first, then each of its child units. */
  units: UnitIndicators[];
}

export interface IndicatorsResults {
  'indicators.get': IndicatorsView;
}

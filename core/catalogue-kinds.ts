// The catalogue's vocabulary without its schemas: aggregation kinds, value types, entry levels,
// display formats and the rules on them. No zod here: the renderer imports this (through
// core/catalogue.ts's types) and its bundle stays free of the schema library.
import type { OrgUnitLevel } from './orgunit';

/**
 * How an element's values combine across org units and across months.
 * - flow: a count for the month; sums over units and months (year-to-date = sum).
 * - stock: a level at month end; sums over units; over months the latest month stands.
 * - cumulative: a running total since some start; like stock, and must not decrease.
 * - rate: a percentage or ratio entered for one unit; never summed.
 * - derived: computed from other elements (numerator / denominator × factor).
 */
export const AGGREGATION_KINDS = ['flow', 'stock', 'cumulative', 'rate', 'derived'] as const;
export type AggregationKind = (typeof AGGREGATION_KINDS)[number];

/**
 * Kinds whose values are never added up over units: a rate stands for the unit that entered it,
 * and a derived figure is computed from the sums (never a sum of ratios). The one place that
 * says so; the SQL of db/figures.repo.ts, the live checks' windows, plan targets summed from
 * the units below, the report's commune appendix and the grid's totals row all read it.
 */
export const UNSUMMED_KINDS: readonly AggregationKind[] = ['rate', 'derived'];

/** Whether values of this kind add up over units (a rate is never summed, nor a derived figure). */
export function sumsOverUnits(kind: AggregationKind): boolean {
  return !UNSUMMED_KINDS.includes(kind);
}

export const VALUE_TYPES = ['count', 'decimal', 'money', 'percent'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

/** Where a value is entered: on each commune, or once on a district-level unit. */
export const ENTRY_LEVELS = ['commune', 'district'] as const;
export type EntryLevel = (typeof ENTRY_LEVELS)[number];

/**
 * The entry-level rule, in one place: commune elements are entered on communes, district ones
 * on the district or its facilities. (Derived elements are never entered at all: takesEntry.)
 */
export function entryLevelAllows(entryLevel: EntryLevel, unitLevel: OrgUnitLevel): boolean {
  return entryLevel === 'commune' ? unitLevel === 'commune' : unitLevel === 'district' || unitLevel === 'facility';
}

/** Whether a unit at this level enters the element: the entry-level rule, and never a derived one. */
export function takesEntry(e: { entryLevel: EntryLevel; kind: AggregationKind }, unitLevel: OrgUnitLevel): boolean {
  return e.kind !== 'derived' && entryLevelAllows(e.entryLevel, unitLevel);
}

/** How a figure prints in a report. */
export const DISPLAY_FORMATS = ['number', 'percent', 'money', 'per100', 'fixed1', 'percent2'] as const;
export type DisplayFormat = (typeof DISPLAY_FORMATS)[number];

/** The display format an element uses when the catalogue does not name one. */
export function displayFormat(e: { format?: DisplayFormat | undefined; valueType: ValueType }): DisplayFormat {
  if (e.format) return e.format;
  if (e.valueType === 'money') return 'money';
  if (e.valueType === 'percent') return 'percent';
  return 'number';
}

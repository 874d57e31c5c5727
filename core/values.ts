// Rules every entered value obeys, whatever path it comes by (grid, paste, CSV).
import type { CatalogueElement } from './catalogue';
import { entryLevelAllows } from './catalogue-kinds';
import { UserError } from './errors';
import { formatNumber } from './format';
import type { OrgUnit } from './orgunit';
import { isFutureMonth, isMonth } from './period';

export const MAX_COMMENT = 2000;
const MAX_VALUE = 1e13;

export interface DataValue {
  unit: string;
  period: string;
  element: string;
  value: number | null;
  comment: string | null;
  revision: number;
  updatedBy: string;
  updatedAt: string;
}

/**
 * One cell of a month as the entry grid reads it: the value, the revision it shows (sent back
 * with an edit), and the explanation comment when there is one.
 */
export type MonthCell = [value: number | null, revision: number] | [value: number | null, revision: number, comment: string];

/**
 * unit → element → cell: the month's stored values of several units, without what every value
 * repeats (period, unit, author, time). A district month (2,600 values) is 90 KB of JSON
 * instead of 450 KB as DataValue objects; the grid's first load waits for it.
 */
export type MonthCells = Record<string, Record<string, MonthCell>>;

export function monthCells(values: readonly DataValue[]): MonthCells {
  const out: MonthCells = {};
  for (const v of values) (out[v.unit] ??= {})[v.element] = v.comment?.trim() ? [v.value, v.revision, v.comment] : [v.value, v.revision];
  return out;
}

/** Checks the period; returns the error or null. */
export function checkMonth(period: string, now: Date = new Date()): UserError | null {
  if (!isMonth(period)) return new UserError('error.badPeriod', { period });
  if (isFutureMonth(period, now)) return new UserError('error.futureMonth', { period });
  return null;
}

/** Checks one value for an element and unit; returns the error or null. */
export function checkValue(
  e: CatalogueElement,
  unit: OrgUnit,
  period: string,
  value: number | null,
  comment: string | null,
): UserError | null {
  const name = e.nameVi;
  if (e.kind === 'derived') return new UserError('error.derivedNotEntered', { element: name });
  if (!entryLevelAllows(e.entryLevel, unit.level)) {
    return new UserError('error.wrongEntryLevel', {
      element: name,
      unit: unit.name,
      // i18next's context picks the message naming that level ({{commune}} / {{district}}, core/levels.ts).
      context: e.entryLevel === 'commune' ? 'commune' : 'district',
    });
  }
  if (unit.closedFrom && period >= unit.closedFrom) {
    return new UserError('error.unitClosed', { unit: unit.name, from: unit.closedFrom, period });
  }
  if (unit.openedFrom && period < unit.openedFrom) {
    return new UserError('units.notOpenYet', { unit: unit.name, from: unit.openedFrom, period });
  }
  if (comment !== null && comment.length > MAX_COMMENT) return new UserError('error.commentTooLong', { max: MAX_COMMENT });
  return checkAmount(e, value);
}

/**
 * Checks a number against its element's type, wherever it comes from (a value or a plan
 * target): finite, not negative, not absurdly large, whole for counts and money, at most 100
 * for a percentage. Returns the error or null.
 */
export function checkAmount(e: CatalogueElement, value: number | null): UserError | null {
  const name = e.nameVi;
  if (value === null) return null;
  if (!Number.isFinite(value)) return new UserError('error.notANumber', { text: String(value) });
  if (value < 0) return new UserError('error.negativeValue', { element: name, text: formatNumber(value, 'vi', 6) });
  if (Math.abs(value) > MAX_VALUE) return new UserError('error.valueTooLarge', { element: name, text: formatNumber(value, 'vi', 6) });
  if ((e.valueType === 'count' || e.valueType === 'money') && !Number.isInteger(value)) {
    return new UserError('error.notAnInteger', { element: name, text: formatNumber(value, 'vi', 6) });
  }
  if (e.valueType === 'percent' && value > 100) return new UserError('error.percentOutOfRange', { element: name, text: formatNumber(value, 'vi', 6) });
  return null;
}


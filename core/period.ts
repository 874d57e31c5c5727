// Periods. Data is stored per month ("YYYY-MM"); every longer period is a list of months.
// Quarter, 6-month, 9-month and year reports follow the province's review calendar.

export type Month = string; // "YYYY-MM"
export type PeriodSpec = string; // "YYYY-MM" | "YYYY-Qn" | "YYYY-H1" | "YYYY-9M" | "YYYY"

/**
 * The years a user may name. The catalogue's programmes are today's reporting forms and no
 * district keeps monthly figures in files from before 2000, so an earlier year ("0000-01",
 * "1024-05") is a typo, refused wherever a period comes in (API, CSV, CLI). The last year bounds
 * plan targets (future months are refused for values anyway). The database's plan_target CHECK
 * (1900–2999) is wider, never narrower.
 */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether a year is one a user may name (FIRST_YEAR..LAST_YEAR). */
export function isYearInRange(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;
}

/** A month a user may name: "YYYY-MM" with the year in range. Months computed inside the app may lie before it. */
export function isMonth(s: string): boolean {
  const m = MONTH_RE.exec(s);
  return m !== null && isYearInRange(Number(m[1]));
}

export function monthParts(m: Month): { year: number; month: number } {
  const match = MONTH_RE.exec(m);
  if (!match) throw new RangeError(`not a month: ${m}`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

export function makeMonth(year: number, month: number): Month {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function addMonths(m: Month, n: number): Month {
  const { year, month } = monthParts(m);
  const idx = year * 12 + (month - 1) + n;
  return makeMonth(Math.floor(idx / 12), (idx % 12) + 1);
}

export function previousMonth(m: Month): Month {
  return addMonths(m, -1);
}

export function sameMonthLastYear(m: Month): Month {
  return addMonths(m, -12);
}

/** January..m of m's year. */
export function yearToDateMonths(m: Month): Month[] {
  const { year, month } = monthParts(m);
  return Array.from({ length: month }, (_, i) => makeMonth(year, i + 1));
}

/** The calendar month of a date, in local time. */
export function monthOf(date: Date): Month {
  return makeMonth(date.getFullYear(), date.getMonth() + 1);
}

/** A month after the current one cannot have data yet. */
export function isFutureMonth(m: Month, now: Date = new Date()): boolean {
  return m > monthOf(now);
}

export type PeriodKind = 'month' | 'quarter' | 'half' | 'nine-months' | 'year';

export interface ResolvedPeriod {
  spec: PeriodSpec;
  kind: PeriodKind;
  year: number;
  /** The months in the period, in order. */
  months: Month[];
  /** The last month: the one whose stock and cumulative values stand for the period. */
  end: Month;
}

const SPEC_RE = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4])|-(H1)|-(9M))?$/;

/** A period a user may name (month, quarter, 6 or 9 months, year), the year in range. */
export function isPeriodSpec(s: string): boolean {
  const m = SPEC_RE.exec(s);
  return m !== null && isYearInRange(Number(m[1]));
}

export function resolvePeriod(spec: PeriodSpec): ResolvedPeriod {
  const match = SPEC_RE.exec(spec);
  if (!match) throw new RangeError(`not a period: ${spec}`);
  const year = Number(match[1]);
  let from = 1;
  let to = 12;
  let kind: PeriodKind = 'year';
  if (match[2]) {
    from = to = Number(match[2]);
    kind = 'month';
  } else if (match[3]) {
    const q = Number(match[3]);
    from = (q - 1) * 3 + 1;
    to = q * 3;
    kind = 'quarter';
  } else if (match[4]) {
    to = 6;
    kind = 'half';
  } else if (match[5]) {
    to = 9;
    kind = 'nine-months';
  }
  const months: Month[] = [];
  for (let i = from; i <= to; i++) months.push(makeMonth(year, i));
  return { spec, kind, year, months, end: months[months.length - 1]! };
}

/** The same period one year earlier ("2024-Q2" → "2023-Q2"). */
export function samePeriodLastYear(spec: PeriodSpec): PeriodSpec {
  const year = Number(spec.slice(0, 4));
  return String(year - 1).padStart(4, '0') + spec.slice(4);
}

// Periods as DHIS2 writes them. Data here is kept per month (core/period.ts); DHIS2 names the
// same periods by its period types: Monthly 202405, Quarterly 2024Q2, SixMonthly 2024S1,
// Yearly 2024. ADX writes a period as its first day and an ISO 8601 duration (2024-05-01/P1M).
// The province's 9-month review has no DHIS2 period type, so it is refused for DHIS2.
import { UserError } from '../../core/errors';
import { isPeriodSpec, isYearInRange, resolvePeriod, type ResolvedPeriod } from '../../core/period';

export type Dhis2PeriodType = 'Monthly' | 'Quarterly' | 'SixMonthly' | 'Yearly';

export interface Dhis2Period {
  /** Ours: 2024-05, 2024-Q2, 2024-H1, 2024. */
  spec: string;
  /** DHIS2's ISO-like id: 202405, 2024Q2, 2024S1, 2024. */
  id: string;
  /** ADX: 2024-05-01/P1M. */
  adx: string;
  type: Dhis2PeriodType;
  resolved: ResolvedPeriod;
}

const DHIS2_ID = /^(\d{4})(?:(0[1-9]|1[0-2])|Q([1-4])|S(1))?$/;

/** A DHIS2 period id (202405, 2024Q2, 2024S1, 2024) as our period spec, or null. */
export function specOfDhis2Id(id: string): string | null {
  const m = DHIS2_ID.exec(id);
  if (!m || !isYearInRange(Number(m[1]))) return null;
  if (m[2]) return `${m[1]}-${m[2]}`;
  if (m[3]) return `${m[1]}-Q${m[3]}`;
  if (m[4]) return `${m[1]}-H1`;
  return m[1]!;
}

/**
 * The period a user named, in our form (2024-05, 2024-Q2, 2024-H1, 2024) or DHIS2's (202405,
 * 2024Q2, 2024S1), as DHIS2 and ADX write it. Throws UserError for anything else and for the
 * 9-month period, which DHIS2 has no period type for.
 */
export function dhis2Period(text: string): Dhis2Period {
  const spec = isPeriodSpec(text) ? text : specOfDhis2Id(text);
  if (spec === null) throw new UserError('dhis2.period.bad', { period: text });
  const p = resolvePeriod(spec);
  const first = `${p.months[0]}-01`;
  const y = String(p.year);
  switch (p.kind) {
    case 'month':
      return { spec, id: p.months[0]!.replace('-', ''), adx: `${first}/P1M`, type: 'Monthly', resolved: p };
    case 'quarter':
      return { spec, id: `${y}${spec.slice(5)}`, adx: `${first}/P3M`, type: 'Quarterly', resolved: p };
    case 'half':
      return { spec, id: `${y}S1`, adx: `${first}/P6M`, type: 'SixMonthly', resolved: p };
    case 'year':
      return { spec, id: y, adx: `${first}/P1Y`, type: 'Yearly', resolved: p };
    default:
      throw new UserError('dhis2.period.nineMonths', { period: text });
  }
}

/**
 * A period of an imported dataValueSet as our month: only DHIS2's monthly ids (202405) are
 * taken, because values are kept per month here; null for anything else.
 */
export function monthOfDhis2Id(id: string): string | null {
  const spec = specOfDhis2Id(id);
  return spec !== null && /^\d{4}-\d{2}$/.test(spec) ? spec : null;
}

// When a month's report is due at the level above, and whether a report was on time (issue 11).
// Pure: the rule comes from the settings (core/settings.ts, `status.deadline`), the public
// holidays from the data files under resources/holidays (one per year, sources noted in each).
//
// Dates are Vietnam's (UTC+7, no daylight saving): a deadline day ends at 24:00 in Hà Nội, and a
// report is on time when it was sent (the bundle's signed send time) by then.
import vn2024 from '../resources/holidays/vn-2024.json';
import vn2025 from '../resources/holidays/vn-2025.json';
import vn2026 from '../resources/holidays/vn-2026.json';
import { monthParts, type Month } from './period';
import type { DeadlineRule } from './settings';

export interface HolidayYear {
  year: number;
  sources: string[];
  holidays: { date: string; name: string }[];
  /** Saturdays or Sundays that are working days (a swap for a bridge day). */
  workingWeekendDays: { date: string; name: string }[];
}

/** The public-holiday lists shipped with the app, by year. */
export const HOLIDAY_YEARS: ReadonlyMap<number, HolidayYear> = new Map(
  ([vn2024, vn2025, vn2026] as HolidayYear[]).map((h) => [h.year, h]),
);

/** Vietnam's offset from UTC, in hours. */
export const VN_OFFSET_HOURS = 7;

export interface Deadline {
  /** The last day, YYYY-MM-DD (Vietnam's calendar). */
  date: string;
  /** The end of that day in Vietnam, as an ISO instant (UTC). */
  endsAt: string;
  /** Years whose holidays the rule needed but no list is shipped for: only weekends counted. */
  unknownHolidayYears: number[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** The end of a Vietnamese calendar day as a UTC instant. */
function endOfDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1, -VN_OFFSET_HOURS) - 1).toISOString();
}

/** True when `date` (YYYY-MM-DD) is a working day: Monday–Friday not a holiday, or a listed working weekend day. */
export function isWorkingDay(date: string, holidays: ReadonlyMap<number, HolidayYear> = HOLIDAY_YEARS): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  const list = holidays.get(d.getUTCFullYear());
  if (list?.workingWeekendDays.some((w) => w.date === date)) return true;
  const wd = d.getUTCDay();
  if (wd === 0 || wd === 6) return false;
  return !list?.holidays.some((h) => h.date === date);
}

/** The deadline of a month's report under `rule`. */
export function deadlineOf(period: Month, rule: DeadlineRule, holidays: ReadonlyMap<number, HolidayYear> = HOLIDAY_YEARS): Deadline {
  const { year, month } = monthParts(period);
  if (rule.rule === 'dayOfNextMonth') {
    const date = isoDate(new Date(Date.UTC(year, month, rule.day)));
    return { date, endsAt: endOfDay(date), unknownHolidayYears: [] };
  }
  // The Nth working day after the month: counted from the 1st of the next month.
  const unknown = new Set<number>();
  const d = new Date(Date.UTC(year, month, 1));
  let left = rule.days;
  for (;;) {
    const date = isoDate(d);
    if (!holidays.has(d.getUTCFullYear())) unknown.add(d.getUTCFullYear());
    if (isWorkingDay(date, holidays) && --left === 0) return { date, endsAt: endOfDay(date), unknownHolidayYears: [...unknown] };
    d.setUTCDate(d.getUTCDate() + 1);
  }
}

/** A calendar date (YYYY-MM-DD) as Vietnamese readers write it: 12/06/2024. */
export function viDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** An instant as a date and time in Vietnam, e.g. "10/06/2024 14:05". */
export function viDateTime(iso: string): string {
  const t = new Date(Date.parse(iso) + VN_OFFSET_HOURS * 3_600_000);
  return `${pad(t.getUTCDate())}/${pad(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

export type ReportTimeliness = 'on-time' | 'late' | 'missing' | 'not-due';

/**
 * A month's report against its deadline: `judgedAt` is the first accepted revision's signed send
 * time (else its receive time), null when nothing was received; `now` decides missing or not due.
 */
export function timelinessOf(judgedAt: string | null, deadlineEndsAt: string, now: Date): ReportTimeliness {
  const ends = Date.parse(deadlineEndsAt);
  if (judgedAt !== null) return Date.parse(judgedAt) <= ends ? 'on-time' : 'late';
  return now.getTime() > ends ? 'missing' : 'not-due';
}

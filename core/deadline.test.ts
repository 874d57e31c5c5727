import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE, readSetting } from './settings';
import { HOLIDAY_YEARS, deadlineOf, isWorkingDay, viDate, viDateTime } from './deadline';

describe('deadlines', () => {
  it('by default the end of the 12th of the following month in Vietnam (seed 001), December into January', () => {
    expect(deadlineOf('2024-05', DEFAULT_DEADLINE)).toEqual({ date: '2024-06-12', endsAt: '2024-06-12T16:59:59.999Z', unknownHolidayYears: [] });
    expect(deadlineOf('2024-12', DEFAULT_DEADLINE).date).toBe('2025-01-12');
    expect(deadlineOf('2024-01', { rule: 'dayOfNextMonth', day: 5 }).date).toBe('2024-02-05');
  });

  it('N working days after the month: weekends, holidays and swapped Saturdays from the data files', () => {
    // Tết Giáp Thìn: 08/02–14/02/2024. Ten working days after January 2024.
    expect(deadlineOf('2024-01', { rule: 'workingDays', days: 10 }).date).toBe('2024-02-21');
    // 30/4–1/5/2024 with Saturday 04/05 worked.
    expect(deadlineOf('2024-04', { rule: 'workingDays', days: 3 }).date).toBe('2024-05-04');
    // Quốc khánh 2024: Monday 02/09 and Tuesday 03/09.
    expect(deadlineOf('2024-08', { rule: 'workingDays', days: 2 }).date).toBe('2024-09-05');
    // Tết Ất Tỵ to 02/02/2025.
    expect(deadlineOf('2025-01', { rule: 'workingDays', days: 5 }).date).toBe('2025-02-07');
    // Tết Bính Ngọ 2026: 16/02–20/02 weekdays off.
    expect(deadlineOf('2026-01', { rule: 'workingDays', days: 12 }).date).toBe('2026-02-24');
    expect(deadlineOf('2029-12', { rule: 'workingDays', days: 1 })).toMatchObject({ date: '2030-01-01', unknownHolidayYears: [2030] });
  });

  it('holiday files: 2024–2026, each with its sources, holidays on weekdays, swapped days on weekends', () => {
    expect([...HOLIDAY_YEARS.keys()]).toEqual([2024, 2025, 2026]);
    for (const h of HOLIDAY_YEARS.values()) {
      expect(h.sources.length).toBeGreaterThan(0);
      for (const d of h.holidays) {
        expect(d.date.startsWith(String(h.year))).toBe(true);
        expect(isWorkingDay(d.date)).toBe(false);
      }
      for (const d of h.workingWeekendDays) expect([0, 6]).toContain(new Date(`${d.date}T00:00:00Z`).getUTCDay());
    }
    expect(isWorkingDay('2024-05-04')).toBe(true);
    expect(isWorkingDay('2024-05-05')).toBe(false);
  });

  it('the setting is typed: a wrong rule reads as missing', () => {
    expect(readSetting('status.deadline', { rule: 'workingDays', days: 10 })).toEqual({ rule: 'workingDays', days: 10 });
    expect(readSetting('status.deadline', { rule: 'dayOfNextMonth', day: 31 })).toBeUndefined();
    expect(readSetting('status.deadline', { rule: 'workingDays' })).toBeUndefined();
  });

  it('Vietnamese dates', () => {
    expect(viDate('2024-06-12')).toBe('12/06/2024');
    expect(viDateTime('2024-06-12T17:30:00.000Z')).toBe('13/06/2024 00:30');
  });
});

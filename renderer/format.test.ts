import { describe, expect, it } from 'vitest';
import { dmyToIso, formatDateTime, isoToDmy } from './format';

describe('the report date as dd/mm/yyyy', () => {
  it('round-trips and accepts dots and dashes', () => {
    expect(isoToDmy('2024-06-10')).toBe('10/06/2024');
    expect(dmyToIso('10/06/2024')).toBe('2024-06-10');
    expect(dmyToIso('1.6.2024')).toBe('2024-06-01');
    expect(dmyToIso(' 31-12-2024 ')).toBe('2024-12-31');
  });

  it('refuses what is not a calendar date', () => {
    for (const t of ['', '10/06', '31/02/2024', '10/13/2024', '2024-06-10', 'mười/6/2024']) expect(dmyToIso(t)).toBeNull();
  });

  it('shows a stored time in the user’s form', () => {
    expect(formatDateTime('2024-06-10T01:05:00.000Z', 'vi')).toMatch(/10\/06\/2024/);
    expect(formatDateTime(null, 'vi')).toBe('');
  });
});

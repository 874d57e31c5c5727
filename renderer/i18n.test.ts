import { describe, expect, it } from 'vitest';
import { i18n } from './i18n';

describe('the UI’s translator', () => {
  it('formats months in messages as the service does ({{period, month}})', () => {
    expect(i18n.t('quality.locked.write', { unit: 'Xã Một', period: '2024-05', locker: 'Huyện mẫu' })).toMatch(/^Xã Một: tháng 5\/2024 đã được/);
  });
});

import { describe, expect, it } from 'vitest';
import { userMessage } from './i18n';

const lock = { key: 'quality.locked.write', params: { unit: 'Xã Một', period: '2024-05', locker: 'Huyện mẫu' } };

describe('months in messages', () => {
  it('read as people read them in the message’s language, from the stored month', () => {
    expect(userMessage(lock, 'vi')).toMatch(/^Xã Một: tháng 5\/2024 đã được đánh dấu hoàn thành \(tại Huyện mẫu\)/);
    expect(userMessage(lock, 'en')).toMatch(/^Xã Một: May 2024 is marked complete \(at Huyện mẫu\)/);
    expect(userMessage({ key: 'error.unitClosed', params: { unit: 'Xã Ba', from: '2025-07', period: '2025-08' } }, 'vi')).toBe(
      'Đơn vị "Xã Ba" đã sáp nhập hoặc giải thể từ tháng 7/2025, không nhận số liệu tháng 8/2025.',
    );
  });
});

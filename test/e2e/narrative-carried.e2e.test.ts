// A month's narrative carried over from an earlier month stays carried (marked on screen, left to
// the earlier month in the file) until the user changes it: passing through a box — a click in
// it, Tab out of it, another month — does not make the earlier month's text this month's own.
// Chromium, the built renderer, the real service and the demo's SQLite file.
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchBrowser, openApp, pickMonth, seedDemo } from './harness';

vi.setConfig({ testTimeout: 120_000 });

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a carried-over narrative', () => {
  it('is not made the month’s own by a click and Tab; the mark names the month as users read it; an edit makes it its own', async () => {
    const app = await openApp(browser, { seed: seedDemo });
    try {
      const { page, host } = app;
      const own = (period: string, section: string) => {
        const db = new Database(host.dbFile, { readonly: true });
        try {
          return (db.prepare('SELECT body FROM narrative WHERE period = ? AND section = ?').get(period, section) as { body: string } | undefined)?.body;
        } finally {
          db.close();
        }
      };
      expect(own('2024-06', 'I.1')).toBeUndefined();
      const may = own('2024-05', 'I.1');
      expect(may).toBeTruthy();

      await page.getByRole('tab', { name: 'Nhận xét' }).click();
      await pickMonth(page, '2024-06');
      await page.locator('.narrative-list[data-loading="false"]').waitFor();
      const first = page.locator('.narrative-section').first();
      await expect.poll(() => first.locator('.carried').textContent()).toBe('(chép từ tháng 5/2024, sửa để dùng cho tháng này)');
      expect(await first.locator('textarea').inputValue()).toBe(may);

      // Through the box without a change: still May's, still marked.
      await first.locator('textarea').click();
      await page.keyboard.press('Tab');
      await page.locator('.narrative-section').nth(1).locator('textarea').click();
      await page.getByRole('tab', { name: 'Nhập số liệu' }).click();
      await page.getByRole('tab', { name: 'Nhận xét' }).click();
      await page.locator('.narrative-list[data-loading="false"]').waitFor();
      await expect.poll(() => page.locator('.narrative-section').first().locator('.carried').count()).toBe(1);
      expect(own('2024-06', 'I.1')).toBeUndefined();
      expect(own('2024-06', 'I.2')).toBeUndefined();

      // Changed: June's own from now on.
      const box = page.locator('.narrative-section').first().locator('textarea');
      await box.click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' Tháng 6 như tháng 5.');
      await page.keyboard.press('Tab');
      await expect.poll(() => own('2024-06', 'I.1')).toBe(`${may} Tháng 6 như tháng 5.`);
      await expect.poll(() => page.locator('.narrative-section').first().locator('.carried').count()).toBe(0);
    } finally {
      await app.close();
    }
  });
});

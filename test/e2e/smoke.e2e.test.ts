import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp, pickMonth, screenshot } from './harness';
import { writeFixtureDatabase } from './fixture-db';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('the app in Chromium', () => {
  it('shows the entry grid of a month', async () => {
    const app = await openApp(browser, { seed: writeFixtureDatabase });
    try {
      const { page } = app;
      await page.getByRole('tab', { name: 'Nhập số liệu' }).waitFor();
      await pickMonth(page, '2024-05');
      await page.locator('.period-bar select').nth(2).selectOption('EPI');
      await page.locator('.ag-cell', { hasText: 'Xã Một' }).waitFor();
      await screenshot(page, 'entry-grid');
      expect(await page.locator('.ag-row-pinned').innerText()).toContain('28');
    } finally {
      await app.close();
    }
  });
});

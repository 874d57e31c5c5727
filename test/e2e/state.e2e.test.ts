// The renderer's state follows the database under it: after a restore nothing read from the
// database as it was (the grid's values, the selected cell and its history) stays on screen;
// and a save changes the grid's cells, never its columns. Chromium, the built renderer, a real
// SQLite file.
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
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

const cell = (page: Page, unit: string, col: string) => page.locator(`.grid-wrap[data-loading="false"] .ag-row[row-id="${unit}"] [col-id="${col}"]`);

async function openEntry(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Nhập số liệu' }).click();
  await pickMonth(page, '2024-05');
  await page.getByLabel('Chương trình').selectOption('EPI');
  await cell(page, 'TH_HH_01', 'EPI_FULL_U1').filter({ hasText: /\d/ }).waitFor();
}

describe('the renderer follows the database', () => {
  it('after a restore, no value, cell or history of the replaced database stays on screen', async () => {
    const app = await openApp(browser, { seed: seedDemo });
    try {
      const { page, host } = app;
      const backup = await host.call('backup.now', {});
      expect(backup.ok).toBe(true);
      await openEntry(page);
      const before = await cell(page, 'TH_HH_01', 'EPI_MEASLES2').innerText();
      // A value typed after the backup: the grid, the cell panel and its history show it.
      await cell(page, 'TH_HH_01', 'EPI_MEASLES2').click();
      await page.keyboard.type('4321');
      await page.keyboard.press('Enter');
      await cell(page, 'TH_HH_01', 'EPI_MEASLES2').filter({ hasText: /^4\.321$/ }).waitFor();
      await cell(page, 'TH_HH_01', 'EPI_MEASLES2').click();
      await page.locator('.cell-panel .history').getByText('4.321').first().waitFor();

      // Restore the backup taken before it, from the Settings screen.
      page.once('dialog', (d) => void d.accept());
      await page.getByRole('tab', { name: 'Cài đặt' }).click();
      await page.getByRole('row').filter({ hasText: 'Sao lưu ngay' }).getByRole('button', { name: 'Khôi phục' }).click();
      await page.getByText('Đã khôi phục').waitFor();

      await page.getByRole('tab', { name: 'Nhập số liệu' }).click();
      await cell(page, 'TH_HH_01', 'EPI_FULL_U1').filter({ hasText: /\d/ }).waitFor();
      await expect.poll(() => cell(page, 'TH_HH_01', 'EPI_MEASLES2').innerText()).toBe(before);
      // The panel picked nothing in the new database: no cell, no history of the old one.
      await page.locator('.cell-panel .hint').first().waitFor();
      expect(await page.locator('.cell-panel .history').count()).toBe(0);
      expect(await page.locator('.cell-panel').innerText()).not.toContain('4.321');
    } finally {
      await app.close();
    }
  });

  it('a save refreshes the cells and leaves the columns as they were', async () => {
    const app = await openApp(browser, { seed: seedDemo });
    try {
      const { page } = app;
      await openEntry(page);
      const wrap = page.locator('.grid-wrap');
      const loaded = await wrap.getAttribute('data-columns-loaded');
      expect(loaded).not.toBeNull();
      await cell(page, 'TH_HH_02', 'EPI_MEASLES2').click();
      await page.keyboard.type('55');
      await page.keyboard.press('Enter');
      // The saved cell is marked (its class comes from the grid's context, not new columns).
      await page.locator('.ag-row[row-id="TH_HH_02"] [col-id="EPI_MEASLES2"].cell-saved').waitFor();
      await cell(page, 'TH_HH_03', 'EPI_MEASLES2').click();
      await page.keyboard.type('56');
      await page.keyboard.press('Enter');
      await page.locator('.ag-row[row-id="TH_HH_03"] [col-id="EPI_MEASLES2"].cell-saved').waitFor();
      expect(await wrap.getAttribute('data-columns-loaded')).toBe(loaded);
    } finally {
      await app.close();
    }
  });

  it('a commune whose month was marked complete on its own is read-only in the grid', async () => {
    // TH_HH_01's May 2024 marked complete by itself (as `thongke complete --unit TH_HH_01` does).
    const seed = (file: string) => {
      seedDemo(file);
      const db = new Database(file);
      db.prepare(
        `INSERT INTO month_status (unit_id, period, status, explained_count, changed_by, changed_at)
         SELECT id, '2024-05', 'complete', 0, 'Trạm Y tế', '2024-06-05T08:00:00Z' FROM org_unit WHERE code = 'TH_HH_01'`,
      ).run();
      db.close();
    };
    const app = await openApp(browser, { seed });
    try {
      const { page } = app;
      await openEntry(page);
      const before = await cell(page, 'TH_HH_01', 'EPI_MEASLES2').innerText();
      await page.locator('.ag-row[row-id="TH_HH_01"] [col-id="EPI_MEASLES2"].cell-readonly').waitFor();
      expect(await page.locator('.ag-row[row-id="TH_HH_02"] [col-id="EPI_MEASLES2"].cell-readonly').count()).toBe(0);
      // Typing there opens no editor and changes nothing; the next row still takes a value.
      await cell(page, 'TH_HH_01', 'EPI_MEASLES2').click();
      await page.keyboard.type('9');
      expect(await page.locator('.ag-cell-inline-editing').count()).toBe(0);
      await expect.poll(() => cell(page, 'TH_HH_01', 'EPI_MEASLES2').innerText()).toBe(before);
    } finally {
      await app.close();
    }
  });
});

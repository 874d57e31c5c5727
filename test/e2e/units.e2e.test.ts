// The figures screen of a commune made by the July 2025 merger: its last-year column adds the
// former communes, and the screen says so ("cộng các đơn vị cũ").
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDatabase } from '../../db/create';
import { seedDemo as seedDemoDistrict } from '../../db/demo';
import { seedReform2025 } from '../../db/demo/reform2025';
import { launchBrowser, openApp, pickMonth, screenshot, seedDemo } from './harness';

// A browser test under a loaded machine: more than the unit tests' 30 s.
vi.setConfig({ testTimeout: 120_000 });

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The demo with 2025, its home unit the new Xã Hoằng Châu. */
function seedNewCommune(file: string): void {
  createDatabase(file, (store) => {
    seedDemoDistrict(store);
    seedReform2025(store, 'Lê Thị Hương');
  });
  const db = new Database(file);
  db.prepare("UPDATE setting SET value = ? WHERE key = 'unit.home'").run(JSON.stringify('TH_HH_HOANG_CHAU'));
  db.close();
}

describe('a new commune after the merger', () => {
  it('shows last year as the sum of its former communes and says so', async () => {
    const app = await openApp(browser, { seed: seedNewCommune });
    try {
      const { page } = app;
      await page.getByRole('tab', { name: 'Số liệu tổng hợp' }).click();
      await pickMonth(page, '2025-08');
      const note = page.getByTestId('predecessors');
      await note.waitFor();
      expect(await note.innerText()).toBe('Lũy kế năm, Cùng kỳ năm trước: cộng các đơn vị cũ (Xã Hoằng Thắng, Xã Hoằng Phong, Xã Hoằng Lưu, Xã Hoằng Châu).');
      expect(await page.locator('h2').innerText()).toContain('Xã Hoằng Châu');
      await screenshot(page, 'units-new-commune-figures');
    } finally {
      await app.close();
    }
  }, 120_000);
});

describe('the units screen', () => {
  it('merges two communes into a new one from July 2025, shows the history, and refuses a merge into itself', async () => {
    const app = await openApp(browser, { seed: seedDemo });
    try {
      const { page } = app;
      await page.getByRole('tab', { name: 'Đơn vị' }).click();
      await page.locator('tr[data-unit="TH_HH_01"]').waitFor();
      await page.getByLabel('Chọn để sáp nhập: Thị trấn Bút Sơn').check();
      await page.getByLabel('Chọn để sáp nhập: Xã Hoằng Giang').check();
      await page.locator('input[name="from"]').fill('2025-07');
      await page.locator('input[name="into"]').fill('TH_HH_MOI');
      await page.locator('input[name="intoName"]').fill('Xã Hoằng Mới');
      await page.getByRole('button', { name: 'Sáp nhập', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Đã lưu thay đổi.' }).waitFor();
      const row = page.locator('tr[data-unit="TH_HH_MOI"]');
      await row.waitFor();
      expect(await row.innerText()).toContain('Xã Hoằng Mới');
      expect(await row.innerText()).toContain('từ tháng 7/2025');
      expect(await page.locator('tr[data-unit="TH_HH_01"]').innerText()).toContain('giải thể hoặc sáp nhập từ tháng 7/2025');
      expect(await page.getByTestId('units-history').innerText()).toContain('Thị trấn Bút Sơn · sáp nhập · → Xã Hoằng Mới · từ tháng 7/2025');

      await page.getByLabel('Chọn để sáp nhập: Xã Hoằng Xuân').check();
      await page.locator('input[name="into"]').fill('TH_HH_03');
      await page.locator('input[name="intoName"]').fill('');
      await page.getByRole('button', { name: 'Sáp nhập', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: 'Không thể sáp nhập đơn vị "Xã Hoằng Xuân" vào chính nó.' }).waitFor();
      await screenshot(page, 'units-screen');
    } finally {
      await app.close();
    }
  }, 120_000);
});

// The units screen (issue 13): name the levels as the province does after 2025, add a "điểm
// trạm" under a commune with the code suggested from its name, and move a commune under the
// province from July 2025 — every level shown by the province's names.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, screenshot, seedDemo } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the units screen: level names, add and move', () => {
  it('names the levels, adds a sub-site with a suggested code and moves a commune from a month', async () => {
    const app = await openApp(browser, { seed: seedDemo });
    try {
      const { page } = app;
      await page.getByRole('tab', { name: 'Đơn vị' }).click();
      const district = page.locator('tr[data-unit="TH_HH"]');
      await district.waitFor();
      expect(await district.innerText()).toContain('Huyện');

      // The province's own names for its levels.
      await page.locator('input[name="levelName2"]').fill('Trung tâm Y tế khu vực');
      await page.locator('input[name="levelName4"]').fill('Điểm trạm');
      await page.getByRole('button', { name: 'Lưu tên các cấp' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã lưu tên các cấp.' }).waitFor();
      await expect.poll(() => district.innerText()).toContain('Trung tâm Y tế khu vực');

      // Add a sub-site under Xã Hoằng Giang: its level follows the parent and reads as the province names it.
      await page.locator('input[name="from"]').fill('2025-07');
      await page.locator('select[name="addParent"]').selectOption('TH_HH_02');
      expect(await page.locator('select[name="addLevel"] option:checked').innerText()).toBe('Điểm trạm');
      await page.locator('input[name="addName"]').fill('Điểm trạm Hoằng Giang Hai');
      await expect.poll(() => page.locator('input[name="addCode"]').inputValue()).toBe('TH_HH_02_HOANG_GIANG_HAI');
      await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã thêm "Điểm trạm Hoằng Giang Hai" (mã TH_HH_02_HOANG_GIANG_HAI).' }).waitFor();
      const site = page.locator('tr[data-unit="TH_HH_02_HOANG_GIANG_HAI"]');
      await site.waitFor();
      const siteText = await site.innerText();
      expect(siteText).toContain('Điểm trạm');
      expect(siteText).toContain('Xã Hoằng Giang');
      expect(siteText).toContain('từ tháng 7/2025');

      // Move Xã Hoằng Xuân under the province from July 2025 (communes answer to the province after the reform).
      await page.locator('select[name="moveUnit"]').selectOption('TH_HH_03');
      await page.locator('select[name="moveParent"]').selectOption('TH');
      await page.getByRole('button', { name: 'Chuyển', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Đã chuyển "Xã Hoằng Xuân" về "Tỉnh Thanh Hóa" từ tháng 7/2025.' }).waitFor();
      await expect.poll(() => page.locator('tr[data-unit="TH_HH_03"]').innerText()).toContain('Tỉnh Thanh Hóa');
      expect(await page.getByTestId('units-history').innerText()).toContain('Xã Hoằng Xuân · chuyển cấp trên · → Tỉnh Thanh Hóa · từ tháng 7/2025');
      await screenshot(page, 'units-screen-add-move');
    } finally {
      await app.close();
    }
  }, 120_000);
});

describe("a unit's own report settings and a period's narrative", () => {
  it('sets a commune signer on the report screen (placeholders show the level defaults) and the preview prints it', async () => {
    const app = await openApp(browser, { seed: seedDemo });
    try {
      const { page } = app;
      await page.getByRole('tab', { name: 'Báo cáo', exact: true }).click();
      await page.locator('.report-screen select').first().selectOption('TH_HH_02');
      await page.getByRole('button', { name: 'Thiết lập báo cáo của đơn vị…' }).click();
      const name = page.locator('.unit-settings input[name="unitName"]');
      await expect.poll(() => name.getAttribute('placeholder')).toBe('TRẠM Y TẾ XÃ HOẰNG GIANG');
      expect(await page.locator('.unit-settings input[name="unitShort"]').getAttribute('placeholder')).toBe('TYT');
      await page.locator('.unit-settings input[name="signerName"]').fill('Nguyễn Thị Lan');
      await page.locator('.unit-settings textarea[name="signerTitle"]').fill('KT. TRƯỞNG TRẠM\nPHÓ TRƯỞNG TRẠM');
      await page.getByRole('button', { name: 'Lưu thiết lập' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã lưu thiết lập báo cáo của Xã Hoằng Giang.' }).waitFor();
      const preview = page.frameLocator('iframe.report-preview').locator('body');
      await expect.poll(() => preview.innerText(), { timeout: 30_000 }).toContain('Nguyễn Thị Lan');
      expect(await preview.innerText()).toContain('PHÓ TRƯỞNG TRẠM');
      await screenshot(page, 'report-unit-settings');
    } finally {
      await app.close();
    }
  }, 120_000);

  it("writes a quarter's own narrative on the narrative screen; the month keeps its own", async () => {
    const app = await openApp(browser, { seed: seedDemo });
    try {
      const { page } = app;
      await page.getByRole('tab', { name: 'Nhận xét' }).click();
      const first = page.locator('.narrative-list textarea').first();
      await first.waitFor();
      const monthText = await first.inputValue();
      await page.locator('select[name="narrativeKind"]').selectOption('quarter');
      await expect.poll(() => page.getByTestId('narrative-period').innerText()).toContain('quý IV năm 2024');
      await expect.poll(() => page.locator('.narrative-list').getAttribute('data-loading')).toBe('false');
      await expect.poll(() => first.inputValue()).toBe('');
      await first.fill('Quý IV: nội dung riêng của quý.');
      await page.getByTestId('narrative-period').click();
      await page.locator('.saved-mark').first().waitFor();
      await page.locator('select[name="narrativeKind"]').selectOption('month');
      await expect.poll(() => first.inputValue()).toBe(monthText);
      await page.locator('select[name="narrativeKind"]').selectOption('quarter');
      await expect.poll(() => first.inputValue()).toBe('Quý IV: nội dung riêng của quý.');
    } finally {
      await app.close();
    }
  }, 120_000);
});
